import { getLocale, getTranslations } from "next-intl/server";
import { ChecklistFilters } from "@/components/checklists/checklist-filters";
import { ChecklistSummaryCard } from "@/components/checklists/checklist-summary";
import { ChecklistTable } from "@/components/checklists/checklist-table";
import { Pagination } from "@/components/checklists/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { ALL_ROLES } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { getChecklistSummary, listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { listOrgOptions } from "@/lib/server/orgs/list-orgs";
import { localized } from "@/lib/org-label";
import type { TChecklistFilters } from "@/lib/validation/checklists";

/** The checklist of a period in the actor's scope (optionally one subtree): summary, filters, rows, pages. */
export async function ChecklistView({
  actor,
  periodId,
  filters,
  basePath,
  rootPath,
}: {
  actor: Actor;
  periodId: string;
  filters: TChecklistFilters;
  basePath: string;
  rootPath?: string;
}) {
  const query = { ...filters, periodId, rootPath };
  const [page, summary, orgOptions, t, locale] = await Promise.all([
    listChecklistItems(actor, query),
    getChecklistSummary(actor, query),
    listOrgOptions(actor, ALL_ROLES, rootPath),
    getTranslations("checklist"),
    getLocale(),
  ]);
  const isFiltered = Boolean(filters.status || filters.kind || filters.org);
  return (
    <div className="space-y-4">
      <ChecklistSummaryCard summary={summary} />
      <ChecklistFilters
        basePath={basePath}
        filters={filters}
        orgOptions={orgOptions.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={isFiltered ? t("emptyFiltered") : t("empty")} hint={isFiltered ? t("emptyFilteredHint") : t("emptyHint")} />
      ) : (
        <ChecklistTable rows={page.rows} showOrg={orgOptions.length > 1} />
      )}
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        basePath={basePath}
        params={{ status: filters.status, kind: filters.kind, org: filters.org }}
      />
    </div>
  );
}
