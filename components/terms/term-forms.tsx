"use client";

import { useTranslations } from "next-intl";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { editTerm, recordElection, recordHeadChange, recordTalk } from "@/lib/actions/terms";
import { TERM_YEARS_MAX, TERM_YEARS_MIN } from "@/lib/term-kinds";
import { TERM_NAME_MAX, TERM_TEXT_MAX, ZEditTerm, ZRecordElection, ZRecordHeadChange, ZRecordTalk } from "@/lib/validation/terms";

// The forms of an organization's term page: record an election, correct a term, record an appointment talk or a head change.

/** Where the refusals of these forms find their words first. */
const MESSAGES = "terms.errors";

type TermFieldNames = "electedOn" | "termYears" | "secretaryName" | "secretaryId" | "members" | "approvedOn" | "approvalNote" | "note";

function useTermFieldLabels() {
  const t = useTranslations("terms.form");
  return {
    electedOn: { label: t("electedOn") },
    termYears: { label: t("termYears"), max: TERM_YEARS_MAX },
    secretaryName: { label: t("secretaryName"), max: TERM_NAME_MAX },
    secretaryId: { label: t("secretaryId") },
    members: { label: t("members"), max: TERM_NAME_MAX },
    approvedOn: { label: t("approvedOn") },
    approvalNote: { label: t("approvalNote"), max: TERM_TEXT_MAX },
    note: { label: t("note"), max: TERM_TEXT_MAX },
  } satisfies Record<TermFieldNames, { label: string; max?: number }>;
}

/** The fields an election records and a correction changes. */
function TermFields<S extends z.ZodType<FieldValues, FieldValues>>({ of, candidates }: { of: ActionForm<S>; candidates: Option[] }) {
  const t = useTranslations("terms.form");
  // Both schemas hold these fields; a generic schema cannot prove it to the field components.
  const name = (n: TermFieldNames) => n as never;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField of={of} name={name("electedOn")} type="date" hint={t("electedOnHint")} />
        <InputField of={of} name={name("termYears")} type="number" asNumber control={{ min: TERM_YEARS_MIN, max: TERM_YEARS_MAX, step: 1 }} hint={t("termYearsHint")} />
      </div>
      <InputField of={of} name={name("secretaryName")} control={{ maxLength: TERM_NAME_MAX, autoComplete: "off" }} />
      <SelectField of={of} name={name("secretaryId")} blank={t("noAccount")} options={candidates} hint={t("secretaryIdHint")} />
      <TextareaField of={of} name={name("members")} rows={4} hint={t("membersHint")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField of={of} name={name("approvedOn")} type="date" hint={t("approvedOnHint")} />
      </div>
      <TextareaField of={of} name={name("approvalNote")} rows={2} maxLength={TERM_TEXT_MAX} hint={t("approvalNoteHint")} />
      <TextareaField of={of} name={name("note")} rows={2} maxLength={TERM_TEXT_MAX} />
    </>
  );
}

/** Records an election: the current term (if any) ends on its day, and the new one begins. */
export function ElectionForm({ orgId, currentTermId, defaultYears, candidates }: { orgId: string; currentTermId: string; defaultYears: number; candidates: Option[] }) {
  const t = useTranslations("terms.form");
  const of = useActionForm({
    id: "election",
    schema: ZRecordElection,
    action: recordElection,
    defaultValues: { orgId, currentTermId, electedOn: "", termYears: defaultYears, secretaryName: "", secretaryId: "", members: "", approvedOn: "", approvalNote: "", note: "" },
    fields: useTermFieldLabels(),
    messages: MESSAGES,
    resetOnSuccess: true,
    // The new term is now the current one: the next election ends it.
    onSuccess: (data) => of.form.setValue("currentTermId", data.termId),
  });
  return (
    <FormBody of={of} submitLabel={t("recordElection")} doneMessage={t("electionRecorded")} aria-label={t("electionLabel")}>
      <TermFields of={of} candidates={candidates} />
    </FormBody>
  );
}

export type EditableTerm = {
  termId: string;
  electedOn: string;
  termYears: number;
  secretaryName: string;
  secretaryId: string;
  members: string;
  approvedOn: string;
  approvalNote: string;
  note: string;
};

/** Corrects a term as recorded, against the version the page's RecordProvider holds. */
export function EditTermForm({ term, candidates }: { term: EditableTerm; candidates: Option[] }) {
  const t = useTranslations("terms.form");
  const of = useActionForm({
    id: `term-${term.termId}`,
    schema: ZEditTerm,
    action: editTerm,
    defaultValues: { ...term, expectedVersion: useRecord().version ?? 1 },
    fields: useTermFieldLabels(),
    messages: MESSAGES,
  });
  return (
    <FormBody of={of} submitLabel={t("saveCorrection")} variant="secondary" doneMessage={t("corrected")} aria-label={t("correctionLabel")}>
      <p className="text-sm text-muted">{t("correctionHint")}</p>
      <TermFields of={of} candidates={candidates} />
    </FormBody>
  );
}

/** Records an appointment talk (任职谈话) with the organization's new secretary. */
export function TalkForm({ orgId, appointeeName }: { orgId: string; appointeeName: string }) {
  const t = useTranslations("terms.form");
  const of = useActionForm({
    id: "talk",
    schema: ZRecordTalk,
    action: recordTalk,
    defaultValues: { orgId, appointeeName, talkedOn: "", talkedBy: "", points: "" },
    fields: {
      appointeeName: { label: t("appointee"), max: TERM_NAME_MAX },
      talkedOn: { label: t("talkedOn") },
      talkedBy: { label: t("talkedBy"), max: 200 },
      points: { label: t("points"), max: TERM_TEXT_MAX },
    },
    messages: MESSAGES,
    resetOnSuccess: true,
  });
  return (
    <FormBody of={of} submitLabel={t("recordTalk")} variant="secondary" doneMessage={t("talkRecorded")} aria-label={t("talkLabel")}>
      <InputField of={of} name="appointeeName" control={{ maxLength: TERM_NAME_MAX, autoComplete: "off" }} />
      <InputField of={of} name="talkedOn" type="date" />
      <InputField of={of} name="talkedBy" control={{ maxLength: 200 }} hint={t("talkedByHint")} />
      <TextareaField of={of} name="points" rows={4} maxLength={TERM_TEXT_MAX} hint={t("pointsHint")} />
    </FormBody>
  );
}

/** Records a change of the organization's head (负责人调整) and the consultation held. */
export function HeadChangeForm({ orgId, previousName }: { orgId: string; previousName: string }) {
  const t = useTranslations("terms.form");
  const of = useActionForm({
    id: "head",
    schema: ZRecordHeadChange,
    action: recordHeadChange,
    defaultValues: { orgId, changedOn: "", previousName, newName: "", consultation: "" },
    fields: {
      changedOn: { label: t("changedOn") },
      previousName: { label: t("previousHead"), max: TERM_NAME_MAX },
      newName: { label: t("newHead"), max: TERM_NAME_MAX },
      consultation: { label: t("consultation"), max: TERM_TEXT_MAX },
    },
    messages: MESSAGES,
    resetOnSuccess: true,
  });
  return (
    <FormBody of={of} submitLabel={t("recordHeadChange")} variant="secondary" doneMessage={t("headChangeRecorded")} aria-label={t("headChangeLabel")}>
      <InputField of={of} name="changedOn" type="date" />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField of={of} name="previousName" control={{ maxLength: TERM_NAME_MAX, autoComplete: "off" }} />
        <InputField of={of} name="newName" control={{ maxLength: TERM_NAME_MAX, autoComplete: "off" }} />
      </div>
      <TextareaField of={of} name="consultation" rows={4} maxLength={TERM_TEXT_MAX} hint={t("consultationHint")} />
    </FormBody>
  );
}
