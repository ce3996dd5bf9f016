import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { GradeBadge, formatPoints, ruleText } from "@/components/ratings/rating-parts";
import { Card } from "@/components/ui/card";
import type { UnitScore } from "@/lib/ratings/score";

/**
 * How a unit scored: each indicator's count, share, weight and points, the
 * deductions, the ratings, the adjustments with their reasons and authors,
 * and the rule that set the grade. The committee's preview and a unit's
 * published result read the same.
 */
export async function ScoreExplanation({ unit }: { unit: UnitScore }) {
  const [t, format] = await Promise.all([getTranslations("ratings"), getFormatter()]);
  const rule = await ruleText(unit.rule);
  const th = "px-3 py-2 font-medium";
  const num = "px-3 py-2 text-right tabular-nums";
  const ratings = [
    [t("detail.ratingSelf"), unit.rated.self],
    [t("detail.ratingSuperior"), unit.rated.superior],
    [t("detail.ratingDemocratic"), unit.rated.democratic],
  ] as const;
  const facts: [string, ReactNode][] = [
    [t("detail.overdue"), `${t("detail.overdueText", { ...unit.deductions.overdue })} · ${unit.deductions.points > 0 ? "−" : ""}${formatPoints(unit.deductions.points)}`],
    [t("detail.rated"), `${ratings.map(([label, value]) => `${label} ${value === null ? t("detail.notGiven") : formatPoints(value)}`).join(" · ")} · ${formatPoints(unit.rated.points)}`],
    [
      t("detail.adjustments"),
      unit.adjustments.length === 0
        ? t("detail.noAdjustments")
        : format.list(unit.adjustments.map((a) => `${a.points > 0 ? "+" : "−"}${formatPoints(Math.abs(a.points))} ${t("detail.adjustmentBy", { reason: a.reason, by: a.by })}`)),
    ],
    [t("detail.base"), formatPoints(unit.base)],
    [t("detail.total"), formatPoints(unit.total)],
    [t("detail.bandGrade"), <GradeBadge key="band" grade={unit.bandGrade} />],
    [t("detail.grade"), <GradeBadge key="grade" grade={unit.grade} />],
    [t("detail.rule"), rule],
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card aria-labelledby="rated-indicators-heading" className="min-w-0">
        <h2 id="rated-indicators-heading" className="mb-3 text-base font-semibold">
          {t("detail.indicators")}
        </h2>
        <div className="relative overflow-x-auto rounded-md border border-line">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">{t("detail.indicators")}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className={th}>
                  {t("detail.indicator")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("detail.counted")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("detail.value")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("detail.weight")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("detail.points")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {/* An indicator the scheme gives no points to is not part of this year's score. */}
              {unit.indicators
                .filter((i) => i.weight > 0)
                .map((i) => (
                <tr key={i.key}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {t(`indicator.${i.key}`)}
                  </th>
                  <td className={num}>{i.value === null ? <span className="text-muted">{t("detail.nothingToCount")}</span> : t("detail.ratio", { done: i.done, of: i.of })}</td>
                  <td className={num}>{i.value === null ? "—" : `${formatPoints(i.value * 100)}%`}</td>
                  <td className={num}>{formatPoints(i.weight)}</td>
                  <td className={`${num} font-semibold`}>{formatPoints(i.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card aria-labelledby="rated-total-heading" className="min-w-0 self-start">
        <h2 id="rated-total-heading" className="mb-3 text-base font-semibold">
          {t("detail.total")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-muted">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
