"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { findGrantableOrgs } from "@/lib/actions/users";
import { localized } from "@/lib/org-label";
import type { ActionResult } from "@/lib/server/action";

/** The organizations a picker lists (GrantableOrgs, PickerOrgs): `isTruncated` when more matched than are listed. */
type PickerList = { orgs: { id: string; code: string; name: string; nameEn: string | null; depth: number }[]; isTruncated: boolean };

/** From this many organizations on, a picker offers its search even when it lists them all: a long select is slow to scan. */
const SEARCH_FROM = 30;

/** An organization in a select: its label (name and code) and its depth below the first listed. */
export type OrgChoice = { id: string; label: string; depth: number };

/**
 * Organizations for the select that `children` renders: by default those a
 * role can be granted on; `find` gives another list (a move's new parents,
 * the organizations a list is assigned to). When there are more than one
 * select lists, or many, a search by name or code narrows them in place,
 * without leaving the form (what was typed stays).
 */
export function OrgPicker({
  initial,
  find = (q) => findGrantableOrgs({ q }),
  selected,
  children,
}: {
  initial: PickerList;
  find?: (q: string) => Promise<ActionResult<PickerList>>;
  /** The organization(s) the select holds: they stay listed through a search, so that what shows is what is sent. */
  selected?: string | readonly string[];
  children: (orgs: OrgChoice[]) => ReactNode;
}) {
  const t = useTranslations("users");
  const locale = useLocale();
  const id = useId();
  const [found, setFound] = useState(initial);
  const [words, setWords] = useState("");
  const [isSearching, start] = useTransition();
  const search = () =>
    start(async () => {
      const result = await find(words);
      if (!result.ok) return;
      const held = new Set(typeof selected === "string" ? [selected] : selected);
      const kept = found.orgs.filter((o) => held.has(o.id) && !result.data.orgs.some((r) => r.id === o.id)).map((o) => ({ ...o, depth: 0 }));
      setFound({ ...result.data, orgs: [...kept, ...result.data.orgs] });
    });
  const choices = found.orgs.map((o) => ({ id: o.id, depth: o.depth, label: t("orgOption", { name: localized(o.name, o.nameEn, locale), code: o.code }) }));
  return (
    <div className="space-y-2">
      {initial.isTruncated || initial.orgs.length >= SEARCH_FROM ? (
        <div role="search" aria-label={t("orgSearch")} className="space-y-1 rounded-md border border-line bg-surface p-3">
          <Label htmlFor={`${id}-q`}>{t("orgSearch")}</Label>
          <div className="flex gap-2">
            <Input
              id={`${id}-q`}
              type="search"
              value={words}
              maxLength={64}
              placeholder={t("orgSearchHint")}
              onChange={(event) => setWords(event.target.value)}
              onKeyDown={(event) => {
                // Enter searches here rather than sending the form around it.
                if (event.key === "Enter") {
                  event.preventDefault();
                  search();
                }
              }}
            />
            <Button type="button" variant="secondary" onClick={search} disabled={isSearching}>
              {t("orgSearchButton")}
            </Button>
          </div>
          <p role="status" className="text-xs text-muted">
            {found.isTruncated ? t("orgsTruncated", { limit: found.orgs.length }) : found.orgs.length === 0 ? t("orgsNone") : ""}
          </p>
        </div>
      ) : found.orgs.length === 0 ? (
        <p className="text-sm text-muted">{t("orgsNone")}</p>
      ) : null}
      {children(choices)}
    </div>
  );
}
