import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Round = { id: string; title: string; startsOn: Date };
type Period = { id: string; year: number; quarter: number };

/** The analysis filters as a plain GET form: a round the actor reads, and a year or quarter. */
export function AnalysisFilters({ rounds, periods, round, period }: { rounds: Round[]; periods: Period[]; round?: string; period?: string }) {
  const t = useTranslations("inspectionAnalysis");
  const format = useFormatter();
  return (
    <form method="get" className="mb-6 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-label={t("filters")}>
      <div>
        <Label htmlFor="analysis-round">{t("round")}</Label>
        <Select id="analysis-round" name="round" defaultValue={round ?? ""}>
          <option value="">{t("allRounds")}</option>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {t("roundOption", { title: r.title, date: format.dateTime(r.startsOn, { dateStyle: "medium", timeZone: "UTC" }) })}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="analysis-period">{t("period")}</Label>
        <Select id="analysis-period" name="period" defaultValue={period ?? ""}>
          <option value="">{t("allPeriods")}</option>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.quarter === 0 ? t("periodYear", { year: p.year }) : t("periodQuarter", { year: p.year, quarter: p.quarter })}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
    </form>
  );
}
