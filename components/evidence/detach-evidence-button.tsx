"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { detachEvidence } from "@/lib/actions/item-evidence";
import { useEvidenceError } from "@/components/evidence/use-evidence-error";
import { Button } from "@/components/ui/button";

/** Takes a piece of evidence off this item, after a confirmation; the piece itself is kept. */
export function DetachEvidenceButton({ itemId, evidenceId, title }: { itemId: string; evidenceId: string; title: string }) {
  const t = useTranslations("evidence");
  const { split } = useEvidenceError();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);

  const onDetach = () => {
    if (!window.confirm(t("detachConfirm", { title }))) return;
    startTransition(async () => {
      setProblem(null);
      const result = await detachEvidence({ itemId, evidenceId });
      if (result.ok) router.refresh();
      else setProblem(split(result, [] as const).message ?? null);
    });
  };

  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={onDetach} disabled={isPending} aria-label={t("detachLabel", { title })}>
        {isPending ? t("working") : t("detach")}
      </Button>
      {problem ? (
        <p role="alert" className="basis-full text-sm text-danger">
          {problem}
        </p>
      ) : null}
    </>
  );
}
