"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SearchPicker, type PickerList } from "@/components/forms/search-picker";
import { findGrantableOrgs } from "@/lib/actions/users";
import { localized } from "@/lib/org-label";
import type { ActionResult } from "@/lib/server/action";

type PickedOrg = { id: string; code: string; name: string; nameEn: string | null; depth: number };

/** The organizations a picker lists (GrantableOrgs, PickerOrgs): `isTruncated` when more matched than are listed. */
type OrgList = { orgs: PickedOrg[]; isTruncated: boolean };

/** An organization in a select: its label (name and code) and its depth below the first listed. */
export type OrgChoice = { id: string; label: string; depth: number };

const asPicker = (list: OrgList): PickerList<PickedOrg> => ({ items: list.orgs, isTruncated: list.isTruncated });

/**
 * Organizations for the select that `children` renders (SearchPicker): by
 * default those a role can be granted on; `find` gives another list (a
 * move's new parents, the organizations a list is assigned to).
 */
export function OrgPicker({
  initial,
  find = (q) => findGrantableOrgs({ q }),
  selected,
  children,
}: {
  initial: OrgList;
  find?: (q: string) => Promise<ActionResult<OrgList>>;
  /** The organization(s) the select holds: they stay listed through a search. */
  selected?: string | readonly string[];
  children: (orgs: OrgChoice[]) => ReactNode;
}) {
  const t = useTranslations("users");
  const locale = useLocale();
  return (
    <SearchPicker
      initial={asPicker(initial)}
      find={async (q) => {
        const result = await find(q);
        return result.ok ? { ...result, data: asPicker(result.data) } : result;
      }}
      selected={selected}
      // A kept organization shows apart from the tree of those found.
      kept={(o) => ({ ...o, depth: 0 })}
      labels={{
        search: t("orgSearch"),
        hint: t("orgSearchHint"),
        button: t("orgSearchButton"),
        truncated: (limit) => t("orgsTruncated", { limit }),
        none: t("orgsNone"),
      }}
    >
      {(orgs) => children(orgs.map((o) => ({ id: o.id, depth: o.depth, label: t("orgOption", { name: localized(o.name, o.nameEn, locale), code: o.code }) })))}
    </SearchPicker>
  );
}
