import Link from "next/link";
import { useTranslations } from "next-intl";
import { WarningCounts } from "@/components/checklists/warning-badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ChecklistSummary } from "@/lib/server/checklists/list-checklist-items";
import type { WarningColour } from "@/lib/warnings";

/**
 * Progress of the checklist and, as a roll-up of everything in it, the
 * count of each warning colour and of items sent back; a count links to the
 * list filtered by it. On a filtered list it says so, and names the filters
 * (`filterLabel`): it then describes those items, not the unit's completion.
 */
export function ChecklistSummaryCard({
  summary,
  filterLabel,
  warningHrefs,
  returnedHref,
}: {
  summary: ChecklistSummary;
  filterLabel?: string;
  warningHrefs?: Record<WarningColour, string>;
  returnedHref?: string;
}) {
  const t = useTranslations("summary");
  const tk = useTranslations("kind");
  const rate = summary.total === 0 ? 0 : summary.done / summary.total;
  const heading = summary.isFiltered ? t("filteredHeading") : t("heading");
  return (
    <Card aria-labelledby="summary-heading" data-filtered={summary.isFiltered}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="summary-heading" className="text-base font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-muted" data-testid="progress-text">
          {summary.isFiltered
            ? t("filteredCounts", { filters: filterLabel ?? "", done: summary.done, total: summary.total })
            : t("counts", { done: summary.done, total: summary.total, percent: Math.round(rate * 100) })}
          {summary.overdue > 0 ? <span className="ml-2 font-medium text-danger">{t("overdue", { count: summary.overdue })}</span> : null}
        </p>
      </div>
      <ProgressBar value={rate} label={heading} className="mt-3" />
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="warning-summary">
        <span className="text-muted">{t("warnings")}</span>
        <WarningCounts counts={summary} hrefs={warningHrefs} />
        {summary.returned > 0 ? (
          returnedHref ? (
            <Link href={returnedHref} className="font-medium text-danger hover:underline" data-testid="returned-count">
              {t("returned", { count: summary.returned })}
            </Link>
          ) : (
            <span className="font-medium text-danger" data-testid="returned-count">
              {t("returned", { count: summary.returned })}
            </span>
          )
        ) : null}
      </div>
      {summary.byKind.length > 1 ? (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {summary.byKind.map((k) => (
            <li key={k.kind} className="rounded-md border border-line p-3">
              <p className="text-sm font-medium">{tk(k.kind)}</p>
              <p className="mt-1 text-xs text-muted">
                {t("counts", { done: k.done, total: k.total, percent: k.total ? Math.round((k.done / k.total) * 100) : 0 })}
              </p>
              <ProgressBar value={k.total ? k.done / k.total : 0} label={tk(k.kind)} className="mt-2 h-1.5" />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
