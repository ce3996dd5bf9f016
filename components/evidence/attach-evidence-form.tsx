"use client";

import { useTranslations } from "next-intl";
import { EVIDENCE_MESSAGES } from "@/components/evidence/add-evidence-form";
import { FormBody, SelectField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { attachEvidence } from "@/lib/actions/item-evidence";
import { ZItemEvidenceRef } from "@/lib/validation/evidence";

export type AttachOption = { id: string; label: string };

/** Attaches evidence the organization already has (one meeting record can back several duties). */
export function AttachEvidenceForm({ itemId, options }: { itemId: string; options: AttachOption[] }) {
  const t = useTranslations("evidence");
  const of = useActionForm({
    id: "evidence-attach",
    schema: ZItemEvidenceRef,
    action: attachEvidence,
    defaultValues: { itemId, evidenceId: "" },
    fields: { evidenceId: { label: t("attachLabel") } },
    resetOnSuccess: true,
    messages: EVIDENCE_MESSAGES,
  });
  return (
    <div className="space-y-3">
      <h3 id="evidence-attach-heading" className="text-sm font-semibold">
        {t("attachHeading")}
      </h3>
      <FormBody of={of} submitLabel={t("attachSubmit")} variant="secondary" submitClassName="w-full sm:w-auto" aria-labelledby="evidence-attach-heading">
        <SelectField of={of} name="evidenceId" blank={t("attachChoose")} hint={t("attachHint")} options={options.map((o) => ({ value: o.id, label: o.label }))} />
      </FormBody>
    </div>
  );
}
