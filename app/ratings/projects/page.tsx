import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { WarningBadge, WarningCounts } from "@/components/checklists/warning-badge";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { listProjects, projectOrgsOf, PROJECTS_PAGE_SIZE } from "@/lib/server/projects/projects";
import { ZProjectQuery } from "@/lib/validation/projects";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.project"))("listTitle") };
}

/**
 * Secretary projects (书记项目) of a year: every project the reader sees,
 * red first, with its milestones reached, its latest quarter of progress
 * and the committee's review; the colour counts filter the list. A
 * secretary registers their own organization's projects here.
 */
export default async function ProjectsPage({ searchParams }: Props) {
  const query = ZProjectQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/projects", undefined, "/ratings/projects");
  const year = query.year ?? currentYear();
  const page = query.page ?? 1;
  const [t, format, locale, list, keeps] = await Promise.all([
    getTranslations("ratings.project"),
    getFormatter(),
    getLocale(),
    listProjects(actor, { year, page, warning: query.warning }),
    projectOrgsOf(actor),
  ]);
  const years = [currentYear() + 1, currentYear(), currentYear() - 1, currentYear() - 2].filter((y, i, all) => all.indexOf(y) === i);
  if (!years.includes(year)) years.push(year);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const colourHref = (warning: string) => hrefWith("/ratings/projects", { year: String(year), warning });
  return (
    <>
      <PageHeading
        title={t("listTitle")}
        subtitle={t("listSubtitle", { year })}
        actions={
          <div className="flex flex-wrap gap-2">
            <PrintButton />
            {keeps.length > 0 ? (
              <Link href={hrefWith("/ratings/projects/new", { year: String(year) })} className={`${buttonVariants({})} print:hidden`}>
                {t("register")}
              </Link>
            ) : null}
          </div>
        }
      >
        <nav className="mb-2 text-sm">
          <Link href="/ratings" className="text-brand hover:underline">
            {t("backToRatings")}
          </Link>
        </nav>
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <FilterSelect id="projects-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
        {list.total > 0 ? (
          <a href={hrefWith("/ratings/projects/export", { year: String(year), warning: query.warning })} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">{t("colours")}</span>
          <WarningCounts counts={list.counts} hrefs={{ red: colourHref("red"), yellow: colourHref("yellow"), green: colourHref("green") }} context={t("listTitle")} />
          {query.warning ? (
            <Link href={hrefWith("/ratings/projects", { year: String(year) })} className="text-brand hover:underline">
              {t("allColours")}
            </Link>
          ) : null}
        </div>
      </form>
      <section aria-label={t("listLabel")}>
        {list.rows.length === 0 ? (
          <EmptyState title={t("none")} hint={keeps.length > 0 ? t("noneHintKeeper") : undefined} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.title")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.org")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.milestones")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.progress")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.review")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {list.rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-3 py-2 break-words">
                      <Link href={`/ratings/projects/${row.id}`} className="font-medium text-brand hover:underline">
                        {row.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{localized(row.org, row.orgEn, locale)}</td>
                    <td className="px-3 py-2">
                      <div>{t("milestoneTally", { done: row.milestones.done, total: row.milestones.total })}</div>
                      {row.nextDue && !row.outcome ? <div className="text-xs text-muted">{t("nextDue", { date: day(row.nextDue) })}</div> : null}
                      {row.warning ? <WarningBadge colour={row.warning.colour} daysLeft={row.warning.daysLeft} /> : null}
                    </td>
                    <td className="px-3 py-2">{row.lastQuarter ? t("quarter", { q: row.lastQuarter }) : <span className="text-muted">{t("noProgress")}</span>}</td>
                    <td className="px-3 py-2">{row.outcome ? <Badge>{t(`outcome.${row.outcome}`)}</Badge> : <span className="text-muted">{t("notReviewed")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={page}
          pageCount={Math.max(1, Math.ceil(list.total / PROJECTS_PAGE_SIZE))}
          total={list.total}
          basePath="/ratings/projects"
          params={{ year: String(year), warning: query.warning }}
        />
      </section>
    </>
  );
}
