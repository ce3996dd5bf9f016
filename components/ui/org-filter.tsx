import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { SEARCH_MAX } from "@/lib/validation/checklists";

/**
 * The organization filter of a GET form (`org`), as findOrgOptions gives its choices: when the scope
 * holds more organizations than the select lists, a search box (`orgq`) beside it finds the others by
 * name or code on the next submit, and the one chosen always stays listed.
 */
export function OrgFilter({
  id,
  label,
  allLabel,
  defaultValue,
  options,
  search,
}: {
  id: string;
  label: string;
  /** The empty choice ("all"); leave out when an organization is always chosen. */
  allLabel?: string;
  defaultValue?: string;
  options: { id: string; label: string; depth: number }[];
  /** Set when the select does not list the whole scope: the words that found these, if any. */
  search?: string;
}) {
  const t = useTranslations("filters");
  return (
    <>
      <FilterSelect id={id} name="org" label={label} defaultValue={defaultValue} allLabel={allLabel}>
        <OrgOptions orgs={options} />
      </FilterSelect>
      {search !== undefined ? (
        <FilterSearch id={`${id}q`} name="orgq" label={t("orgSearch")} hint={t("orgSearchHint")} note={t("orgSearchNote")} defaultValue={search} />
      ) : null}
    </>
  );
}

/**
 * The search box beside a filter's select that lists only part of its choices: the words go with the
 * form's next submit (`name`), and the select then lists what they find.
 */
export function FilterSearch({ id, name, label, hint, note, defaultValue }: { id: string; name: string; label: string; hint: string; note: string; defaultValue: string }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} type="search" maxLength={SEARCH_MAX} defaultValue={defaultValue} placeholder={hint} aria-describedby={`${id}-note`} />
      <p id={`${id}-note`} className="mt-1 text-xs text-muted">
        {note}
      </p>
    </div>
  );
}
