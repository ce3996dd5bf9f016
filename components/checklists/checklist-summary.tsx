import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ChecklistSummary } from "@/lib/server/checklists/list-checklist-items";

export function ChecklistSummaryCard({ summary }: { summary: ChecklistSummary }) {
  const t = useTranslations("summary");
  const tk = useTranslations("kind");
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
