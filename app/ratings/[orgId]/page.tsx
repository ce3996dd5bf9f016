import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { GradeBadge, formatPoints, ruleText } from "@/components/ratings/rating-parts";
import { Card } from "@/components/ui/card";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { previewRatings } from "@/lib/server/ratings/preview";
import { managesRatings, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { ZIdParam } from "@/lib/validation/text";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings"))("title") };
}

/**
 * How one unit scored: each indicator's count, share, weight and points,
 * the deductions, the ratings, the adjustments with their reasons and
 * authors, and the rule that set the grade.
 */
export default async function RatedUnitPage({ params, searchParams }: Props) {
  const orgId = ZIdParam.parse((await params).orgId);
  if (!orgId) notFound();
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/[orgId]", { orgId }, `/ratings/${orgId}`);
  if (!managesRatings(actor)) notFound();
  const year = await resolveRatedYear(query.period);
  if (!year) notFound();
  const [preview, t, tt, locale, format] = await Promise.all([
    previewRatings(actor, year.id),
    getTranslations("ratings"),
    getTranslations("orgType"),
    getLocale(),
    getFormatter(),
  ]);
  const unit = preview.units.find((u) => u.orgId === orgId);
  const back = hrefWith("/ratings", { period: query.period === year.id ? year.id : undefined });
  if (!unit) {
    return (
      <>
        <PageHeading title={t("title")} />
        <p className="mb-4">{t("detail.notRated")}</p>
        <Link href={back} className="text-sm text-brand hover:underline">
          {t("detail.back")}
        </Link>
      </>
    );
  }
  const name = localized(unit.name, unit.nameEn, locale);
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
    [t("detail.rated"), `${ratings.map(([label, value]) => `${label} ${value ?? t("detail.notGiven")}`).join(" · ")} · ${formatPoints(unit.rated.points)}`],
    [
      t("detail.adjustments"),
      unit.adjustments.length === 0
        ? t("detail.noAdjustments")
        : format.list(unit.adjustments.map((a) => `${a.points > 0 ? "+" : ""}${formatPoints(a.points)} ${t("detail.adjustmentBy", { reason: a.reason, by: a.by })}`)),
    ],
    [t("detail.base"), formatPoints(unit.base)],
    [t("detail.total"), formatPoints(unit.total)],
    [t("detail.bandGrade"), <GradeBadge key="band" grade={unit.bandGrade} />],
    [t("detail.grade"), <GradeBadge key="grade" grade={unit.grade} />],
    [t("detail.rule"), rule],
  ];
  return (
    <>
      <PageHeading
        title={t("detail.title", { unit: name })}
        subtitle={t("detail.subtitle", { year: year.year, type: tt(unit.orgType), rank: unit.rank, of: unit.of })}
      >
        <nav className="mb-2 text-sm">
          <Link href={back} className="text-brand hover:underline">
            {t("detail.back")}
          </Link>
        </nav>
      </PageHeading>
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
                {unit.indicators.map((i) => (
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
    </>
  );
}
