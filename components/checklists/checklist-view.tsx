import { getLocale, getTranslations } from "next-intl/server";
import { ChecklistFilters } from "@/components/checklists/checklist-filters";
import { ChecklistSummaryCard } from "@/components/checklists/checklist-summary";
import { ChecklistTable } from "@/components/checklists/checklist-table";
import { Pagination } from "@/components/checklists/pagination";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterFold } from "@/components/ui/filter-fold";
import type { Actor } from "@/lib/server/auth/actor";
import { EXPORT_ROW_LIMIT } from "@/lib/server/checklists/export-checklist";
import { getChecklistSummary, listChecklistItems, listItemOwners } from "@/lib/server/checklists/list-checklist-items";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { listPeriods } from "@/lib/server/periods/list-periods";
import { localized } from "@/lib/org-label";
import { hrefWith } from "@/lib/href";
import { cn } from "@/lib/utils";
import { checklistFilterParams, countFilters, describeFilters, isFiltered, type TChecklistFilters } from "@/lib/validation/checklists";
import { WARNING_COLOURS, type WarningColour } from "@/lib/warnings";

/** The checklist of a period in the actor's scope (optionally one subtree): summary, filters, rows, pages, export. */
export async function ChecklistView({
  actor,
  periodId,
  filters,
  basePath,
  rootOrg,
  refusedSearch,
}: {
  actor: Actor;
  periodId: string;
  filters: TChecklistFilters;
  basePath: string;
  /** Limit to this organization's subtree (the organization page). */
  rootOrg?: { id: string; path: string };
  /** Search words the list could not search for, for the search box to show with the reason. */
  refusedSearch?: string;
}) {
  const rootPath = rootOrg?.path;
  const query = { ...filters, periodId, rootPath };
  const [page, summary, orgChoices, owners, periodOptions, t, locale] = await Promise.all([
    listChecklistItems(actor, query),
    getChecklistSummary(actor, query),
    findOrgOptions(actor, "checklist.read", rootPath, { search: filters.orgq, selected: filters.org }),
    listItemOwners(actor, { periodId, rootPath }, { search: filters.ownerq, selected: filters.owner }),
    listPeriods(),
    getTranslations("checklist"),
    getLocale(),
  ]);
  const orgOptions = orgChoices.options;
  const tr = await getTranslations();
  const params = checklistFilterParams(filters);
  const filtered = isFiltered(filters);
  const filterLabel = describeFilters(filters, {
    status: (s) => tr(`status.${s}`),
    warning: (c) => tr(`warning.${c}`),
    kind: (k) => tr(`kind.${k}`),
    org: (id) => {
      const org = orgOptions.find((o) => o.id === id);
      return org ? localized(org.name, org.nameEn, locale) : undefined;
    },
    owner: (id) => (id === "mine" ? tr("filters.mine") : owners.options.find((o) => o.id === id)?.name),
    q: (text) => tr("summary.matching", { q: text }),
  }).join(tr("summary.filterSeparator"));
  const warningHrefs = Object.fromEntries(
    WARNING_COLOURS.map((c) => [c, hrefWith(basePath, { ...params, status: undefined, warning: c })]),
  ) as Record<WarningColour, string>;
  // The export names the period shown, so that it matches the page even if "current" moves on.
  const exportHref = hrefWith("/checklists/export", { ...params, period: periodId, root: rootOrg?.id });
  const canExport = page.total > 0 && page.total <= EXPORT_ROW_LIMIT;
  return (
    <div className="space-y-4">
      <ChecklistSummaryCard
        summary={summary}
        filterLabel={filterLabel}
        warningHrefs={warningHrefs}
        returnedHref={hrefWith(basePath, { ...params, warning: undefined, status: "RETURNED" })}
      />
      <FilterFold
        activeCount={countFilters(filters)}
        aside={
          <div className="flex flex-wrap items-center justify-end gap-3">
            {page.total > EXPORT_ROW_LIMIT ? (
              <p className="text-sm text-muted" role="note">
                {t("exportTooMany", { limit: EXPORT_ROW_LIMIT, total: page.total })}
              </p>
            ) : null}
            {canExport ? (
              <a href={exportHref} download className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="export-link">
                {t("export")}
              </a>
            ) : (
              <span className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")} aria-disabled>
                {t("export")}
              </span>
            )}
          </div>
        }
      >
        <ChecklistFilters
          basePath={basePath}
          filters={filters}
          periodId={periodId}
          orgOptions={orgOptions.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
          orgSearch={orgChoices.isTruncated ? (filters.orgq ?? "") : undefined}
          ownerOptions={owners.options}
          ownerSearch={owners.isTruncated ? (filters.ownerq ?? "") : undefined}
          periodOptions={periodOptions}
          refusedSearch={refusedSearch}
        />
      </FilterFold>
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} hint={filtered ? t("emptyFilteredHint") : t("emptyHint")} />
      ) : (
        <ChecklistTable rows={page.rows} showOrg={orgOptions.length > 1} />
      )}
      <Pagination page={page.page} pageCount={page.pageCount} total={page.total} basePath={basePath} params={params} />
    </div>
  );
}
