import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { periodLabel } from "@/lib/period-label";
import { FINDING_SOURCES } from "@/lib/validation/inspections";

type Round = { id: string; title: string; startsOn: Date };
type Period = { id: string; year: number; quarter: number };

/** The analysis filters as a plain GET form: a round the actor reads, a year or quarter, and a source (巡视巡察, a kind of inspection, talks). */
export function AnalysisFilters({ rounds, periods, round, period, source }: { rounds: Round[]; periods: Period[]; round?: string; period?: string; source?: string }) {
  const t = useTranslations("inspectionAnalysis");
  const tr = useTranslations();
  const format = useFormatter();
  return (
    <form method="get" className="mb-6 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" aria-label={t("filters")}>
      <FilterSelect
        id="analysis-round"
        name="round"
        label={t("round")}
        defaultValue={round}
        allLabel={t("allRounds")}
        options={rounds.map((r) => ({ value: r.id, label: t("roundOption", { title: r.title, date: format.dateTime(r.startsOn, { dateStyle: "medium", timeZone: "UTC" }) }) }))}
      />
      <FilterSelect
        id="analysis-period"
        name="period"
        label={t("period")}
        defaultValue={period}
        allLabel={t("allPeriods")}
        options={periods.map((p) => ({ value: p.id, label: periodLabel(tr, p) }))}
      />
      <FilterSelect
        id="analysis-source"
        name="source"
        label={t("source")}
        defaultValue={source}
        allLabel={t("allSources")}
        options={FINDING_SOURCES.map((s) => ({ value: s, label: tr(`inspectionType.${s}`) }))}
      />
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
    </form>
  );
}
