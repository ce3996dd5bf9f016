import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnalysisFilters } from "@/components/inspections/analysis-filters";
import type { AnalysisSelection } from "@/components/inspections/analysis-link";
import { AnalysisSummary } from "@/components/inspections/analysis-summary";
import { AnalysisCategories, AnalysisCommon, AnalysisDuties, AnalysisUnits } from "@/components/inspections/analysis-tables";
import { PageHeading } from "@/components/layout/page-heading";
import { EmptyState } from "@/components/ui/empty-state";
import { today } from "@/lib/dates";
import { guardPage } from "@/lib/server/access/guard-page";
import { analyseFindings, listAnalysisRounds, ZAnalysisQuery } from "@/lib/server/inspections/analysis";
import { listPeriods } from "@/lib/server/periods/list-periods";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspectionAnalysis"))("title") };
}

/** What the inspections found, across the rounds the actor reads: by category, duty and organization, and how rectification keeps time. */
export default async function InspectionAnalysisPage({ searchParams }: Props) {
  const actor = await guardPage("page:/inspections/analysis", undefined, "/inspections/analysis");
  const query = ZAnalysisQuery.parse(await searchParams);
  const selection: AnalysisSelection = { round: query.round, period: query.period, source: query.source };
  const [analysis, rounds, periods, t] = await Promise.all([
    analyseFindings(actor, { roundId: query.round, periodId: query.period, source: query.source }, today()),
    listAnalysisRounds(actor),
    listPeriods(),
    getTranslations("inspectionAnalysis"),
  ]);
  const isFiltered = Boolean(query.round || query.period || query.source);
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle")} />
      <AnalysisFilters rounds={rounds} periods={periods} round={query.round} period={query.period} source={query.source} />
      {analysis.totals.total === 0 ? (
        <EmptyState title={t("emptyAll")} hint={isFiltered ? t("emptyAllFiltered") : t("emptyAllHint")} />
      ) : (
        <div className="space-y-8">
          <AnalysisSummary analysis={analysis} selection={selection} />
          <AnalysisCategories rows={analysis.byCategory} selection={selection} />
          <AnalysisCommon rows={analysis.common} tagged={analysis.totals.tagged} selection={selection} />
          <AnalysisUnits rows={analysis.units} selection={selection} />
          <AnalysisDuties rows={analysis.byDuty} dutyCount={analysis.dutyCount} withoutDuty={analysis.withoutDuty} selection={selection} />
        </div>
      )}
    </>
  );
}
