import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { BranchTabs } from "@/components/grading/branch-tabs";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChip } from "@/components/ui/filter-chip";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { keepsModelSites, listModelSites, MODEL_SITES_PAGE_SIZE } from "@/lib/server/grading/model-sites";
import { MODEL_SITE_STATUSES, ZModelSiteQuery } from "@/lib/validation/grading";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("modelSites"))("listTitle") };
}

/** Model sites (示范点) the reader sees: those holding the title, the ones awaiting this year's review first; or the withdrawn ones, kept on record. */
export default async function ModelSitesPage({ searchParams }: Props) {
  const query = ZModelSiteQuery.parse(await searchParams);
  const actor = await guardPage("page:/branches/models", undefined, "/branches/models");
  const page = query.page ?? 1;
  const [t, format, locale, list] = await Promise.all([getTranslations("modelSites"), getFormatter(), getLocale(), listModelSites(actor, query)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <BranchTabs current="models" />
      <PageHeading title={t("listTitle")} subtitle={t("listSubtitle")} actions={<PrintButton />} />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <nav aria-label={t("statusLabel")}>
          <ul className="flex gap-2">
            {MODEL_SITE_STATUSES.map((s) => (
              <li key={s}>
                <FilterChip href={hrefWith("/branches/models", { status: s === "active" ? undefined : s })} label={t(`status.${s}`)} current={list.status === s} />
              </li>
            ))}
          </ul>
        </nav>
        {list.status === "active" && list.due > 0 ? <span className="text-sm text-warn">{t("dueCount", { count: list.due, year: list.year })}</span> : null}
        {list.total > 0 ? (
          <a href={hrefWith("/branches/models/export", { status: query.status })} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </div>
      <section aria-label={t("listLabel")}>
        {list.rows.length === 0 ? (
          <EmptyState title={list.status === "active" ? t("noneActive") : t("noneWithdrawn")} hint={keepsModelSites(actor) && list.status === "active" ? t("noneHint") : undefined} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[40rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.site")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.branch")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.plaqueOn")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.review")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {list.rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-3 py-2 break-words">
                      <Link href={`/branches/models/${row.id}`} className="font-medium text-brand hover:underline">
                        {row.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{localized(row.org.name, row.org.nameEn, locale)}</td>
                    <td className="px-3 py-2">{day(row.plaqueOn)}</td>
                    <td className="px-3 py-2">
                      {row.withdrawnOn ? (
                        <Badge tone="danger">{t("withdrawnOn", { date: day(row.withdrawnOn) })}</Badge>
                      ) : row.reviewDue ? (
                        <Badge tone="warn">{t("reviewDue", { year: list.year })}</Badge>
                      ) : (
                        <Badge tone="ok">{t("reviewedAs", { year: row.reviews[0]!.year, outcome: t(`outcome.${row.reviews[0]!.outcome}`) })}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(list.total / MODEL_SITES_PAGE_SIZE))} total={list.total} basePath="/branches/models" params={{ status: query.status }} />
      </section>
    </>
  );
}
