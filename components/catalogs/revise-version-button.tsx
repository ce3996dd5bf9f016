"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { reviseCatalogVersion } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";

/** Opens a draft of the next version (or the open one) in the editor. */
export function ReviseVersionButton({ versionId }: { versionId: string }) {
  const t = useTranslations("editor");
  const actionError = useActionError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await reviseCatalogVersion({ versionId });
            if (result.ok) router.push(`/catalogs/${result.data.versionId}/edit`);
            else setError(actionError(result));
          })
        }
      >
        {isPending ? t("opening") : t("revise")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </>
  );
}
