import Link from "next/link";
import { useTranslations } from "next-intl";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ChecklistSummary } from "@/lib/server/checklists/list-checklist-items";
import { WARNING_COLOURS, type WarningColour } from "@/lib/warnings";

/**
 * Progress of the selection and, as a roll-up of everything in it, its
 * worst warning colour with the count of each colour; a count links to the
 * list filtered by that colour (`warningHrefs`).
 */
export function ChecklistSummaryCard({ summary, warningHrefs }: { summary: ChecklistSummary; warningHrefs?: Record<WarningColour, string> }) {
  const t = useTranslations("summary");
  const tk = useTranslations("kind");
  const tw = useTranslations("warning");
  const rate = summary.total === 0 ? 0 : summary.done / summary.total;
  return (
    <Card aria-labelledby="summary-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="summary-heading" className="text-base font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted" data-testid="progress-text">
          {t("counts", { done: summary.done, total: summary.total, percent: Math.round(rate * 100) })}
          {summary.overdue > 0 ? (
            <span className="ml-2 font-medium text-danger">{t("overdue", { count: summary.overdue })}</span>
          ) : null}
        </p>
      </div>
      <ProgressBar value={rate} label={t("heading")} className="mt-3" />
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="warning-summary">
        <span className="text-muted">{t("warnings")}</span>
        {summary.worst ? <WarningBadge colour={summary.worst} /> : <span className="text-muted">{tw("none")}</span>}
        {WARNING_COLOURS.filter((c) => summary[c] > 0).map((c) => {
          const label = tw("count", { colour: tw(c), count: summary[c] });
          return warningHrefs ? (
            <Link key={c} href={warningHrefs[c]} className="text-brand hover:underline">
              {label}
            </Link>
          ) : (
            <span key={c}>{label}</span>
          );
        })}
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
