"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, RadioField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { ProblemListFieldset } from "@/components/inspections/problem-list-fieldset";
import { convertTurnaround, designateModelSite, openTurnaround, reviewModelSite } from "@/lib/actions/grading";
import {
  MODEL_SITE_OUTCOMES,
  MODEL_SITE_TITLE_MAX,
  TURNAROUND_MEASURES_MAX,
  TURNAROUND_TEXT_MAX,
  ZConvertTurnaround,
  ZDesignateModelSite,
  ZOpenTurnaround,
  ZReviewModelSite,
  type TOpenTurnaround,
} from "@/lib/validation/grading";

/**
 * The committee opens a weak-and-lax turnaround case on a branch: the
 * causes, the leader answering for it, and the measures, each a finding the
 * branch rectifies by its deadline. Opens the case once saved.
 */
export function OpenTurnaroundForm({ defaults, leaders, categories }: { defaults: TOpenTurnaround; leaders: Option[]; categories: Option[] }) {
  const t = useTranslations("turnaround");
  const of = useActionForm({
    id: "turnaround",
    schema: ZOpenTurnaround,
    action: openTurnaround,
    defaultValues: defaults,
    fields: {
      orgId: { label: t("fields.branch") },
      causes: { label: t("fields.causes"), max: TURNAROUND_TEXT_MAX },
      leaderId: { label: t("fields.leader") },
      measures: { label: t("fields.measures"), max: TURNAROUND_MEASURES_MAX },
    },
    redirectTo: (data) => `/branches/turnaround/${data.id}`,
    messages: "turnaround.error",
  });
  return (
    <FormBody of={of} submitLabel={t("open")} aria-label={t("formLabel")}>
      <TextareaField of={of} name="causes" rows={4} maxLength={TURNAROUND_TEXT_MAX} hint={t("causesHint")} />
      <SelectField of={of} name="leaderId" options={leaders} blank={t("pickLeader")} hint={t("leaderHint")} />
      <ProblemListFieldset
        of={of}
        name="measures"
        max={TURNAROUND_MEASURES_MAX}
        categories={categories}
        words={{
          legend: t("fields.measures"),
          hint: t("measuresHint"),
          none: t("noMeasuresYet"),
          entryN: (n) => t("measureN", { n }),
          add: t("addMeasure"),
          remove: (n) => t("removeMeasure", { n }),
          text: t("fields.measureText"),
          categoryId: t("fields.categoryId"),
          severity: t("fields.severity"),
          deadline: t("fields.deadline"),
        }}
      />
    </FormBody>
  );
}

/** The committee records the branch converted (转化), once every measure is closed out. */
export function ConvertTurnaroundForm({ caseId, today }: { caseId: string; today: string }) {
  const t = useTranslations("turnaround");
  const of = useActionForm({
    id: "convert",
    schema: ZConvertTurnaround,
    action: convertTurnaround,
    defaultValues: { caseId, expectedVersion: 1, convertedOn: today, note: "" },
    fields: { convertedOn: { label: t("fields.convertedOn") }, note: { label: t("fields.conversionNote"), max: TURNAROUND_TEXT_MAX } },
    doneMessage: () => t("converted"),
    messages: "turnaround.error",
  });
  return (
    <FormBody of={of} submitLabel={t("convert")} aria-label={t("convertLabel")}>
      <InputField of={of} name="convertedOn" type="date" />
      <TextareaField of={of} name="note" rows={2} maxLength={TURNAROUND_TEXT_MAX} />
    </FormBody>
  );
}

/** The committee designates a branch a model site: its title, what it models, the day the plaque was hung. Opens the site once saved. */
export function DesignateModelSiteForm({ orgId, today }: { orgId: string; today: string }) {
  const t = useTranslations("modelSites");
  const of = useActionForm({
    id: "model-site",
    schema: ZDesignateModelSite,
    action: designateModelSite,
    defaultValues: { orgId, title: "", models: "", plaqueOn: today },
    fields: { title: { label: t("fields.title"), max: MODEL_SITE_TITLE_MAX }, models: { label: t("fields.models"), max: TURNAROUND_TEXT_MAX }, plaqueOn: { label: t("fields.plaqueOn") } },
    redirectTo: (data) => `/branches/models/${data.id}`,
    messages: "modelSites.error",
  });
  return (
    <FormBody of={of} submitLabel={t("designate")} aria-label={t("designateLabel")}>
      <InputField of={of} name="title" control={{ maxLength: MODEL_SITE_TITLE_MAX, placeholder: t("titlePlaceholder") }} />
      <TextareaField of={of} name="models" rows={4} maxLength={TURNAROUND_TEXT_MAX} hint={t("modelsHint")} />
      <InputField of={of} name="plaqueOn" type="date" />
    </FormBody>
  );
}

/** The committee's review of a model site this year: kept, or the title withdrawn; the comment says why. */
export function ReviewModelSiteForm({ siteId }: { siteId: string }) {
  const t = useTranslations("modelSites");
  const of = useActionForm({
    id: "model-site-review",
    schema: ZReviewModelSite,
    action: reviewModelSite,
    defaultValues: { siteId, expectedVersion: 1, outcome: "KEPT", comment: "" },
    fields: { outcome: { label: t("fields.outcome") }, comment: { label: t("fields.comment"), max: TURNAROUND_TEXT_MAX } },
    doneMessage: () => t("reviewed"),
    messages: "modelSites.error",
  });
  return (
    <FormBody of={of} submitLabel={t("saveReview")} aria-label={t("reviewLabel")}>
      <RadioField of={of} name="outcome" options={MODEL_SITE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
      <TextareaField of={of} name="comment" rows={3} maxLength={TURNAROUND_TEXT_MAX} />
    </FormBody>
  );
}
