"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { ProblemListFieldset } from "@/components/inspections/problem-list-fieldset";
import { OrgOptions } from "@/components/ui/org-options";
import { OrgPicker } from "@/components/users/org-picker";
import { findTourOrgs, recordTourFeedback } from "@/lib/actions/tours";
import type { PickerOrgs } from "@/lib/server/orgs/list-orgs";
import { TEXT_MAX, TITLE_MAX, TOUR_KINDS, TOUR_PROBLEMS_MAX, ZRecordTourFeedback, type TRecordTourFeedback } from "@/lib/validation/inspections";

const find = (q: string) => findTourOrgs({ q });

/**
 * Staff enter a tour's feedback to a unit: who fed back and when, the
 * document, the summary, and the problem list, each problem a finding the
 * unit rectifies by its deadline. Opens the feedback once saved.
 */
export function TourForm({ defaults, orgs, categories }: { defaults: TRecordTourFeedback; orgs: PickerOrgs; categories: Option[] }) {
  const t = useTranslations("inspections.tour");
  const of = useActionForm({
    id: "tour",
    schema: ZRecordTourFeedback,
    action: recordTourFeedback,
    defaultValues: defaults,
    fields: {
      orgId: { label: t("fields.orgId") },
      kind: { label: t("fields.kind") },
      tourName: { label: t("fields.tourName"), max: TITLE_MAX },
      receivedOn: { label: t("fields.receivedOn") },
      documentNo: { label: t("fields.documentNo"), max: 100 },
      summary: { label: t("fields.summary"), max: TEXT_MAX },
      problems: { label: t("fields.problems"), max: TOUR_PROBLEMS_MAX },
    },
    redirectTo: (data) => `/inspections/tours/${data.id}`,
    messages: "inspections.tour.error",
  });
  const orgId = of.form.watch("orgId");
  return (
    <FormBody of={of} submitLabel={t("save")} aria-label={t("formLabel")}>
      <OrgPicker initial={orgs} find={find} selected={orgId || undefined}>
        {(choices) => (
          <SelectField of={of} name="orgId" blank={t("pickUnit")} hint={t("orgHint")}>
            <OrgOptions orgs={choices} />
          </SelectField>
        )}
      </OrgPicker>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField of={of} name="kind" options={TOUR_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <InputField of={of} name="tourName" control={{ maxLength: TITLE_MAX, placeholder: t("fields.tourNamePlaceholder") }} />
        <InputField of={of} name="receivedOn" type="date" />
        <InputField of={of} name="documentNo" control={{ maxLength: 100 }} />
      </div>
      <TextareaField of={of} name="summary" rows={5} maxLength={TEXT_MAX} />
      <ProblemListFieldset
        of={of}
        name="problems"
        max={TOUR_PROBLEMS_MAX}
        categories={categories}
        words={{
          legend: t("fields.problems"),
          hint: t("problemsHint"),
          none: t("noProblemsYet"),
          entryN: (n) => t("problemN", { n }),
          add: t("addProblem"),
          remove: (n) => t("removeProblem", { n }),
          text: t("fields.text"),
          categoryId: t("fields.categoryId"),
          severity: t("fields.severity"),
          deadline: t("fields.deadline"),
        }}
      />
    </FormBody>
  );
}
