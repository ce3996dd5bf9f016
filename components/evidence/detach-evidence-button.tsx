"use client";

import { useTranslations } from "next-intl";
import { EVIDENCE_MESSAGES } from "@/components/evidence/add-evidence-form";
import { ActionButton, ActionOutcome, useActionRunner } from "@/components/forms/action-button";
import { detachEvidence } from "@/lib/actions/item-evidence";

/** Takes a piece of evidence off this item, after a confirmation; the piece itself is kept. */
export function DetachEvidenceButton({ itemId, evidenceId, title }: { itemId: string; evidenceId: string; title: string }) {
  const t = useTranslations("evidence");
  const runner = useActionRunner(EVIDENCE_MESSAGES);
  return (
    <>
      <ActionButton
        runner={runner}
        action={detachEvidence}
        input={{ itemId, evidenceId }}
        label={t("detach")}
        ariaLabel={t("detachLabel", { title })}
        variant="ghost"
        size="sm"
        confirm={t("detachConfirm", { title })}
      />
      {/* On a line of its own, under the entry's buttons. */}
      <ActionOutcome of={runner} className="basis-full" />
    </>
  );
}
