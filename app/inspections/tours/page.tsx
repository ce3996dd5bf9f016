import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { entersTourFeedback, listTourFeedback, TOURS_PAGE_SIZE } from "@/lib/server/inspections/tours";
import { ZTourQuery } from "@/lib/validation/inspections";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.tour"))("listTitle") };
}

/** Number of years back the year filter offers. */
const YEARS_BACK = 5;

/**
 * The top-down inspection feedback ledger (巡视巡察反馈台账): a year's
 * feedback to the units the reader sees, newest first, with how far each
 * problem list is rectified. The committee enters feedback here; a unit's
 * secretaries and staff see the feedback to their own organization.
 */
export default async function ToursPage({ searchParams }: Props) {
  const query = ZTourQuery.parse(await searchParams);
  const actor = await guardPage("page:/inspections/tours", undefined, "/inspections/tours");
  const year = query.year ?? currentYear();
  const page = query.page ?? 1;
  const [t, format, locale, tours] = await Promise.all([getTranslations("inspections.tour"), getFormatter(), getLocale(), listTourFeedback(actor, { year, page })]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const years = [...new Set([year, ...Array.from({ length: YEARS_BACK }, (_, i) => currentYear() - i)])].sort((a, b) => b - a);
  return (
    <>
      <PageHeading
        title={t("listTitle")}
        subtitle={t("listSubtitle", { year })}
        actions={
          <div className="flex flex-wrap gap-2">
            <PrintButton />
            {entersTourFeedback(actor) ? (
              <span className="contents print:hidden">
                <Link href="/inspections/tours/import" className={buttonVariants({ variant: "secondary" })}>
                  {t("import.link")}
                </Link>
                <Link href="/inspections/tours/new" className={buttonVariants({})}>
                  {t("record")}
                </Link>
              </span>
            ) : null}
          </div>
        }
      >
        <nav className="mb-2 text-sm">
          <Link href="/inspections" className="text-brand hover:underline">
            {t("backToInspections")}
          </Link>
        </nav>
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <FilterSelect id="tours-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
        {tours.total > 0 ? (
          <a href={`/inspections/tours/export?year=${year}`} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </form>
      <section aria-label={t("listLabel")}>
        {tours.rows.length === 0 ? (
          <EmptyState title={t("none")} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.receivedOn")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.org")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.tour")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.documentNo")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.problems")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {tours.rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Link href={`/inspections/tours/${row.id}`} className="font-medium text-brand hover:underline">
                        {day(row.receivedOn)}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{localized(row.org, row.orgEn, locale)}</td>
                    <td className="px-3 py-2 break-words">
                      {row.tourName}
                      <div className="text-xs text-muted">{t(`kind.${row.kind}`)}</div>
                    </td>
                    <td className="px-3 py-2 break-words">{row.documentNo || "—"}</td>
                    <td className="px-3 py-2">
                      {t("tally", { closed: row.tally.closed, total: row.tally.total })}
                      {row.tally.overdue > 0 ? <div className="text-xs text-danger">{t("overdue", { count: row.tally.overdue })}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(tours.total / TOURS_PAGE_SIZE))} total={tours.total} basePath="/inspections/tours" params={{ year: String(year) }} />
      </section>
    </>
  );
}
