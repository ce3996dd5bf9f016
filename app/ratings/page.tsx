import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { AwardBarList } from "@/components/ratings/award-bars";
import { PublishButton } from "@/components/ratings/rating-entry";
import { GradeBadge, SchemeSummary, formatPoints, ruleText } from "@/components/ratings/rating-parts";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { ratesSelf } from "@/lib/server/ratings/entries";
import { laggingReasons, rankTrend, type LaggingReason } from "@/lib/ratings/lagging";
import { listAwardBars } from "@/lib/server/ratings/award-bars";
import { accountabilityNotices, ratingHistory, type PastResult } from "@/lib/server/ratings/history";
import { previewRatings, publishedRatings, type RatedUnit } from "@/lib/server/ratings/preview";
import { listRatedYears, managesRatings, pickRatedYear } from "@/lib/server/ratings/schemes";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings"))("title") };
}

/**
 * The year's rating. For the working committee: the scheme it rates by,
 * and every unit's score as it stands today (or as published), ranked by
 * type, each unit opening onto the explanation of its points and the
 * ratings entered for it; and the step that publishes the results. For a
 * unit's readers: the published results within their reach, and the
 * self-rating their unit still owes.
 */
export default async function RatingsPage({ searchParams }: Props) {
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings", undefined, "/ratings");
  const t = await getTranslations("ratings");
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
  const committee = managesRatings(actor);
  const [preview, tt, locale, format] = await Promise.all([
    committee ? previewRatings(actor, year.id) : publishedRatings(actor, year.id),
    getTranslations("orgType"),
    getLocale(),
    getFormatter(),
  ]);
  const types = [...new Set(preview.units.map((u) => u.orgType))];
  const shownPeriod = query.period === year.id ? year.id : undefined;
  const { publishedAt } = preview.scheme;
  const yearForm = (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <FilterSelect id="ratings-year" name="period" label={t("year")} defaultValue={year.id} options={years.map((y) => ({ value: y.id, label: String(y.year) }))} />
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
      {preview.units.length > 0 ? (
        <a href={hrefWith("/ratings/export", { period: shownPeriod })} download className={buttonVariants({ variant: "secondary" })}>
          {t("export.action")}
        </a>
      ) : null}
      <Link href={hrefWith("/ratings/circulars", { period: shownPeriod })} className={buttonVariants({ variant: "secondary" })}>
        {t("circular.link")}
      </Link>
      <Link href={hrefWith("/ratings/meetings", { period: shownPeriod })} className={buttonVariants({ variant: "secondary" })}>
        {t("meeting.link")}
      </Link>
      <Link href="/ratings/talks" className={buttonVariants({ variant: "secondary" })}>
        {t("talk.ledgerLink")}
      </Link>
      <Link href={hrefWith("/ratings/projects", { year: String(year.year) })} className={buttonVariants({ variant: "secondary" })}>
        {t("project.link")}
      </Link>
    </form>
  );
  const ids = preview.units.map((u) => u.orgId);
  const [history, notices, bars] = await Promise.all([
    ratingHistory(ids, year.year),
    committee ? accountabilityNotices(ids, year.year) : null,
    committee ? listAwardBars(actor, year.id) : null,
  ]);
  const tables = types.map((type) => {
    const units = preview.units.filter((u) => u.orgType === type);
    return (
      <RatedUnitsTable
        key={type}
        caption={t("preview.count", { type: tt(type), count: units.length })}
        units={units}
        history={history}
        period={shownPeriod}
        locale={locale}
        published={publishedAt !== null}
      />
    );
  });

  if (!committee) {
    // A unit's readers: the published results within their reach, and where their own self-rating is wanted.
    const selfRated = publishedAt ? [] : actor.grants.filter((g) => ratesSelf(actor, g.orgId) && (preview.scheme.config.ratedTypes as readonly string[]).includes(g.orgType));
    return (
      <>
        <PageHeading title={t("title")} subtitle={t("unit.listSubtitle", { year: year.year })} />
        {yearForm}
        {publishedAt ? (
          <Card aria-labelledby="ratings-results-heading" className="min-w-0">
            <h2 id="ratings-results-heading" className="mb-1 text-base font-semibold">
              {t("unit.results")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("unit.published", { date: format.dateTime(publishedAt, { dateStyle: "long" }) })}</p>
            {preview.units.length === 0 ? <EmptyState title={t("unit.noResults")} /> : tables}
          </Card>
        ) : (
          <EmptyState title={t("unit.notPublished")} />
        )}
        {selfRated.length > 0 ? (
          <Card aria-labelledby="ratings-self-heading" className="mt-4 min-w-0">
            <h2 id="ratings-self-heading" className="mb-2 text-base font-semibold">
              {t("unit.owed")}
            </h2>
            <ul className="space-y-1 text-sm">
              {selfRated.flatMap((g) => [
                <li key={`${g.orgId}-self`}>
                  <Link href={hrefWith(`/ratings/${g.orgId}`, { period: shownPeriod })} className="text-brand hover:underline">
                    {t("unit.selfLink", { unit: localized(g.orgName, g.orgNameEn, locale) })}
                  </Link>
                </li>,
                <li key={`${g.orgId}-report`}>
                  <Link href={hrefWith(`/ratings/${g.orgId}/report`, { period: shownPeriod })} className="text-brand hover:underline">
                    {t("unit.reportLink", { unit: localized(g.orgName, g.orgNameEn, locale) })}
                  </Link>
                </li>,
              ])}
            </ul>
          </Card>
        ) : null}
      </>
    );
  }

  const pending = preview.units.filter((u) => !u.rated.complete).length;
  return (
    <>
      <PageHeading title={t("title")} subtitle={t(publishedAt ? "publishedSubtitle" : "subtitle", { year: year.year })} />
      {yearForm}
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card aria-labelledby="ratings-preview-heading" className="min-w-0">
          <h2 id="ratings-preview-heading" className="mb-1 text-base font-semibold">
            {publishedAt ? t("unit.results") : t("preview.heading")}
          </h2>
          {publishedAt ? (
            <p className="mb-3 text-sm text-muted">{t("publish.done", { date: format.dateTime(publishedAt, { dateStyle: "long" }), who: preview.scheme.publishedBy ?? "—" })}</p>
          ) : (
            <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
              <p className="max-w-prose text-sm text-muted">{t("preview.note")}</p>
              {preview.units.length > 0 ? (
                <PublishButton periodId={year.id} year={year.year} pending={pending} />
              ) : null}
            </div>
          )}
          {preview.units.length === 0 ? (
            <EmptyState title={t("preview.empty")} />
          ) : (
            tables
          )}
        </Card>
        {preview.units.length > 0 ? (
          <LaggingUnits
            units={preview.units.map((u) => ({ unit: u, reasons: laggingReasons(u, preview.scheme.config.laggingLast, notices?.get(u.orgId) ?? 0) })).filter((l) => l.reasons.length > 0)}
            period={shownPeriod}
            locale={locale}
          />
        ) : null}
        <Card aria-labelledby="award-bars-heading" className="min-w-0 2xl:col-start-1">
          <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="award-bars-heading" className="text-base font-semibold">
              {t("bars.listHeading")}
            </h2>
            {bars && bars.length > 0 ? (
              <a href={hrefWith("/ratings/bars/export", { period: shownPeriod })} download className="text-sm text-brand hover:underline">
                {t("bars.export")}
              </a>
            ) : null}
          </div>
          <p className="mb-3 text-sm text-muted">{t("bars.listNote")}</p>
          <AwardBarList bars={bars ?? []} period={shownPeriod ?? ""} />
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

/** The units lagging this year (后进单位), each with every reason it counts: the committee talks with their secretaries first. */
async function LaggingUnits({ units, period, locale }: { units: { unit: RatedUnit; reasons: LaggingReason[] }[]; period: string | undefined; locale: string }) {
  const [t, format] = await Promise.all([getTranslations("ratings"), getFormatter()]);
  const reasonText = (r: LaggingReason) =>
    r.kind === "grade" ? t("lagging.grade", { grade: t(`grade.${r.grade}`) }) : r.kind === "rank" ? t("lagging.rank", { rank: r.rank, of: r.of, last: r.last }) : t("lagging.accountability", { notices: r.notices });
  return (
    <Card aria-labelledby="lagging-heading" className="min-w-0 2xl:col-start-1">
      <h2 id="lagging-heading" className="mb-1 text-base font-semibold">
        {t("lagging.heading")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("lagging.note")}</p>
      {units.length === 0 ? (
        <p className="text-sm">{t("lagging.none")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line text-sm">
          {units.map(({ unit, reasons }) => {
            const name = localized(unit.name, unit.nameEn, locale);
            return (
              <li key={unit.orgId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2">
                <Link href={hrefWith(`/ratings/${unit.orgId}`, { period })} className="font-medium hover:text-brand hover:underline">
                  {name}
                </Link>
                <span className="flex flex-wrap items-baseline gap-x-3 text-muted">
                  {format.list(reasons.map(reasonText))}
                  <Link
                    href={hrefWith("/ratings/talks/new", { org: unit.orgId, trigger: "GRADE", note: format.list(reasons.map(reasonText)) })}
                    aria-label={t("talk.talkLinkLabel", { unit: name })}
                    className="text-brand hover:underline"
                  >
                    {t("talk.talkLink")}
                  </Link>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

async function RatedUnitsTable({
  caption,
  units,
  history,
  period,
  locale,
  published,
}: {
  caption: string;
  units: RatedUnit[];
  history: Map<string, PastResult[]>;
  period: string | undefined;
  locale: string;
  published: boolean;
}) {
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
            <th scope="col" className={`${th} ${part}`}>
              {t("lastYear")}
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
                <td className={`${num} ${part}`}>{u.rated.complete ? formatPoints(u.rated.points) : <span className="text-muted">{t(published ? "missing" : "pending")}</span>}</td>
                <td className={`${num} font-semibold`}>{formatPoints(u.total)}</td>
                <td className="px-3 py-2">
                  <GradeBadge grade={u.grade} />
                </td>
                <td className="px-3 py-2 text-muted">{rules[i]}</td>
                <td className={`px-3 py-2 whitespace-nowrap ${part}`}>
                  <PastPlace rank={u.rank} past={history.get(u.orgId)?.[0] ?? null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Last year's grade and place, and which way the unit moved since: ↑ up, ↓ down, → the same. */
async function PastPlace({ rank, past }: { rank: number; past: PastResult | null }) {
  const t = await getTranslations("ratings");
  if (!past) return <span className="text-muted">{t("trend.none")}</span>;
  const trend = rankTrend(rank, past.rank);
  const arrow = { up: "↑", down: "↓", same: "→" }[trend!];
  const tone = { up: "text-ok", down: "text-danger", same: "text-muted" }[trend!];
  return (
    <span title={t("trend.title", { year: past.year, total: past.total })}>
      {t("trend.place", { grade: t(`grade.${past.grade}`), rank: past.rank })}{" "}
      <span className={tone} aria-hidden>
        {arrow}
      </span>
      <span className="sr-only">{t(`trend.${trend!}`)}</span>
    </span>
  );
}
