import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { WarningCounts } from "@/components/checklists/warning-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import type { ProgressRow } from "@/lib/server/checklists/get-progress";
import { cn } from "@/lib/utils";
import type { TProgressQuery } from "@/lib/validation/checklists";

type SortKey = TProgressQuery["sort"];

// The organization column stays in view while the table scrolls sideways on a phone; overdue sits next to it.
const STICKY = "sticky left-0 z-10 min-w-36 max-w-44 shadow-[inset_-1px_0_0_var(--color-line)] sm:min-w-0 sm:max-w-none sm:shadow-none";

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** The warnings beneath an organization, each colour once with its count, linking to those items; and the items sent back. */
function WarningRollup({ row, name, period, own }: { row: ProgressRow; name: string; period?: string; own?: boolean }) {
  const t = useTranslations("progress");
  const href = (params: Record<string, string>) => hrefWith(`/orgs/${row.id}`, { period, ...(own ? { org: row.id } : {}), ...params });
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="progress-warning" data-worst={row.worst ?? "none"}>
      <WarningCounts counts={row} hrefs={{ red: href({ warning: "red" }), yellow: href({ warning: "yellow" }), green: href({ warning: "green" }) }} context={name} />
      {row.returned > 0 ? (
        <Link href={href({ status: "RETURNED" })} className="text-xs font-medium whitespace-nowrap text-danger hover:underline" data-testid="progress-returned">
          {t("returned", { count: row.returned })}
          <span className="sr-only"> {name}</span>
        </Link>
      ) : null}
    </div>
  );
}

export function ProgressTable({
  parent,
  parentName,
  own,
  rows,
  query,
}: {
  parent: ProgressRow | null;
  parentName: string | null;
  /** The parent's own items, shown as a row beside its children's subtrees. */
  own: ProgressRow | null;
  rows: ProgressRow[];
  query: TProgressQuery;
}) {
  const t = useTranslations("progress");
  const to = useTranslations("orgType");
  const locale = useLocale();

  const sortHeader = (key: SortKey, label: string, className?: string) => {
    const isActive = query.sort === key;
    const nextDir = isActive && query.dir === "asc" ? "desc" : key === "name" ? "asc" : isActive ? "asc" : "desc";
    return (
      <th
        scope="col"
        className={cn("px-4 py-2 font-medium whitespace-nowrap", className)}
        aria-sort={isActive ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link href={hrefWith("/progress", { org: query.org, period: query.period, sort: key, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-brand">
          {label}
          <span aria-hidden>{isActive ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-4">
      {parent ? (
        <div className="rounded-lg border border-line bg-white p-4" data-testid="progress-parent">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold">
              {parentName} <span className="text-sm font-normal text-muted">{t("wholeSubtree")}</span>
            </p>
            <p className="text-sm text-muted">
              {t("parentCounts", { done: parent.done, total: parent.total, rate: percent(parent.rate), overdue: parent.overdue })}
            </p>
          </div>
          <div className="mt-2 text-sm">
            <WarningRollup row={parent} name={parentName ?? ""} period={query.period} />
          </div>
          <ProgressBar value={parent.rate ?? 0} label={parentName ?? t("title")} className="mt-3" />
          <Link href={hrefWith(`/orgs/${parent.id}`, { period: query.period })} className="mt-3 inline-block text-sm text-brand hover:underline">
            {t("openChecklist")}
          </Link>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm sm:min-w-[52rem]">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                {sortHeader("name", t("org"), cn(STICKY, "bg-surface"))}
                {sortHeader("overdue", t("overdue"), "text-right")}
                {sortHeader("rate", t("rate"))}
                {sortHeader("total", t("total"), "hidden text-right sm:table-cell")}
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("warning")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...(own ? [{ row: own, isOwn: true }] : []), ...rows.map((row) => ({ row, isOwn: false }))].map(({ row, isOwn }) => {
                const name = isOwn ? t("ownItems", { org: localized(row.name, row.nameEn, locale) }) : localized(row.name, row.nameEn, locale);
                const checklist = hrefWith(`/orgs/${row.id}`, { period: query.period, ...(isOwn ? { org: row.id } : {}) });
                return (
                  <tr key={isOwn ? "own" : row.id} className="border-t border-line" data-testid={isOwn ? "progress-own" : "progress-row"}>
                    <th scope="row" className={cn(STICKY, isOwn ? "bg-surface" : "bg-white", "px-4 py-3 text-left font-medium")}>
                      {!isOwn && row.childCount > 0 ? (
                        <Link href={hrefWith("/progress", { org: row.id, period: query.period })} className="hover:text-brand hover:underline">
                          {name}
                        </Link>
                      ) : (
                        name
                      )}
                      <span className="block text-xs font-normal text-muted">
                        {isOwn ? t("ownItemsHint") : row.isClosed ? t("closedOrg", { type: to(row.type) }) : to(row.type)}
                      </span>
                    </th>
                    <td className={cn("px-4 py-3 text-right tabular-nums", row.overdue > 0 && "font-semibold text-danger")} data-testid="progress-overdue">
                      {row.overdue}
                    </td>
                    <td className="px-4 py-3">
                      <div className="flex items-center gap-2">
                        <ProgressBar value={row.rate ?? 0} label={name} className="w-16 sm:w-32" />
                        <span className="tabular-nums" data-testid="progress-rate">{percent(row.rate)}</span>
                      </div>
                    </td>
                    <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">
                      {row.done}/{row.total}
                    </td>
                    <td className="px-4 py-3">
                      <WarningRollup row={row} name={name} period={query.period} own={isOwn} />
                    </td>
                    <td className="px-4 py-3 text-right">
                      <Link href={checklist} className="text-brand hover:underline">
                        {t("openChecklist")}
                        <span className="sr-only"> {name}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
