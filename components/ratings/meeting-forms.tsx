"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import { CheckboxesField, FormBody, InputField, RadioField, TextareaField, type Option } from "@/components/forms/fields";
import { ActionButton } from "@/components/forms/action-button";
import { useRecord } from "@/components/forms/record";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { castMeetingBallot, createMeeting, deleteMeeting, recordMeetingReport, updateMeeting } from "@/lib/actions/ratings";
import {
  REPORT_MODES,
  ZCastMeetingBallot,
  ZCreateMeeting,
  ZRecordMeetingReport,
  ZUpdateMeeting,
  type TCastMeetingBallot,
  type TCreateMeeting,
  type TRecordMeetingReport,
  type TUpdateMeeting,
} from "@/lib/validation/ratings";

const SCORE = { min: 0, max: 100, step: 1 };

function useSetupLabels() {
  const t = useTranslations("ratings.meeting");
  return {
    title: { label: t("fields.title"), max: 200 },
    heldOn: { label: t("fields.heldOn") },
    place: { label: t("fields.place"), max: 200 },
    ballotOpensAt: { label: t("fields.ballotOpensAt") },
    ballotClosesAt: { label: t("fields.ballotClosesAt") },
    orgIds: { label: t("fields.orgIds") },
    attendeeIds: { label: t("fields.attendeeIds") },
  };
}

/** The committee sets up a report meeting: when and where, the units reporting, the attendees and the ballot window. Opens it once saved. */
export function NewMeetingForm({ defaults, units, attendees }: { defaults: TCreateMeeting; units: Option[]; attendees: Option[] }) {
  const t = useTranslations("ratings.meeting");
  const of = useActionForm({
    id: "meeting",
    schema: ZCreateMeeting,
    action: createMeeting,
    defaultValues: defaults,
    fields: useSetupLabels(),
    redirectTo: (data) => `/ratings/meetings/${data.id}`,
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("create")} aria-label={t("formLabel")}>
      <SetupFields of={of} units={units} attendees={attendees} />
    </FormBody>
  );
}

/** The committee changes a meeting's setup; a unit that has reported stays on it. */
export function EditMeetingForm({ defaults, units, attendees }: { defaults: TUpdateMeeting; units: Option[]; attendees: Option[] }) {
  const t = useTranslations("ratings.meeting");
  const of = useActionForm({
    id: "meeting-edit",
    schema: ZUpdateMeeting,
    action: updateMeeting,
    defaultValues: defaults,
    fields: useSetupLabels(),
    doneMessage: () => t("setupSaved"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} variant="secondary" submitLabel={t("saveSetup")} aria-label={t("editFormLabel")}>
      <SetupFields of={of} units={units} attendees={attendees} />
    </FormBody>
  );
}

/** Removes a meeting set up by mistake, after a confirmation. */
export function DeleteMeetingButton({ meetingId, periodId }: { meetingId: string; periodId: string }) {
  const t = useTranslations("ratings.meeting");
  return (
    <ActionButton
      action={deleteMeeting}
      input={{ meetingId, expectedVersion: useRecord().version ?? 1 }}
      label={t("delete")}
      variant="secondary"
      confirm={t("deleteConfirm")}
      redirectTo={`/ratings/meetings?period=${encodeURIComponent(periodId)}`}
      messages="ratings.error"
    />
  );
}

/** What both meeting forms set: when and where, the ballot window, the units and the attendees (the same names in both). */
function SetupFields<S extends z.ZodType<FieldValues, FieldValues>>({ of, units, attendees }: { of: ActionForm<S>; units: Option[]; attendees: Option[] }) {
  const t = useTranslations("ratings.meeting");
  const name = (field: keyof TCreateMeeting) => field as Path<z.input<S>>;
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <InputField of={of} name={name("title")} control={{ maxLength: 200 }} />
        <InputField of={of} name={name("heldOn")} type="date" />
        <InputField of={of} name={name("place")} control={{ maxLength: 200 }} />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <InputField of={of} name={name("ballotOpensAt")} type="datetime-local" hint={t("fields.windowHint")} />
        <InputField of={of} name={name("ballotClosesAt")} type="datetime-local" />
      </div>
      <CheckboxesField of={of} name={name("orgIds")} options={units} />
      <CheckboxesField of={of} name={name("attendeeIds")} options={attendees} hint={t("fields.attendeesHint")} />
    </>
  );
}

/** The committee records how a unit's secretary reported and the leader's comment (点评). */
export function MeetingReportForm({ initial, unit }: { initial: Omit<TRecordMeetingReport, "mode"> & { mode: TRecordMeetingReport["mode"] | null }; unit: string }) {
  const t = useTranslations("ratings.meeting");
  const of = useActionForm({
    id: `meeting-report-${initial.orgId}`,
    schema: ZRecordMeetingReport,
    action: recordMeetingReport,
    // No way of reporting recorded yet: no radio ticked.
    defaultValues: { ...initial, mode: initial.mode ?? undefined } as TRecordMeetingReport,
    fields: { mode: { label: t("modeLabel") }, commentedBy: { label: t("commentedBy"), max: 100 }, comment: { label: t("comment"), max: 4000 } },
    doneMessage: () => t("reportSaved"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("saveReport")} variant="secondary" aria-label={t("reportFormLabel", { unit })}>
      <RadioField of={of} name="mode" options={REPORT_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
      <InputField of={of} name="commentedBy" control={{ maxLength: 100 }} />
      <TextareaField of={of} name="comment" rows={3} maxLength={4000} />
    </FormBody>
  );
}

/** An attendee's democratic rating of one unit: a score from 0 to 100 on each of the scheme's dimensions. */
export function MeetingBallotForm({ meetingId, orgId, unit, dimensions }: { meetingId: string; orgId: string; unit: string; dimensions: { key: string; label: string }[] }) {
  const t = useTranslations("ratings.meeting");
  const defaults: TCastMeetingBallot = { meetingId, orgId, scores: Object.fromEntries(dimensions.map((d) => [d.key, Number.NaN])) };
  const of = useActionForm({
    id: `ballot-${orgId}`,
    schema: ZCastMeetingBallot,
    action: castMeetingBallot,
    defaultValues: defaults,
    fields: Object.fromEntries(dimensions.map((d) => [`scores.${d.key}`, { label: d.label }])),
    doneMessage: () => t("ballotCast"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("castBallot")} aria-label={t("ballotFormLabel", { unit })}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {dimensions.map((d) => (
          <InputField key={d.key} of={of} name={`scores.${d.key}`} type="number" asNumber control={SCORE} />
        ))}
      </div>
    </FormBody>
  );
}
