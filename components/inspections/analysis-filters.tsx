import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { periodLabel } from "@/lib/period-label";

type Round = { id: string; title: string; startsOn: Date };
type Period = { id: string; year: number; quarter: number };

/** The analysis filters as a plain GET form: a round the actor reads, and a year or quarter. */
export function AnalysisFilters({ rounds, periods, round, period }: { rounds: Round[]; periods: Period[]; round?: string; period?: string }) {
  const t = useTranslations("inspectionAnalysis");
  const tr = useTranslations();
  const format = useFormatter();
  return (
    <form method="get" className="mb-6 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-label={t("filters")}>
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
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
    </form>
  );
}
