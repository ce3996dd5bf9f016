import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { BranchTabs } from "@/components/grading/branch-tabs";
import { GradeMoveBadge } from "@/components/grading/grade-move-badge";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import { GRADE_MOVES, gradeName } from "@/lib/grading/scheme";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { confirmsGrades, GRADING_PAGE_SIZE, listGrades } from "@/lib/server/grading/grading";
import { GRADE_STATUSES, ZGradingQuery } from "@/lib/validation/grading";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grading"))("listTitle") };
}

/**
 * Branch grading (分类定级) of a year over the reader's subtrees, or one
 * unit's: how many branches hold each grade this year and held it last
 * year, how many moved up, stayed or slipped back, and every branch with
 * its grades, waiting proposals first. The grade, move and status filter
 * the rows; the distribution stays the subtree's.
 */
export default async function GradingPage({ searchParams }: Props) {
  const query = ZGradingQuery.parse(await searchParams);
  const actor = await guardPage("page:/branches/grading", undefined, "/branches/grading");
  const year = query.year ?? currentYear();
  const page = query.page ?? 1;
  const [t, locale, list] = await Promise.all([getTranslations("grading"), getLocale(), notFoundUnless(listGrades(actor, { ...query, year }))]);
  const { rows, total, distribution, config, lastConfig, root } = list;
  const years = [currentYear(), currentYear() - 1, currentYear() - 2].filter((y, i, all) => all.indexOf(y) === i);
  if (!years.includes(year)) years.push(year);
  const params = { year: String(year), root: root?.id, rank: query.rank ? String(query.rank) : undefined, move: query.move, status: query.status };
  const filtered = Boolean(query.rank || query.move || query.status);
  const grades = config.grades.map((_, i) => ({ value: String(i + 1), label: gradeName(config, i + 1, locale) }));
  const filterHref = (more: Record<string, string>) => hrefWith("/branches/grading", { year: String(year), root: root?.id, ...more });
  return (
    <>
      <BranchTabs current="grading" />
      <PageHeading
        title={t("listTitle")}
        subtitle={root ? t("listSubtitleRoot", { year, root: localized(root.name, root.nameEn, locale) }) : t("listSubtitle", { year })}
        actions={
          <div className="flex flex-wrap gap-2">
            <PrintButton />
            {confirmsGrades(actor) ? (
              <Link href={hrefWith("/branches/grading/scheme", { year: String(year) })} className={`${buttonVariants({ variant: "secondary" })} print:hidden`}>
                {t("schemeLink")}
              </Link>
            ) : null}
          </div>
        }
      >
        {root ? (
          <nav className="mb-2 text-sm print:hidden">
            <Link href={hrefWith("/branches/grading", { year: String(year) })} className="text-brand hover:underline">
              {t("allUnits")}
            </Link>
          </nav>
        ) : null}
      </PageHeading>

      <section aria-labelledby="grading-distribution" className="mb-4 rounded-lg border border-line bg-white p-4">
        <h2 id="grading-distribution" className="mb-2 font-medium">
          {t("distribution")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full max-w-xl text-sm">
            <thead className="text-left text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t("columns.grade")}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t("thisYear", { year })}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t("lastYear", { year: year - 1 })}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {distribution.thisYear.map((n, i) => (
                <tr key={i}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <Link href={filterHref({ rank: String(i + 1) })} className="text-brand hover:underline">
                      {gradeName(config, i + 1, locale)}
                    </Link>
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{n}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{distribution.lastYear[i] ?? "—"}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  <Link href={filterHref({ status: "proposed" })} className="text-brand hover:underline">
                    {t("status.proposed")}
                  </Link>
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{distribution.proposed}</td>
                <td />
              </tr>
              <tr>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  <Link href={filterHref({ status: "ungraded" })} className="text-brand hover:underline">
                    {t("status.ungraded")}
                  </Link>
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{distribution.ungraded}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("movesLabel")}>
          {GRADE_MOVES.map((m) => (
            <Link key={m} href={filterHref({ move: m })} className="hover:underline" data-testid={`moves-${m}`}>
              {t(`move.${m}`)} <span className="font-medium tabular-nums">{distribution.moves[m]}</span>
            </Link>
          ))}
        </p>
      </section>

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        {root ? <input type="hidden" name="root" value={root.id} /> : null}
        <FilterSelect id="grading-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect id="grading-rank" name="rank" label={t("columns.grade")} defaultValue={query.rank ? String(query.rank) : ""} options={[{ value: "", label: t("any") }, ...grades]} />
        <FilterSelect id="grading-move" name="move" label={t("columns.move")} defaultValue={query.move ?? ""} options={[{ value: "", label: t("any") }, ...GRADE_MOVES.map((m) => ({ value: m, label: t(`move.${m}`) }))]} />
        <FilterSelect id="grading-status" name="status" label={t("columns.status")} defaultValue={query.status ?? ""} options={[{ value: "", label: t("any") }, ...GRADE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
        {filtered ? (
          <Link href={hrefWith("/branches/grading", { year: String(year), root: root?.id })} className="text-sm text-brand hover:underline">
            {t("clearFilters")}
          </Link>
        ) : null}
        {total > 0 ? (
          <a href={hrefWith("/branches/grading/export", params)} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </form>

      <section aria-label={t("listLabel")}>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? t("noneFiltered") : t("none")} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.branch")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.unit")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("lastYear", { year: year - 1 })}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.grade")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.move")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((row) => (
                  <tr key={row.orgId} className="align-top">
                    <td className="px-3 py-2 break-words">
                      <Link href={hrefWith(`/branches/grading/${row.orgId}`, { year: String(year) })} className="font-medium text-brand hover:underline">
                        {localized(row.name, row.nameEn, locale)}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={hrefWith("/branches/grading", { year: String(year), root: row.unitId })} className="hover:text-brand hover:underline" aria-label={t("narrowTo", { unit: localized(row.unit, row.unitEn, locale) })}>
                        {localized(row.unit, row.unitEn, locale)}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{row.previousRank ? gradeName(lastConfig, row.previousRank, locale) : <span className="text-muted">—</span>}</td>
                    <td className="px-3 py-2">
                      {row.rank ? (
                        <Badge tone={row.rank === config.grades.length ? "danger" : row.rank === 1 ? "ok" : "neutral"}>{gradeName(config, row.rank, locale)}</Badge>
                      ) : row.proposedRank ? (
                        <span>
                          {gradeName(config, row.proposedRank, locale)} <span className="text-xs text-warn">{t("status.proposed")}</span>
                        </span>
                      ) : (
                        <span className="text-muted">{t("status.ungraded")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{row.move ? <GradeMoveBadge move={row.move} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / GRADING_PAGE_SIZE))} total={total} basePath="/branches/grading" params={params} />
      </section>
    </>
  );
}
