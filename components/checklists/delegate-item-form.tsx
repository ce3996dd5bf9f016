"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, SelectField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { OrgOptions } from "@/components/ui/org-options";
import { delegateItem, revokeDelegation } from "@/lib/actions/checklists";
import { ZDelegateItem } from "@/lib/validation/checklists";

export type PersonOption = { id: string; label: string };
export type OrgOption = { id: string; label: string; depth: number };

/**
 * Hand the item to an organization below or to a person in the subtree, or
 * take it back. The options come from the server, already scoped.
 */
export function DelegateItemForm({
  itemId,
  delegatedTo,
  orgOptions,
  peopleOptions,
}: {
  itemId: string;
  /** The current delegate's label, when the item is delegated. */
  delegatedTo: string | null;
  orgOptions: OrgOption[];
  peopleOptions: PersonOption[];
}) {
  const t = useTranslations("delegation");
  const version = useRecord().version ?? 1;
  const of = useActionForm({
    id: "delegate",
    schema: ZDelegateItem,
    action: delegateItem,
    defaultValues: { itemId, expectedVersion: version, target: "" },
    fields: { target: { label: t("target") } },
    messages: "delegation.error",
  });

  if (delegatedTo) {
    return (
      <div className="space-y-3">
        <p className="text-sm">{t("current", { to: delegatedTo })}</p>
        <p className="text-xs text-muted">{t("stillAnswers")}</p>
        <ActionButton action={revokeDelegation} input={{ itemId, expectedVersion: version }} label={t("revoke")} variant="secondary" />
      </div>
    );
  }

  return (
    <FormBody of={of} submitLabel={t("submit")} variant="secondary" submitClassName="w-full">
      <SelectField of={of} name="target" blank={t("choose")} hint={t("hint")}>
        {orgOptions.length > 0 ? (
          <optgroup label={t("orgs")}>
            <OrgOptions orgs={orgOptions} valuePrefix="org:" />
          </optgroup>
        ) : null}
        {peopleOptions.length > 0 ? (
          <optgroup label={t("people")}>
            {peopleOptions.map((p) => (
              <option key={p.id} value={`user:${p.id}`}>
                {p.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
    </FormBody>
  );
}
