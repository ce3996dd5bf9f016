import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AnalysisBarChart } from "@/components/inspections/analysis-bar-chart";
import { CountLink, ledgerHref, type AnalysisSelection } from "@/components/inspections/analysis-link";
import { EmptyState } from "@/components/ui/empty-state";
import { localized } from "@/lib/org-label";
import type { CategoryRow, CommonProblem, DutyRow, UnitRow } from "@/lib/server/inspections/analysis";
import { cn } from "@/lib/utils";

const th = "px-4 py-2 font-medium";
const num = "px-4 py-2.5 text-right";

/** One breakdown: a heading, its table (the data) and its chart side by side on wide screens. */
function Breakdown({ id, title, hint, table, chart, empty }: { id: string; title: string; hint?: ReactNode; table: ReactNode; chart: ReactNode; empty: string | null }) {
  return (
    <section aria-labelledby={id} className="space-y-3" data-testid={id}>
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {hint ? <p className="mt-0.5 text-sm text-muted">{hint}</p> : null}
      </div>
      {empty !== null ? (
        <EmptyState title={empty} />
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
          {table}
          {chart}
        </div>
      )}
    </section>
  );
}

function Table({ caption, minWidth, head, children }: { caption: string; minWidth: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
      <table className={cn("w-full text-left text-sm", minWidth)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function AnalysisCategories({ rows, selection }: { rows: CategoryRow[]; selection: AnalysisSelection }) {
  const t = useTranslations("inspectionAnalysis");
  const locale = useLocale();
  const named = rows.map((r) => ({ ...r, label: localized(r.name, r.nameEn, locale) }));
  return (
    <Breakdown
      id="analysis-categories"
      title={t("byCategory")}
      hint={t("byCategoryHint")}
      empty={rows.length === 0 ? t("empty") : null}
      table={
        <Table
          caption={t("byCategory")}
          minWidth="min-w-[36rem]"
          head={
            <>
              <th scope="col" className={th}>{t("category")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("total")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("open")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("overdue")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("closed")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("units")}</th>
            </>
          }
        >
          {named.map((r) => {
            const base = { category: r.categoryId };
            return (
              <tr key={r.categoryId} className="border-t border-line" data-testid="analysis-category-row">
                <th scope="row" className="px-4 py-2.5 text-left font-medium">{r.label}</th>
                <td className={num}><CountLink count={r.total} href={ledgerHref(selection, base)} label={t("linkTotal", { what: r.label })} /></td>
                <td className={num}><CountLink count={r.open} href={ledgerHref(selection, { ...base, open: true })} label={t("linkOpen", { what: r.label })} /></td>
                <td className={num}><CountLink count={r.overdue} href={ledgerHref(selection, { ...base, overdue: true })} label={t("linkOverdue", { what: r.label })} /></td>
                <td className={num}><CountLink count={r.closed} href={ledgerHref(selection, { ...base, closed: true })} label={t("linkClosed", { what: r.label })} /></td>
                <td className={num}><CountLink count={r.units} href={ledgerHref(selection, base)} label={t("linkUnits", { what: r.label })} /></td>
              </tr>
            );
          })}
        </Table>
      }
      chart={
        <AnalysisBarChart
          title={t("byCategoryChart")}
          testId="chart-analysis-categories"
          legend={[
            { tone: "danger", label: t("overdue") },
            { tone: "warn", label: t("openNotOverdue") },
            { tone: "ok", label: t("closed") },
          ]}
          bars={named.map((r) => ({
            key: r.categoryId,
            label: r.label,
            segments: [
              { value: r.overdue, tone: "danger", href: ledgerHref(selection, { category: r.categoryId, overdue: true }) },
              // The ledger has no filter for "open, not overdue": the open ones, overdue first, are the rows behind it.
              { value: r.open - r.overdue, tone: "warn", href: ledgerHref(selection, { category: r.categoryId, open: true }) },
              { value: r.closed, tone: "ok", href: ledgerHref(selection, { category: r.categoryId, closed: true }) },
            ],
            valueText: t("barCategory", { total: r.total, open: r.open, overdue: r.overdue }),
          }))}
        />
      }
    />
  );
}

export function AnalysisCommon({ rows, tagged, selection }: { rows: CommonProblem[]; tagged: number; selection: AnalysisSelection }) {
  const t = useTranslations("inspectionAnalysis");
  const locale = useLocale();
  const named = rows.map((r) => ({ ...r, label: localized(r.name, r.nameEn, locale) }));
  return (
    <Breakdown
      id="analysis-common"
      title={t("common")}
      hint={t("commonHint", { tagged })}
      empty={rows.length === 0 ? t("emptyCommon") : null}
      table={
        <Table
          caption={t("common")}
          minWidth="min-w-[28rem]"
          head={
            <>
              <th scope="col" className={th}>{t("category")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("units")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("total")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("tagged")}</th>
            </>
          }
        >
          {named.map((r) => (
            <tr key={r.categoryId} className="border-t border-line" data-testid="analysis-common-row">
              <th scope="row" className="px-4 py-2.5 text-left font-medium">{r.label}</th>
              <td className={num}><CountLink count={r.units} href={ledgerHref(selection, { category: r.categoryId })} label={t("linkUnits", { what: r.label })} /></td>
              <td className={num}><CountLink count={r.findings} href={ledgerHref(selection, { category: r.categoryId })} label={t("linkTotal", { what: r.label })} /></td>
              <td className={num}><CountLink count={r.tagged} href={ledgerHref(selection, { category: r.categoryId, tag: "COMMON" })} label={t("linkTagged", { what: r.label })} /></td>
            </tr>
          ))}
        </Table>
      }
      chart={
        <AnalysisBarChart
          title={t("commonChart")}
          bars={named.map((r) => ({
            key: r.categoryId,
            label: r.label,
            segments: [{ value: r.units, tone: "brand", href: ledgerHref(selection, { category: r.categoryId }) }],
            valueText: t("barUnits", { units: r.units }),
          }))}
        />
      }
    />
  );
}

export function AnalysisDuties({ rows, dutyCount, withoutDuty, selection }: { rows: DutyRow[]; dutyCount: number; withoutDuty: number; selection: AnalysisSelection }) {
  const t = useTranslations("inspectionAnalysis");
  const locale = useLocale();
  const named = rows.map((r) => ({ ...r, label: localized(r.title, r.titleEn, locale) }));
  return (
    <Breakdown
      id="analysis-duties"
      title={t("byDuty")}
      hint={t("byDutyHint", { shown: rows.length, count: dutyCount, without: withoutDuty })}
      empty={rows.length === 0 ? t("emptyDuty") : null}
      table={
        <Table
          caption={t("byDuty")}
          minWidth="min-w-[32rem]"
          head={
            <>
              <th scope="col" className={th}>{t("duty")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("total")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("open")}</th>
            </>
          }
        >
          {named.map((r) => (
            <tr key={r.dutyId} className="border-t border-line" data-testid="analysis-duty-row">
              <th scope="row" className="px-4 py-2.5 text-left font-medium">
                <span className="mr-2 text-xs text-muted">{r.code}</span>
                {r.label}
              </th>
              <td className={num}><CountLink count={r.total} href={ledgerHref(selection, { duty: r.dutyId })} label={t("linkTotal", { what: r.label })} /></td>
              <td className={num}><CountLink count={r.open} href={ledgerHref(selection, { duty: r.dutyId, open: true })} label={t("linkOpen", { what: r.label })} /></td>
            </tr>
          ))}
        </Table>
      }
      chart={
        <AnalysisBarChart
          title={t("byDutyChart")}
          legend={[
            { tone: "warn", label: t("open") },
            { tone: "ok", label: t("closed") },
          ]}
          bars={named.map((r) => ({
            key: r.dutyId,
            label: `${r.code} ${r.label}`,
            segments: [
              { value: r.open, tone: "warn", href: ledgerHref(selection, { duty: r.dutyId, open: true }) },
              { value: r.total - r.open, tone: "ok", href: ledgerHref(selection, { duty: r.dutyId, closed: true }) },
            ],
            valueText: t("barDuty", { total: r.total, open: r.open }),
          }))}
        />
      }
    />
  );
}

export function AnalysisUnits({ rows, selection }: { rows: UnitRow[]; selection: AnalysisSelection }) {
  const t = useTranslations("inspectionAnalysis");
  const locale = useLocale();
  const named = rows.map((r) => ({ ...r, label: localized(r.name, r.nameEn, locale) }));
  return (
    <Breakdown
      id="analysis-units"
      title={t("unitRanking")}
      hint={t("unitsHint")}
      empty={rows.length === 0 ? t("emptyUnits") : null}
      table={
        <Table
          caption={t("unitRanking")}
          minWidth="min-w-[30rem]"
          head={
            <>
              <th scope="col" className={cn(th, "w-12 text-right")}>{t("rank")}</th>
              <th scope="col" className={th}>{t("org")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("overdue")}</th>
              <th scope="col" className={cn(th, "text-right")}>{t("open")}</th>
            </>
          }
        >
          {named.map((r, i) => (
            <tr key={r.orgId} className="border-t border-line" data-testid="analysis-unit-row">
              <td className={cn(num, "text-muted tabular-nums")}>{i + 1}</td>
              <th scope="row" className="px-4 py-2.5 text-left font-medium">{r.label}</th>
              <td className={num}><CountLink count={r.overdue} href={ledgerHref(selection, { org: r.orgId, overdue: true })} label={t("linkOverdue", { what: r.label })} /></td>
              <td className={num}><CountLink count={r.open} href={ledgerHref(selection, { org: r.orgId, open: true })} label={t("linkOpen", { what: r.label })} /></td>
            </tr>
          ))}
        </Table>
      }
      chart={
        <AnalysisBarChart
          title={t("unitsChart")}
          legend={[
            { tone: "danger", label: t("overdue") },
            { tone: "warn", label: t("openNotOverdue") },
          ]}
          bars={named.map((r) => ({
            key: r.orgId,
            label: r.label,
            segments: [
              { value: r.overdue, tone: "danger", href: ledgerHref(selection, { org: r.orgId, overdue: true }) },
              { value: r.open - r.overdue, tone: "warn", href: ledgerHref(selection, { org: r.orgId, open: true }) },
            ],
            valueText: t("barUnit", { open: r.open, overdue: r.overdue }),
          }))}
        />
      }
    />
  );
}
