"use client";

import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, SelectField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { SearchPicker, type PickerList } from "@/components/forms/search-picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { OrgOptions } from "@/components/ui/org-options";
import { delegateItem, findDelegationTargets, revokeDelegation } from "@/lib/actions/checklists";
import { localized } from "@/lib/org-label";
import type { DelegationTargets } from "@/lib/server/checklists/delegate-item";
import { ZDelegateItem } from "@/lib/validation/checklists";

/** A target in the select: its value (`org:<id>` or `user:<id>`) is the form's. */
type Target = { id: string; kind: "org" | "user"; label: string; depth: number };

/**
 * Hand the item to an organization below or to a person in the subtree, or
 * take it back. The targets come from the server, already scoped; beyond
 * the first few hundred, or many, a search finds the others.
 */
export function DelegateItemForm({
  itemId,
  delegatedTo,
  targets,
}: {
  itemId: string;
  /** The current delegate's label, when the item is delegated. */
  delegatedTo: string | null;
  targets: DelegationTargets;
}) {
  const t = useTranslations("delegation");
  const ti = useTranslations("item");
  const locale = useLocale();
  const version = useRecord().version ?? 1;
  const of = useActionForm({
    id: "delegate",
    schema: ZDelegateItem,
    action: delegateItem,
    defaultValues: { itemId, expectedVersion: version, target: "" },
    fields: { target: { label: t("target") } },
    messages: "delegation.error",
  });
  const selected = useWatch({ control: of.form.control, name: "target" });

  if (delegatedTo) {
    return (
      <div className="space-y-3">
        <p className="text-sm">{t("current", { to: delegatedTo })}</p>
        <p className="text-xs text-muted">{t("stillAnswers")}</p>
        <ActionButton action={revokeDelegation} input={{ itemId, expectedVersion: version }} label={t("revoke")} variant="secondary" />
      </div>
    );
  }

  const choices = (found: DelegationTargets): PickerList<Target> => ({
    items: [
      ...found.orgs.map((o) => ({ id: `org:${o.id}`, kind: "org" as const, label: localized(o.name, o.nameEn, locale), depth: o.depth })),
      ...found.people.map((p) => ({
        id: `user:${p.id}`,
        kind: "user" as const,
        label: ti("personAt", { name: p.name, org: localized(p.orgName, p.orgNameEn, locale) }),
        depth: 0,
      })),
    ],
    isTruncated: found.isTruncated,
  });

  return (
    <FormBody of={of} submitLabel={t("submit")} variant="secondary" submitClassName="w-full">
      <SearchPicker
        initial={choices(targets)}
        find={async (q) => {
          const result = await findDelegationTargets({ itemId, q });
          return result.ok ? { ...result, data: choices(result.data) } : result;
        }}
        selected={selected}
        kept={(target) => ({ ...target, depth: 0 })}
        labels={{
          search: t("search"),
          hint: t("searchHint"),
          button: t("searchButton"),
          truncated: (limit) => t("truncated", { limit }),
          none: t("none"),
        }}
      >
        {(found) => {
          const orgs = found.filter((c) => c.kind === "org");
          const people = found.filter((c) => c.kind === "user");
          return (
            <SelectField of={of} name="target" blank={t("choose")} hint={t("hint")}>
              {orgs.length > 0 ? (
                <optgroup label={t("orgs")}>
                  <OrgOptions orgs={orgs} />
                </optgroup>
              ) : null}
              {people.length > 0 ? (
                <optgroup label={t("people")}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </SelectField>
          );
        }}
      </SearchPicker>
    </FormBody>
  );
}
