"use client";

import { useId, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/server/action";

/** What a picker lists: `isTruncated` when more matched than are listed. */
export type PickerList<T> = { items: T[]; isTruncated: boolean };

export type SearchPickerLabels = {
  search: string;
  hint: string;
  button: string;
  /** Said when more matched than are listed. */
  truncated: (listed: number) => string;
  none: string;
};

/** From this many choices on, a picker offers its search even when it lists them all: a long select is slow to scan. */
const SEARCH_FROM = 30;

/**
 * Choices for the select that `children` renders, found on the server: when
 * there are more than one select lists, or many, a search narrows them in
 * place, without leaving the form (what was typed stays). The choices the
 * select holds (`selected`) stay listed through a search, so that what
 * shows is what is sent; `kept` says how a kept one is shown among found ones.
 */
export function SearchPicker<T extends { id: string }>({
  initial,
  find,
  selected,
  kept = (item) => item,
  labels,
  children,
}: {
  initial: PickerList<T>;
  find: (words: string) => Promise<ActionResult<PickerList<T>>>;
  selected?: string | readonly string[];
  kept?: (item: T) => T;
  labels: SearchPickerLabels;
  children: (items: T[]) => ReactNode;
}) {
  const id = useId();
  const [found, setFound] = useState(initial);
  const [words, setWords] = useState("");
  const [isSearching, start] = useTransition();
  const search = () =>
    start(async () => {
      const result = await find(words);
      if (!result.ok) return;
      const held = new Set(typeof selected === "string" ? [selected] : selected);
      const keep = found.items.filter((o) => held.has(o.id) && !result.data.items.some((r) => r.id === o.id)).map(kept);
      setFound({ ...result.data, items: [...keep, ...result.data.items] });
    });
  return (
    <div className="space-y-2">
      {initial.isTruncated || initial.items.length >= SEARCH_FROM ? (
        <div role="search" aria-label={labels.search} className="space-y-1 rounded-md border border-line bg-surface p-3">
          <Label htmlFor={`${id}-q`}>{labels.search}</Label>
          <div className="flex gap-2">
            <Input
              id={`${id}-q`}
              type="search"
              value={words}
              maxLength={64}
              placeholder={labels.hint}
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
              {labels.button}
            </Button>
          </div>
          <p role="status" className="text-xs text-muted">
            {found.isTruncated ? labels.truncated(found.items.length) : found.items.length === 0 ? labels.none : ""}
          </p>
        </div>
      ) : found.items.length === 0 ? (
        <p className="text-sm text-muted">{labels.none}</p>
      ) : null}
      {children(found.items)}
    </div>
  );
}
