import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { TalkStatus } from "@/components/ratings/talk-status";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { managesRatings } from "@/lib/server/ratings/schemes";
import { countAdmonitoryTalks, listAdmonitoryTalks, TALKS_PAGE_SIZE } from "@/lib/server/ratings/talks";
import { ZTalkQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.talk"))("listTitle") };
}

const ORG_TYPE_ORDER: readonly OrgType[] = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"];

/**
 * The admonitory talks ledger (约谈台账): a year's talks, newest first, with
 * their commitments' rectification and the follow-up, and the count of
 * talks per year and level. The committee records talks here; a unit's
 * readers see the talks with their own organization.
 */
export default async function TalksPage({ searchParams }: Props) {
  const query = ZTalkQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/talks", undefined, "/ratings/talks");
  const year = query.year ?? currentYear();
  const page = query.page ?? 1;
  const [t, to, format, locale, counts, talks] = await Promise.all([
    getTranslations("ratings.talk"),
    getTranslations("orgType"),
    getFormatter(),
    getLocale(),
    countAdmonitoryTalks(actor),
    listAdmonitoryTalks(actor, { year, page }),
  ]);
  const committee = managesRatings(actor);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const years = [...new Set([currentYear(), year, ...counts.map((c) => c.year)])].sort((a, b) => b - a);
  const types = ORG_TYPE_ORDER.filter((type) => counts.some((c) => c.orgType === type));
  const countYears = [...new Set(counts.map((c) => c.year))].sort((a, b) => b - a);
  const countOf = (y: number, type: OrgType) => counts.find((c) => c.year === y && c.orgType === type)?.talks ?? 0;
  return (
    <>
      <PageHeading
        title={t("listTitle")}
        subtitle={t(committee ? "listSubtitle" : "listSubtitleUnit", { year })}
        actions={
          committee ? (
            <Link href="/ratings/talks/new" className={buttonVariants({})}>
              {t("record")}
            </Link>
          ) : undefined
        }
      >
        <nav className="mb-2 text-sm">
          <Link href="/ratings" className="text-brand hover:underline">
            {t("backToRatings")}
          </Link>
        </nav>
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect id="talks-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <section aria-label={t("listLabel")} className="min-w-0">
          {talks.rows.length === 0 ? (
            <EmptyState title={t("none")} />
          ) : (
            <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
              <table className="w-full min-w-[44rem] text-sm">
                <thead className="bg-surface text-left text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.talkedOn")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.org")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.trigger")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.talkedWith")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.commitments")}</th>
                    <th scope="col" className="px-3 py-2 font-medium">{t("columns.followUp")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {talks.rows.map((row) => (
                    <tr key={row.id} className="align-top">
                      <td className="px-3 py-2 whitespace-nowrap">
                        <Link href={`/ratings/talks/${row.id}`} className="font-medium text-brand hover:underline">
                          {day(row.talkedOn)}
                        </Link>
                      </td>
                      <td className="px-3 py-2">{localized(row.org, row.orgEn, locale)}</td>
                      <td className="px-3 py-2">
                        {t(`trigger.${row.trigger}`)}
                        <div className="text-xs break-words text-muted">{row.triggerNote}</div>
                      </td>
                      <td className="px-3 py-2 break-words">{row.talkedWith}</td>
                      <td className="px-3 py-2">
                        {row.tally.total === 0 ? (
                          <span className="text-muted">{t("noCommitments")}</span>
                        ) : (
                          <>
                            {t("tally", { closed: row.tally.closed, total: row.tally.total })}
                            {row.tally.overdue > 0 ? <div className="text-xs text-danger">{t("overdue", { count: row.tally.overdue })}</div> : null}
                          </>
                        )}
                      </td>
                      <td className="px-3 py-2">
                        <TalkStatus row={row} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(talks.total / TALKS_PAGE_SIZE))} total={talks.total} basePath="/ratings/talks" params={{ year: String(year) }} />
        </section>
        <Card className="min-w-0 self-start">
          <h2 className="mb-2 text-base font-semibold">{t("countsHeading")}</h2>
          {countYears.length === 0 ? (
            <p className="text-sm text-muted">{t("countsNone")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-muted">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">{t("year")}</th>
                    {types.map((type) => (
                      <th key={type} scope="col" className="py-1 pr-2 text-right font-medium">
                        {to(type)}
                      </th>
                    ))}
                    <th scope="col" className="py-1 text-right font-medium">{t("countsTotal")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {countYears.map((y) => (
                    <tr key={y}>
                      <th scope="row" className="py-1 pr-2 text-left font-medium">
                        {y}
                      </th>
                      {types.map((type) => (
                        <td key={type} className="py-1 pr-2 text-right tabular-nums">
                          {countOf(y, type)}
                        </td>
                      ))}
                      <td className="py-1 text-right font-medium tabular-nums">{types.reduce((n, type) => n + countOf(y, type), 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
