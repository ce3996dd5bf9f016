"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { moveAssignments } from "@/app/catalogs/[versionId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";
import type { TMoveAssignments } from "@/lib/validation/assignments";

/** Applies the plan shown above it; the page then shows what is left (nothing). */
export function MoveAssignmentsButton({ input }: { input: TMoveAssignments }) {
  const t = useTranslations("move");
  const actionError = useActionError();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <Button
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            const result = await moveAssignments(input);
            if (!result.ok) {
              setMessage({ tone: "error", text: actionError(result) });
              return;
            }
            setMessage({ tone: "ok", text: t("done", result.data) });
            router.refresh();
          })
        }
      >
        {isPending ? t("applying") : t("apply")}
      </Button>
      {message ? (
<Alert tone={message.tone}>{message.text}</Alert>
      ) : null}
    </div>
  );
}
