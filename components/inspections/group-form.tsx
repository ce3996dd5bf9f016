"use client";

import { useTranslations } from "next-intl";
import { CheckboxesField, FormBody, InputField, SelectField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveGroup } from "@/lib/actions/groups";
import { GROUP_NAME_MAX, GROUP_UNITS_MAX, ZSaveGroup, type TSaveGroup } from "@/lib/validation/inspections";

/**
 * A standing supervision group: its name, its members (inspectors) and
 * leader, and the units it covers (those no other group covers). A new
 * group opens its page once saved; a change stays on the page.
 */
export function GroupForm({ defaults, inspectors, units }: { defaults: TSaveGroup; inspectors: Option[]; units: Option[] }) {
  const t = useTranslations("inspections.groups");
  const isNew = !defaults.groupId;
  const of = useActionForm({
    id: "group",
    schema: ZSaveGroup,
    action: saveGroup,
    defaultValues: defaults,
    fields: {
      name: { label: t("fields.name"), max: GROUP_NAME_MAX },
      memberIds: { label: t("fields.members") },
      leaderId: { label: t("fields.leader") },
      unitIds: { label: t("fields.units"), max: GROUP_UNITS_MAX },
    },
    ...(isNew ? { redirectTo: (data: { id: string }) => `/inspections/groups/${data.id}` } : { doneMessage: () => t("saved") }),
    messages: "inspections.groups.error",
  });
  return (
    <FormBody of={of} submitLabel={isNew ? t("create") : t("save")} aria-label={isNew ? t("createLabel") : t("editLabel")}>
      <InputField of={of} name="name" control={{ maxLength: GROUP_NAME_MAX, placeholder: t("namePlaceholder") }} />
      <CheckboxesField of={of} name="memberIds" options={inspectors} />
      <SelectField of={of} name="leaderId" options={inspectors} blank={t("noLeader")} />
      <CheckboxesField of={of} name="unitIds" options={units} isStacked hint={t("unitsHint")} filter={{ label: t("unitsFilter"), chosen: (count) => t("unitsChosen", { count }), none: t("unitsNone") }} />
    </FormBody>
  );
}
