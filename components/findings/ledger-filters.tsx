import Link from "next/link";
import { useTranslations } from "next-intl";
import { ledgerHref } from "@/components/findings/ledger-href";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/filter-select";
import { FieldError, Label } from "@/components/ui/label";
import { OrgFilter } from "@/components/ui/org-filter";
import { FINDING_STATES } from "@/lib/finding-state";
import { isLedgerFiltered, LEDGER_SEARCH_MAX, type LedgerList, type TFindingFilters } from "@/lib/server/inspections/list-findings";
import { FINDING_SOURCES, FINDING_TAGS } from "@/lib/validation/inspections";

/** Filters that other pages link with but the form does not show: kept as hidden fields, and named. */
const HIDDEN_FILTERS = ["period", "duty", "open", "closed", "warning"] as const;

/** A plain GET form: works without JavaScript, and the URL keeps the filters. */
export function LedgerFilters({
  filters,
  list,
  roundOptions,
  orgOptions,
  orgSearch,
  categoryOptions,
  refusedSearch,
}: {
  filters: TFindingFilters;
  /** Search words the ledger could not search for (readSearchParams), shown again with the reason. */
  refusedSearch?: string;
  list: LedgerList;
  roundOptions: { id: string; label: string }[];
  orgOptions: { id: string; label: string; depth: number }[];
  /** Set when the scope holds more organizations than the filter lists: the words that found them, if any. */
  orgSearch?: string;
  categoryOptions: { id: string; label: string }[];
}) {
  const t = useTranslations("rectification.filters");
  const ts = useTranslations("findingState");
  const tt = useTranslations("findingTag");
  const tr = useTranslations("inspectionType");
  const tv = useTranslations("validation");
  const hidden = HIDDEN_FILTERS.flatMap((key) => {
    const value = filters[key];
    return value ? [{ key, value: value === true ? "1" : value }] : [];
  });
  return (
    <form method="get" action="/findings" role="search" aria-label={t("label")} data-print="hide" className="space-y-3 print:hidden">
      {list !== "problems" ? <input type="hidden" name="list" value={list} /> : null}
      {hidden.map((h) => (
        <input key={h.key} type="hidden" name={h.key} value={h.value} />
      ))}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <Label htmlFor="ledger-q">{t("search")}</Label>
          <Input
            id="ledger-q"
            name="q"
            type="search"
            maxLength={LEDGER_SEARCH_MAX}
            defaultValue={filters.q ?? refusedSearch ?? ""}
            placeholder={t("searchHint")}
            aria-invalid={refusedSearch === undefined ? undefined : true}
            aria-describedby={refusedSearch === undefined ? undefined : "ledger-q-error"}
          />
          <FieldError id="ledger-q-error" message={refusedSearch === undefined ? undefined : tv("unsearchableText")} />
        </div>
        <FilterSelect
          id="ledger-round"
          name="round"
          label={t("round")}
          defaultValue={filters.round}
          allLabel={t("allRounds")}
          options={roundOptions.map((r) => ({ value: r.id, label: r.label }))}
        />
        <OrgFilter id="ledger-org" label={t("org")} allLabel={t("allOrgs")} defaultValue={filters.org} options={orgOptions} search={orgSearch} />
        <FilterSelect
          id="ledger-category"
          name="category"
          label={t("category")}
          defaultValue={filters.category}
          allLabel={t("allCategories")}
          options={categoryOptions.map((c) => ({ value: c.id, label: c.label }))}
        />
        <FilterSelect
          id="ledger-source"
          name="source"
          label={t("source")}
          defaultValue={filters.source}
          allLabel={t("allSources")}
          options={FINDING_SOURCES.map((source) => ({ value: source, label: tr(source) }))}
        />
        <FilterSelect
          id="ledger-tag"
          name="tag"
          label={t("tag")}
          defaultValue={filters.tag}
          allLabel={t("allTags")}
          options={FINDING_TAGS.map((tag) => ({ value: tag, label: tt(tag) }))}
        />
        <FilterSelect
          id="ledger-state"
          name="state"
          label={t("state")}
          defaultValue={filters.state}
          allLabel={t("allStates")}
          options={FINDING_STATES.map((s) => ({ value: s, label: ts(s) }))}
        />
        <div className="flex items-end">
          <label htmlFor="ledger-overdue" className="flex h-10 items-center gap-2 text-sm">
            <input id="ledger-overdue" type="checkbox" name="overdue" value="1" defaultChecked={Boolean(filters.overdue)} className="size-4 accent-brand" />
            {t("overdue")}
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {isLedgerFiltered(filters) ? (
          <Link href={ledgerHref({ list: list === "problems" ? undefined : list })} className={buttonVariants({ variant: "ghost", size: "md" })}>
            {t("clear")}
          </Link>
        ) : null}
        {hidden.length > 0 ? (
          <p className="text-sm text-muted" data-testid="ledger-hidden-filters">
            {t("otherFilters", { filters: hidden.map((h) => t(`extra.${h.key}`)).join(t("separator")) })}
          </p>
        ) : null}
      </div>
    </form>
  );
}
