"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { FormBody, InputField, RadioField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { confirmGrade, proposeGrade, saveGradingScheme } from "@/lib/actions/grading";
import { BASIS_TEXT_MAX, FIVE_BASICS, GRADES_MAX, GRADE_CRITERIA_MAX, GRADE_NAME_MAX, type Basic, type GradingConfig } from "@/lib/grading/scheme";
import { ZConfirmGrade, ZProposeGrade, ZSaveGradingScheme } from "@/lib/validation/grading";

/**
 * The party committee above a branch proposes its grade: one of the year's
 * grades, and what it found on each of the five basics (the evidence).
 */
export function ProposeGradeForm({ orgId, year, grades, rank, basis }: { orgId: string; year: number; grades: Option[]; rank: number | null; basis: Record<Basic, string> }) {
  const t = useTranslations("grading");
  const basics = Object.fromEntries(FIVE_BASICS.map((b) => [`basis.${b}`, { label: t(`basics.${b}`), max: BASIS_TEXT_MAX }]));
  const of = useActionForm({
    id: "propose-grade",
    schema: ZProposeGrade,
    action: proposeGrade,
    defaultValues: { orgId, year, expectedVersion: 0, rank: rank ? String(rank) : "", basis },
    fields: { rank: { label: t("fields.rank") }, ...basics },
    doneMessage: () => t("proposed"),
    messages: "grading.error",
  });
  return (
    <FormBody of={of} submitLabel={rank ? t("changeProposal") : t("propose")} aria-label={t("proposeLabel")}>
      <RadioField of={of} name="rank" options={grades} />
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-ink">{t("fields.basis")}</legend>
        <p className="text-xs text-muted">{t("basisHint")}</p>
        {FIVE_BASICS.map((b) => (
          <TextareaField key={b} of={of} name={`basis.${b}`} label={t(`basics.${b}`)} rows={2} maxLength={BASIS_TEXT_MAX} />
        ))}
      </fieldset>
    </FormBody>
  );
}

/** The working committee confirms the proposed grade, or gives another with a reason. */
export function ConfirmGradeForm({ gradeId, grades, rank, reason }: { gradeId: string; grades: Option[]; rank: number; reason: string }) {
  const t = useTranslations("grading");
  const of = useActionForm({
    id: "confirm-grade",
    schema: ZConfirmGrade,
    action: confirmGrade,
    defaultValues: { gradeId, expectedVersion: 1, rank: String(rank), reason },
    fields: { rank: { label: t("fields.confirmedRank") }, reason: { label: t("fields.reason"), max: BASIS_TEXT_MAX } },
    doneMessage: () => t("confirmed"),
    messages: "grading.error",
  });
  return (
    <FormBody of={of} submitLabel={t("confirm")} aria-label={t("confirmLabel")}>
      <RadioField of={of} name="rank" options={grades} />
      <TextareaField of={of} name="reason" rows={2} maxLength={BASIS_TEXT_MAX} hint={t("reasonHint")} />
    </FormBody>
  );
}

/** The committee's scheme of a year: the grades, best first, each with its name in both languages and its criteria. */
export function GradingSchemeForm({ year, config }: { year: number; config: GradingConfig }) {
  const t = useTranslations("grading");
  const of = useActionForm({
    id: "grading-scheme",
    schema: ZSaveGradingScheme,
    action: saveGradingScheme,
    defaultValues: { year, expectedVersion: 0, config },
    fields: { "config.grades": { label: t("fields.grades"), max: GRADES_MAX } },
    doneMessage: () => t("schemeSaved"),
    messages: "grading.error",
  });
  const { fields, append, remove } = useFieldArray({ control: of.form.control, name: "config.grades" });
  const error = of.errorOf("config.grades");
  return (
    <FormBody of={of} submitLabel={t("saveScheme")} aria-label={t("schemeLabel")}>
      <p className="text-sm text-muted">{t("schemeHint")}</p>
      {fields.map((field, i) => (
        <fieldset key={field.id} className="space-y-2 rounded-md border border-line p-3">
          <legend className="px-1 text-sm font-medium text-ink">{t("gradeN", { n: i + 1 })}</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <InputField of={of} name={`config.grades.${i}.name`} label={t("fields.gradeName")} control={{ maxLength: GRADE_NAME_MAX }} />
            <InputField of={of} name={`config.grades.${i}.nameEn`} label={t("fields.gradeNameEn")} control={{ maxLength: GRADE_NAME_MAX }} />
          </div>
          <TextareaField of={of} name={`config.grades.${i}.criteria`} label={t("fields.criteria")} rows={3} maxLength={GRADE_CRITERIA_MAX} />
          <Button type="button" variant="secondary" onClick={() => remove(i)} aria-label={t("removeGrade", { n: i + 1 })}>
            {t("remove")}
          </Button>
        </fieldset>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {fields.length < GRADES_MAX ? (
        <Button type="button" variant="secondary" onClick={() => append({ name: "", nameEn: "", criteria: "" })}>
          {t("addGrade")}
        </Button>
      ) : null}
    </FormBody>
  );
}
