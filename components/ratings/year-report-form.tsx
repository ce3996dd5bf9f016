"use client";

import { useTranslations } from "next-intl";
import { FormBody, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { returnYearReport, saveYearReport, submitYearReport } from "@/lib/actions/ratings";
import { ZReturnYearReport, ZWriteYearReport, type TReturnYearReport, type TWriteYearReport } from "@/lib/validation/ratings";

/**
 * The secretary's yearly report: the text (the ledger's draft at first),
 * saved as they go, and submitted, after a question, when done. The page's
 * RecordProvider holds the version each step is checked against.
 */
export function YearReportForm({ periodId, orgId, body }: { periodId: string; orgId: string; body: string }) {
  const t = useTranslations("ratings.report");
  const defaults: TWriteYearReport = { periodId, orgId, body, expectedVersion: 0 };
  const of = useActionForm({
    id: "year-report",
    schema: ZWriteYearReport,
    action: saveYearReport,
    defaultValues: defaults,
    fields: { body: { label: t("body"), max: 20_000 } },
    doneMessage: () => t("saved"),
    messages: "ratings.error",
  });
  const submit = of.submitWith(submitYearReport);
  return (
    <FormBody
      of={of}
      submitLabel={t("save")}
      variant="secondary"
      aria-label={t("formLabel")}
      extra={
        <Button type="button" className="ml-2" onClick={() => (window.confirm(t("submitConfirm")) ? void submit() : undefined)} disabled={of.isBusy}>
          {t("submit")}
        </Button>
      }
    >
      <TextareaField of={of} name="body" rows={28} maxLength={20_000} hint={t("bodyHint")} />
    </FormBody>
  );
}

/** The committee returns a submitted report to its secretary, once, with what to mend. */
export function ReturnReportForm({ periodId, orgId }: { periodId: string; orgId: string }) {
  const t = useTranslations("ratings.report");
  const defaults: TReturnYearReport = { periodId, orgId, comment: "", expectedVersion: 1 };
  const of = useActionForm({
    id: "return-report",
    schema: ZReturnYearReport,
    action: returnYearReport,
    defaultValues: defaults,
    fields: { comment: { label: t("returnComment"), max: 1_000 } },
    doneMessage: () => t("returned"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("return")} variant="secondary" aria-label={t("returnLabel")}>
      <TextareaField of={of} name="comment" rows={3} maxLength={1_000} hint={t("returnHint")} />
    </FormBody>
  );
}
