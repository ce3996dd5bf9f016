"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { CheckboxesField, FormBody, InputField, SelectField, type Option } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteRound, updateRound } from "@/lib/actions/rounds";
import { TITLE_MAX, ZUpdateRound, type TUpdateRound } from "@/lib/validation/inspections";

/** A round's title, dates and group, as its creator, leader or the committee may change them. */
export function UpdateRoundForm({ round, inspectors }: { round: Omit<TUpdateRound, "expectedVersion">; inspectors: Option[] }) {
  const t = useTranslations("inspections");
  const tn = useTranslations("inspections.new");
  const of = useActionForm({
    id: "round",
    schema: ZUpdateRound,
    action: updateRound,
    defaultValues: { ...round, expectedVersion: useRecord().version ?? 1 },
    fields: {
      title: { label: tn("titleLabel"), max: TITLE_MAX },
      startsOn: { label: tn("startsOn") },
      endsOn: { label: tn("endsOn") },
      memberIds: { label: tn("members") },
      leaderId: { label: tn("leader") },
    },
  });
  return (
    <FormBody of={of} submitLabel={t("manage.save")} variant="secondary" doneMessage={t("saved")}>
      <InputField of={of} name="title" />
      <InputField of={of} name="startsOn" type="date" />
      <InputField of={of} name="endsOn" type="date" />
      <CheckboxesField of={of} name="memberIds" options={inspectors} />
      <SelectField of={of} name="leaderId" blank={tn("noLeader")} options={inspectors} />
    </FormBody>
  );
}

export function DeleteRoundButton({ roundId }: { roundId: string }) {
  const t = useTranslations("inspections");
  return (
    <ActionButton
      action={deleteRound}
      input={{ roundId, expectedVersion: useRecord().version ?? 1 }}
      label={t("manage.delete")}
      variant="secondary"
      confirm={t("manage.deleteConfirm")}
      redirectTo="/inspections"
    />
  );
}
