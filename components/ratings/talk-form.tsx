"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { ProblemListFieldset } from "@/components/inspections/problem-list-fieldset";
import { recordAdmonitoryTalk, saveTalkFollowUp } from "@/lib/actions/ratings";
import { TALK_COMMITMENTS_MAX, TALK_TEXT_MAX, TALK_TRIGGERS, ZRecordAdmonitoryTalk, ZTalkFollowUp, type TRecordAdmonitoryTalk } from "@/lib/validation/ratings";

/**
 * The committee's record of a talk it held: the unit, what led to it, the
 * two sides, the issues raised, and the commitments, each a finding to
 * rectify by its deadline. Opens the talk once saved.
 */
export function TalkForm({ defaults, units, categories }: { defaults: TRecordAdmonitoryTalk; units: Option[]; categories: Option[] }) {
  const t = useTranslations("ratings.talk");
  const of = useActionForm({
    id: "talk",
    schema: ZRecordAdmonitoryTalk,
    action: recordAdmonitoryTalk,
    defaultValues: defaults,
    fields: {
      orgId: { label: t("fields.orgId") },
      trigger: { label: t("fields.trigger") },
      triggerNote: { label: t("fields.triggerNote"), max: 500 },
      talkedOn: { label: t("fields.talkedOn") },
      talkedBy: { label: t("fields.talkedBy"), max: 200 },
      talkedWith: { label: t("fields.talkedWith"), max: 200 },
      issues: { label: t("fields.issues"), max: TALK_TEXT_MAX },
      commitments: { label: t("fields.commitments"), max: TALK_COMMITMENTS_MAX },
    },
    redirectTo: (data) => `/ratings/talks/${data.id}`,
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("save")} aria-label={t("formLabel")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField of={of} name="orgId" options={units} blank={units.length > 1 ? t("pickUnit") : undefined} />
        <InputField of={of} name="talkedOn" type="date" />
        <SelectField of={of} name="trigger" options={TALK_TRIGGERS.map((v) => ({ value: v, label: t(`trigger.${v}`) }))} />
        <InputField of={of} name="triggerNote" control={{ maxLength: 500, placeholder: t("fields.triggerNotePlaceholder") }} />
        <InputField of={of} name="talkedBy" control={{ maxLength: 200 }} />
        <InputField of={of} name="talkedWith" control={{ maxLength: 200 }} />
      </div>
      <TextareaField of={of} name="issues" rows={6} maxLength={TALK_TEXT_MAX} />
      <ProblemListFieldset
        of={of}
        name="commitments"
        max={TALK_COMMITMENTS_MAX}
        categories={categories}
        words={{
          legend: t("fields.commitments"),
          hint: t("commitmentsHint"),
          none: t("noCommitmentsYet"),
          entryN: (n) => t("commitmentN", { n }),
          add: t("addCommitment"),
          remove: (n) => t("removeCommitment", { n }),
          text: t("fields.text"),
          categoryId: t("fields.categoryId"),
          severity: t("fields.severity"),
          deadline: t("fields.deadline"),
        }}
      />
    </FormBody>
  );
}

/** The committee's follow-up of a talk: the day it checked back and what it found. */
export function TalkFollowUpForm({ talkId, followUpOn, followUp }: { talkId: string; followUpOn: string; followUp: string }) {
  const t = useTranslations("ratings.talk");
  const of = useActionForm({
    id: "follow-up",
    schema: ZTalkFollowUp,
    action: saveTalkFollowUp,
    defaultValues: { talkId, followUpOn, followUp, expectedVersion: 1 },
    fields: { followUpOn: { label: t("followUpOn") }, followUp: { label: t("followUp"), max: TALK_TEXT_MAX } },
    doneMessage: () => t("followUpSaved"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("saveFollowUp")} aria-label={t("followUpFormLabel")}>
      <InputField of={of} name="followUpOn" type="date" />
      <TextareaField of={of} name="followUp" rows={4} maxLength={TALK_TEXT_MAX} />
    </FormBody>
  );
}
