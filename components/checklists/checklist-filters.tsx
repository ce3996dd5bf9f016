import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/filter-select";
import { FieldError, Label } from "@/components/ui/label";
import { FilterSearch, OrgFilter } from "@/components/ui/org-filter";
import { hrefWith } from "@/lib/href";
import { periodLabel } from "@/lib/period-label";
import { DUTY_KINDS, ITEM_STATUS_FILTERS, isFiltered, SEARCH_MAX, WARNING_FILTERS, type TChecklistFilters } from "@/lib/validation/checklists";

export type PeriodOption = { id: string; year: number; quarter: number };

/** A plain GET form: works without JavaScript, and the URL keeps the filters. */
export function ChecklistFilters({
  basePath,
  filters,
  periodId,
  orgOptions,
  orgSearch,
  ownerOptions,
  ownerSearch,
  periodOptions,
  refusedSearch,
}: {
  basePath: string;
  filters: TChecklistFilters;
  /** Search words the list could not search for (readSearchParams), shown again with the reason. */
  refusedSearch?: string;
  /** The period shown, chosen or current. */
  periodId: string;
  orgOptions: { id: string; label: string; depth: number }[];
  /** Set when the scope holds more organizations than the filter lists: the words that found them, if any. */
  orgSearch?: string;
  ownerOptions: { id: string; name: string }[];
  /** Set when there are more owners than the filter lists: the words that found them, if any. */
  ownerSearch?: string;
  periodOptions: PeriodOption[];
}) {
  const t = useTranslations("filters");
  const tr = useTranslations();
  const ts = useTranslations("status");
  const tk = useTranslations("kind");
  const tw = useTranslations("warning");
  const tv = useTranslations("validation");
  return (
    <form method="get" action={basePath} role="search" aria-label={t("label")} className="no-print space-y-3">
      {filters.scope ? <input type="hidden" name="scope" value={filters.scope} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <Label htmlFor="filter-q">{t("search")}</Label>
          <Input
            id="filter-q"
            name="q"
            type="search"
            maxLength={SEARCH_MAX}
            defaultValue={filters.q ?? refusedSearch ?? ""}
            placeholder={t("searchHint")}
            aria-invalid={refusedSearch === undefined ? undefined : true}
            aria-describedby={refusedSearch === undefined ? undefined : "filter-q-error"}
          />
          <FieldError id="filter-q-error" message={refusedSearch === undefined ? undefined : tv("unsearchableText")} />
        </div>
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("status")}
          defaultValue={filters.status}
          allLabel={t("all")}
          options={ITEM_STATUS_FILTERS.map((s) => ({ value: s, label: ts(s) }))}
        />
        <FilterSelect
          id="filter-warning"
          name="warning"
          label={t("warning")}
          defaultValue={filters.warning}
          allLabel={t("all")}
          options={WARNING_FILTERS.map((w) => ({ value: w, label: tw(w) }))}
        />
        <FilterSelect
          id="filter-kind"
          name="kind"
          label={t("kind")}
          defaultValue={filters.kind}
          allLabel={t("all")}
          options={DUTY_KINDS.map((k) => ({ value: k, label: tk(k) }))}
        />
        <OrgFilter id="filter-org" label={t("org")} allLabel={t("allOrgs")} defaultValue={filters.org} options={orgOptions} search={orgSearch} />
        <FilterSelect
          id="filter-owner"
          name="owner"
          label={t("owner")}
          defaultValue={filters.owner}
          allLabel={t("all")}
          options={[{ value: "mine", label: t("mine") }, ...ownerOptions.map((o) => ({ value: o.id, label: o.name }))]}
        />
        {ownerSearch !== undefined ? (
          <FilterSearch
            id="filter-ownerq"
            name="ownerq"
            label={t("ownerSearch")}
            hint={t("ownerSearchHint")}
            note={t("ownerSearchNote")}
            defaultValue={ownerSearch}
          />
        ) : null}
        <FilterSelect
          id="filter-period"
          name="period"
          label={t("period")}
          defaultValue={periodId}
          options={periodOptions.map((p) => ({ value: p.id, label: periodLabel(tr, p) }))}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {isFiltered(filters) ? (
          <Link href={hrefWith(basePath, { period: filters.period, scope: filters.scope })} className={buttonVariants({ variant: "ghost", size: "md" })}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
