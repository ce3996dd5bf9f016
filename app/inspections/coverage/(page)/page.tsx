import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { coverage, COVERAGE_PAGE_SIZE } from "@/lib/server/inspections/groups";
import { ZCoverageQuery } from "@/lib/validation/inspections";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.coverage"))("title") };
}

/**
 * Coverage (督查全覆盖) over a year or a quarter: for a standing group (or
 * the whole committee), the units and the branches below them visited by
 * any round and those not, not visited first, each with the days since its
 * last visit (the draw's "longest uninspected" figure).
 */
export default async function CoveragePage({ searchParams }: Props) {
  const query = ZCoverageQuery.parse(await searchParams);
  const actor = await guardPage("page:/inspections/coverage", undefined, "/inspections/coverage");
  const [t, tt, format, locale, result] = await Promise.all([
    getTranslations("inspections.coverage"),
    getTranslations("orgType"),
    getFormatter(),
    getLocale(),
    notFoundUnless(coverage(actor, query)),
  ]);
  const { group, year, quarter, rows, total, tally, groups } = result;
  const page = query.page ?? 1;
  const params = { group: group?.id, year: String(year), quarter: quarter ? String(quarter) : undefined, visited: query.visited };
  const years = [currentYear(), currentYear() - 1, currentYear() - 2];
  if (!years.includes(year)) years.push(year);
  const period = quarter ? t("quarterOf", { year, quarter }) : t("yearOf", { year });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeading title={group ? t("groupTitle", { name: group.name }) : t("title")} subtitle={t("subtitle", { period })} actions={<PrintButton />}>
        <nav className="mb-2 text-sm print:hidden">
          <Link href={group ? `/inspections/groups/${group.id}` : "/inspections/groups"} className="text-brand hover:underline">
            {group ? t("backToGroup") : t("backToGroups")}
          </Link>
        </nav>
      </PageHeading>

      <section aria-labelledby="coverage-summary" className="mb-4 rounded-lg border border-line bg-white p-4">
        <h2 id="coverage-summary" className="mb-2 font-medium">
          {t("summary")}
        </h2>
        <p className="text-sm" data-testid="coverage-tally">
          {t("tally", { unitsVisited: tally.units.visited, units: tally.units.total, branchesVisited: tally.branches.visited, branches: tally.branches.total })}
        </p>
        {groups.length > 0 ? (
          <table className="mt-3 w-full max-w-xl text-sm">
            <thead className="text-left text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t("columns.group")}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t("columns.unitsVisited")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {groups.map((g) => (
                <tr key={g.id ?? "none"}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {g.id ? (
                      <Link href={hrefWith("/inspections/coverage", { ...params, group: g.id, page: undefined })} className="text-brand hover:underline">
                        {g.name}
                      </Link>
                    ) : (
                      <span className="text-warn">{t("noGroup")}</span>
                    )}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{t("ofTotal", { visited: Number(g.visited), total: Number(g.total) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        {group ? <input type="hidden" name="group" value={group.id} /> : null}
        <FilterSelect id="coverage-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect
          id="coverage-quarter"
          name="quarter"
          label={t("quarter")}
          defaultValue={String(quarter)}
          options={[{ value: "0", label: t("wholeYear") }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: t("quarterN", { quarter: q }) }))]}
        />
        <FilterSelect
          id="coverage-visited"
          name="visited"
          label={t("visitedFilter")}
          defaultValue={query.visited ?? ""}
          options={[
            { value: "", label: t("any") },
            { value: "no", label: t("notVisited") },
            { value: "yes", label: t("visited") },
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
        {total > 0 ? (
          <a href={hrefWith("/inspections/coverage/export", params)} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </form>

      <section aria-label={t("listLabel")}>
        {rows.length === 0 ? (
          <EmptyState title={group && group.units.length === 0 ? t("noUnits") : t("none")} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[40rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.org")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.unit")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.visited", { period })}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.lastVisit")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((r) => (
                  <tr key={r.orgId}>
                    <td className="px-3 py-2">
                      <Link href={`/orgs/${r.orgId}`} className="hover:text-brand hover:underline">
                        {localized(r.name, r.nameEn, locale)}
                      </Link>
                      <div className="text-xs text-muted">{tt(r.type)}</div>
                    </td>
                    <td className="px-3 py-2">{localized(r.unit, r.unitEn, locale)}</td>
                    <td className="px-3 py-2">{r.visited ? <Badge tone="ok">{t("visited")}</Badge> : <Badge tone="danger">{t("notVisited")}</Badge>}</td>
                    <td className="px-3 py-2">
                      {r.lastVisit ? (
                        <>
                          {day(r.lastVisit)} <span className="text-xs text-muted">{t("daysSince", { days: r.daysSince ?? 0 })}</span>
                        </>
                      ) : (
                        <span className="text-muted">{t("never")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / COVERAGE_PAGE_SIZE))} total={total} basePath="/inspections/coverage" params={params} />
      </section>
    </>
  );
}
