import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { GradeBadge, SchemeSummary, formatPoints, ruleText } from "@/components/ratings/rating-parts";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { previewRatings, type RatedUnit } from "@/lib/server/ratings/preview";
import { listRatedYears, managesRatings, pickRatedYear } from "@/lib/server/ratings/schemes";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings"))("title") };
}

/**
 * The working committee's year's rating: the scheme it rates by, and every
 * unit's score as the ledger gives it today, ranked by type, each unit
 * opening onto the explanation of its points.
 */
export default async function RatingsPage({ searchParams }: Props) {
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings", undefined, "/ratings");
  const t = await getTranslations("ratings");
  if (!managesRatings(actor)) {
    return (
      <>
        <PageHeading title={t("title")} />
        <EmptyState title={t("notCommittee")} />
      </>
    );
  }
  const years = await listRatedYears();
  const year = pickRatedYear(years, query.period);
  if (!year) {
    return (
      <>
        <PageHeading title={t("title")} />
        <EmptyState title={t("noYear")} />
      </>
    );
  }
  const [preview, tt, locale] = await Promise.all([previewRatings(actor, year.id), getTranslations("orgType"), getLocale()]);
  const types = [...new Set(preview.units.map((u) => u.orgType))];
  const shownPeriod = query.period === year.id ? year.id : undefined;
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { year: year.year })} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect id="ratings-year" name="period" label={t("year")} defaultValue={year.id} options={years.map((y) => ({ value: y.id, label: String(y.year) }))} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card aria-labelledby="ratings-preview-heading" className="min-w-0">
          <h2 id="ratings-preview-heading" className="mb-1 text-base font-semibold">
            {t("preview.heading")}
          </h2>
          <p className="mb-3 text-sm text-muted">{t("preview.note")}</p>
          {preview.units.length === 0 ? (
            <EmptyState title={t("preview.empty")} />
          ) : (
            types.map((type) => {
              const units = preview.units.filter((u) => u.orgType === type);
              return <RatedUnitsTable key={type} caption={t("preview.count", { type: tt(type), count: units.length })} units={units} period={shownPeriod} locale={locale} />;
            })
          )}
        </Card>
        <Card aria-labelledby="ratings-scheme-heading" className="min-w-0 self-start">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="ratings-scheme-heading" className="text-base font-semibold">
              {t("scheme.heading")}
            </h2>
            {preview.scheme.frozenAt ? null : (
              <Link href={hrefWith("/ratings/scheme", { period: shownPeriod })} className="text-sm text-brand hover:underline">
                {t("scheme.edit")}
              </Link>
            )}
          </div>
          <SchemeSummary scheme={preview.scheme} />
        </Card>
      </div>
    </>
  );
}

async function RatedUnitsTable({ caption, units, period, locale }: { caption: string; units: RatedUnit[]; period: string | undefined; locale: string }) {
  const t = await getTranslations("ratings.preview");
  const rules = await Promise.all(units.map((u) => ruleText(u.rule)));
  const th = "px-3 py-2 font-medium whitespace-nowrap";
  const num = "px-3 py-2 text-right tabular-nums";
  // On a phone the parts give way to the total, the grade and what set it; the unit's page has the parts.
  const part = "hidden md:table-cell";
  return (
    <div className="relative mb-4 overflow-x-auto rounded-md border border-line">
      <table className="w-full text-left text-sm md:min-w-[44rem]">
        <caption className="bg-surface px-3 py-2 text-left text-sm font-medium">{caption}</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>
            <th scope="col" className={`${th} text-right`}>
              {t("rank")}
            </th>
            <th scope="col" className={th}>
              {t("unit")}
            </th>
            <th scope="col" className={`${th} ${part} text-right`}>
              {t("computedPoints")}
            </th>
            <th scope="col" className={`${th} ${part} text-right`}>
              {t("deductions")}
            </th>
            <th scope="col" className={`${th} ${part} text-right`}>
              {t("rated")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("total")}
            </th>
            <th scope="col" className={th}>
              {t("grade")}
            </th>
            <th scope="col" className={th}>
              {t("rule")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {units.map((u, i) => {
            const name = localized(u.name, u.nameEn, locale);
            const computed = u.indicators.reduce((sum, indicator) => sum + indicator.points, 0);
            return (
              <tr key={u.orgId}>
                <td className={num}>{u.rank}</td>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={hrefWith(`/ratings/${u.orgId}`, { period })} className="hover:text-brand hover:underline" aria-label={t("explain", { unit: name })}>
                    {name}
                  </Link>
                </th>
                <td className={`${num} ${part}`}>{formatPoints(computed)}</td>
                <td className={`${num} ${part}`}>{u.deductions.points > 0 ? `−${formatPoints(u.deductions.points)}` : "0"}</td>
                <td className={`${num} ${part}`}>{u.rated.complete ? formatPoints(u.rated.points) : <span className="text-muted">{t("pending")}</span>}</td>
                <td className={`${num} font-semibold`}>{formatPoints(u.total)}</td>
                <td className="px-3 py-2">
                  <GradeBadge grade={u.grade} />
                </td>
                <td className="px-3 py-2 text-muted">{rules[i]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
