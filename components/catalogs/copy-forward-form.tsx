"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { FormBody, InputField, SelectField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { OrgOptions } from "@/components/ui/org-options";
import { OrgPicker } from "@/components/users/org-picker";
import { copyAssignmentsForward, findCatalogOrgs } from "@/lib/actions/catalogs";
import type { PickerOrgs } from "@/lib/server/orgs/list-orgs";
import { ZCopyForward } from "@/lib/validation/assignments";

type Props = {
  periods: { id: string; label: string; year: number }[];
  orgs: PickerOrgs;
};

const find = (q: string) => findCatalogOrgs({ q });

/** The latest year the schema takes. */
const YEAR_MAX = 2100;

/** "Start the next period from this one": every list assigned in one period, assigned again for another. */
export function CopyForwardForm({ periods, orgs }: Props) {
  const t = useTranslations("copyForward");
  const of = useActionForm({
    id: "copy",
    schema: ZCopyForward,
    action: copyAssignmentsForward,
    defaultValues: { fromPeriodId: periods[0]?.id ?? "", toYear: (periods[0]?.year ?? new Date().getFullYear()) + 1, toQuarter: 0, rootOrgId: orgs.orgs[0]?.id ?? "" },
    fields: {
      fromPeriodId: { label: t("from") },
      toYear: { label: t("toYear"), max: YEAR_MAX },
      toQuarter: { label: t("toQuarter") },
      rootOrgId: { label: t("root") },
    },
    doneMessage: (data) => t("done", { orgs: data.assignmentsCreated, items: data.itemsCreated }),
  });
  const rootOrgId = useWatch({ control: of.form.control, name: "rootOrgId" });
  return (
    <FormBody of={of} submitLabel={t("submit")} busyLabel={t("working")} variant="secondary">
      <SelectField of={of} name="fromPeriodId" options={periods.map((p) => ({ value: p.id, label: p.label }))} />
      <div className="grid grid-cols-2 gap-3">
        <InputField of={of} name="toYear" type="number" asNumber />
        <SelectField of={of} name="toQuarter" asNumber options={[0, 1, 2, 3, 4].map((q) => ({ value: String(q), label: t("quarter", { q }) }))} />
      </div>
      <OrgPicker initial={orgs} find={find} selected={rootOrgId}>
        {(choices) => (
          <SelectField of={of} name="rootOrgId">
            <OrgOptions orgs={choices} />
          </SelectField>
        )}
      </OrgPicker>
    </FormBody>
  );
}
