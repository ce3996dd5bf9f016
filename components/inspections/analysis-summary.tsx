import { useTranslations } from "next-intl";
import { CountLink, ledgerHref, type AnalysisSelection, type LedgerFilter } from "@/components/inspections/analysis-link";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { FindingAnalysis } from "@/lib/server/inspections/analysis";

function Figure({ label, count, href, linkLabel }: { label: string; count: number; href: string; linkLabel: string }) {
  return (
    <div className="rounded-lg border border-line bg-white p-3 sm:p-4">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">
        <CountLink count={count} href={href} label={linkLabel} />
      </dd>
    </div>
  );
}

/** The selection at a glance: how many findings, how many still open or overdue, and the on-time close-out rate. */
export function AnalysisSummary({ analysis, selection }: { analysis: FindingAnalysis; selection: AnalysisSelection }) {
  const t = useTranslations("inspectionAnalysis");
  const { totals, onTime } = analysis;
  const figures: { key: string; filter: LedgerFilter; count: number }[] = [
    { key: "total", filter: {}, count: totals.total },
    { key: "open", filter: { open: true }, count: totals.open },
    { key: "overdue", filter: { overdue: true }, count: totals.overdue },
    { key: "closed", filter: { closed: true }, count: totals.closed },
  ];
  const rate = onTime.rate === null ? null : Math.round(onTime.rate * 1000) / 10;
  return (
    <section aria-labelledby="analysis-summary" className="space-y-3" data-testid="analysis-summary">
      <h2 id="analysis-summary" className="sr-only">
        {t("summary")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((f) => (
          <Figure
            key={f.key}
            label={t(f.key)}
            count={f.count}
            href={ledgerHref(selection, f.filter)}
            linkLabel={t("linkAll", { what: t(f.key) })}
          />
        ))}
      </dl>
      <div className="rounded-lg border border-line bg-white p-4" data-testid="analysis-on-time">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-medium">{t("onTime")}</h3>
          <p className="text-2xl font-semibold tabular-nums">{rate === null ? "—" : `${rate}%`}</p>
        </div>
        {onTime.rate === null ? (
          <p className="mt-1 text-sm text-muted">{t("onTimeNone")}</p>
        ) : (
          <>
            <ProgressBar value={onTime.rate} label={t("onTime")} className="mt-2" />
            <p className="mt-2 text-sm text-muted">
              {t.rich("onTimeDetail", {
                onTime: onTime.onTime,
                late: onTime.closed - onTime.onTime,
                closed: () => (
                  <CountLink count={onTime.closed} href={ledgerHref(selection, { closed: true })} label={t("linkAll", { what: t("closed") })} />
                ),
              })}
            </p>
          </>
        )}
        <p className="mt-1 text-xs text-muted">{t("onTimeRule")}</p>
      </div>
    </section>
  );
}
