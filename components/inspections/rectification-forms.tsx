"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { acceptRectification, addFindingProgress, reopenFinding, returnRectification, saveRectification, submitRectification } from "@/lib/actions/findings";
import {
  TEXT_MAX,
  ZFindingProgress,
  ZFindingStep,
  ZReopenFinding,
  ZReturnRectification,
  ZSaveRectification,
} from "@/lib/validation/inspections";

// The forms of a finding's page, each acting on the finding's version that the page's RecordProvider holds.

/** The version to start a form with; the one sent is the page's at the moment of sending. */
function useVersion(): number {
  return useRecord().version ?? 1;
}

export function RectificationForm({ findingId, measures, ownerId, owners }: { findingId: string; measures: string; ownerId: string; owners: Option[] }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "rectification",
    schema: ZSaveRectification,
    action: saveRectification,
    defaultValues: { findingId, expectedVersion: useVersion(), measures, ownerId },
    fields: { measures: { label: t("finding.measures"), max: TEXT_MAX }, ownerId: { label: t("finding.owner") } },
  });
  return (
    <FormBody of={of} submitLabel={t("finding.saveRectification")} variant="secondary" doneMessage={t("saved")}>
      <TextareaField of={of} name="measures" rows={4} hint={t("finding.measuresHint")} />
      <SelectField of={of} name="ownerId" blank={t("finding.pickOwner")} options={owners} />
    </FormBody>
  );
}

export function ProgressForm({ findingId }: { findingId: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "progress",
    schema: ZFindingProgress,
    action: addFindingProgress,
    defaultValues: { findingId, expectedVersion: useVersion(), text: "" },
    fields: { text: { label: t("finding.progressText"), max: TEXT_MAX } },
    resetOnSuccess: true,
  });
  return (
    <FormBody of={of} submitLabel={t("finding.addProgress")} variant="secondary" doneMessage={t("finding.progressAdded")}>
      <TextareaField of={of} name="text" rows={3} />
    </FormBody>
  );
}

export function SubmitRectificationForm({ findingId }: { findingId: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "submit",
    schema: ZFindingStep,
    action: submitRectification,
    defaultValues: { findingId, expectedVersion: useVersion(), text: "" },
    fields: { text: { label: t("finding.submitText"), max: TEXT_MAX } },
  });
  return (
    <FormBody of={of} submitLabel={t("finding.submitButton")}>
      <TextareaField of={of} name="text" rows={2} />
    </FormBody>
  );
}

export function ReturnRectificationForm({ findingId }: { findingId: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "return",
    schema: ZReturnRectification,
    action: returnRectification,
    defaultValues: { findingId, expectedVersion: useVersion(), comment: "" },
    fields: { comment: { label: t("finding.returnComment"), max: TEXT_MAX } },
  });
  return (
    <FormBody of={of} submitLabel={t("finding.returnButton")} variant="secondary">
      <TextareaField of={of} name="comment" rows={3} />
    </FormBody>
  );
}

export function ReopenFindingForm({ findingId }: { findingId: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "reopen",
    schema: ZReopenFinding,
    action: reopenFinding,
    defaultValues: { findingId, expectedVersion: useVersion(), reason: "", deadline: "" },
    fields: { reason: { label: t("finding.reopenReason"), max: TEXT_MAX }, deadline: { label: t("finding.newDeadline") } },
  });
  return (
    <FormBody of={of} submitLabel={t("finding.reopenButton")} variant="secondary">
      <TextareaField of={of} name="reason" rows={3} />
      <InputField of={of} name="deadline" type="date" hint={t("finding.newDeadlineHint")} />
    </FormBody>
  );
}

export function AcceptButton({ findingId, party }: { findingId: string; party: "GROUP" | "COMMITTEE" | "UNIT" }) {
  const t = useTranslations("inspections");
  const tr = useTranslations();
  return (
    <ActionButton
      action={acceptRectification}
      input={{ findingId, expectedVersion: useVersion(), party }}
      label={t("finding.acceptAs", { party: tr(`acceptanceParty.${party}`) })}
    />
  );
}
