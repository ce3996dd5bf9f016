"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { useRecord } from "@/components/forms/record";
import { bringMeetingToDuty, correctMeeting, recordMeeting, removeMeeting } from "@/lib/actions/grading";
import { MEETING_KINDS } from "@/lib/grading/meetings";
import type { ActionResult } from "@/lib/server/action";
import { MEETING_ABSENTEES_MAX, MEETING_TEXT_MAX, ZMeetingEvidence, ZRecordMeeting, ZRemoveMeeting, type TRecordMeeting } from "@/lib/validation/grading";
import type { VersionChange } from "@/lib/version-change";

/**
 * A branch records a meeting it held: the kind, the day, the topic, who
 * attended, who was absent and why, the minutes. Opens the record once
 * saved. With `correcting`, the same form corrects a record, against the
 * version the page holds, and stays on it.
 */
export function RecordMeetingForm({ orgId, today, correcting }: { orgId: string; today: string; correcting?: { meetingId: string; values: Omit<TRecordMeeting, "orgId"> } }) {
  const t = useTranslations("meetings");
  const record = useRecord();
  const of = useActionForm({
    id: correcting ? "meeting-correct" : "meeting",
    schema: ZRecordMeeting,
    action: ({ orgId: _branch, ...values }: TRecordMeeting): Promise<ActionResult<{ id?: string; version?: VersionChange }>> =>
      correcting ? correctMeeting({ ...values, meetingId: correcting.meetingId, expectedVersion: record.version ?? 1 }) : recordMeeting({ orgId, ...values }),
    defaultValues: { orgId, ...(correcting?.values ?? { kind: "ASSEMBLY", heldOn: today, topic: "", attendees: "", attendedCount: "", absentees: [], minutes: "" }) },
    fields: {
      kind: { label: t("fields.kind") },
      heldOn: { label: t("fields.heldOn") },
      topic: { label: t("fields.topic"), max: 200 },
      attendedCount: { label: t("fields.attendedCount") },
      attendees: { label: t("fields.attendees"), max: MEETING_TEXT_MAX },
      absentees: { label: t("fields.absentees"), max: MEETING_ABSENTEES_MAX },
      minutes: { label: t("fields.minutes"), max: MEETING_TEXT_MAX },
    },
    redirectTo: correcting ? undefined : (data) => `/branches/meetings/record/${data.id}`,
    messages: "meetings.error",
  });
  const { fields, append, remove } = useFieldArray({ control: of.form.control, name: "absentees" });
  return (
    <FormBody
      of={of}
      submitLabel={correcting ? t("correctSubmit") : t("record")}
      doneMessage={correcting ? t("corrected") : undefined}
      aria-label={correcting ? t("correctLabel") : t("recordLabel")}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField of={of} name="kind" options={MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <InputField of={of} name="heldOn" type="date" />
        <InputField of={of} name="attendedCount" type="number" control={{ min: 1 }} />
      </div>
      <InputField of={of} name="topic" control={{ maxLength: 200 }} />
      <TextareaField of={of} name="attendees" rows={2} maxLength={MEETING_TEXT_MAX} hint={t("attendeesHint")} />
      <fieldset className="space-y-2 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-medium text-ink">{t("fields.absentees")}</legend>
        {fields.length === 0 ? <p className="text-xs text-muted">{t("noAbsentees")}</p> : null}
        {fields.map((field, i) => (
          <div key={field.id} role="group" aria-label={t("absenteeN", { n: i + 1 })} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[12rem_minmax(0,1fr)_auto]">
            <InputField of={of} name={`absentees.${i}.name`} label={t("fields.absentName")} control={{ maxLength: 50 }} />
            <InputField of={of} name={`absentees.${i}.reason`} label={t("fields.absentReason")} control={{ maxLength: 200 }} />
            <Button type="button" variant="secondary" onClick={() => remove(i)} aria-label={t("removeAbsentee", { n: i + 1 })}>
              ×
            </Button>
          </div>
        ))}
        {fields.length < MEETING_ABSENTEES_MAX ? (
          <Button type="button" variant="secondary" onClick={() => append({ name: "", reason: "" })}>
            {t("addAbsentee")}
          </Button>
        ) : null}
      </fieldset>
      <TextareaField of={of} name="minutes" rows={5} maxLength={MEETING_TEXT_MAX} />
    </FormBody>
  );
}

/** The record brought to one of the branch's duties still to do, as its evidence. */
export function BringToDutyForm({ meetingId, duties }: { meetingId: string; duties: Option[] }) {
  const t = useTranslations("meetings");
  const of = useActionForm({
    id: "meeting-duty",
    schema: ZMeetingEvidence,
    action: bringMeetingToDuty,
    defaultValues: { meetingId, itemId: duties[0]?.value ?? "" },
    fields: { itemId: { label: t("fields.duty") } },
    doneMessage: () => t("brought"),
    messages: "meetings.error",
  });
  return (
    <FormBody of={of} variant="secondary" submitLabel={t("bring")} aria-label={t("bringLabel")}>
      <SelectField of={of} name="itemId" options={duties} hint={t("bringHint")} />
    </FormBody>
  );
}

/** Removes a meeting recorded by mistake, with the reason; back to the branch's quarter once removed. */
export function RemoveMeetingForm({ meetingId, backTo }: { meetingId: string; backTo: string }) {
  const t = useTranslations("meetings");
  const of = useActionForm({
    id: "meeting-remove",
    schema: ZRemoveMeeting,
    action: removeMeeting,
    defaultValues: { meetingId, expectedVersion: 1, reason: "" },
    fields: { reason: { label: t("removeReason"), max: 200 } },
    redirectTo: () => backTo,
    messages: "meetings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("removeSubmit")} variant="secondary" aria-label={t("removeLabel")}>
      <TextareaField of={of} name="reason" rows={2} maxLength={200} hint={t("removeHint")} />
    </FormBody>
  );
}
