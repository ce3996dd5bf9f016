import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { WarningBadge, WarningCounts } from "@/components/checklists/warning-badge";
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
import { listTurnaround, opensTurnaround, TURNAROUND_PAGE_SIZE } from "@/lib/server/grading/turnaround";
import { TURNAROUND_STATUSES, ZTurnaroundQuery } from "@/lib/validation/grading";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("turnaround"))("listTitle") };
}

/**
 * Weak-and-lax turnaround cases (软弱涣散整顿) the reader sees: the open ones
 * red first with their measures closed out, overdue and next due, the
 * colour counts filtering them; or the branches converted, kept on record.
 */
export default async function TurnaroundPage({ searchParams }: Props) {
  const query = ZTurnaroundQuery.parse(await searchParams);
  const actor = await guardPage("page:/branches/turnaround", undefined, "/branches/turnaround");
  const page = query.page ?? 1;
  const [t, format, locale, list] = await Promise.all([getTranslations("turnaround"), getFormatter(), getLocale(), listTurnaround(actor, query)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const colourHref = (warning: string) => hrefWith("/branches/turnaround", { warning });
  const params = { status: query.status, warning: query.warning };
  return (
    <>
      <BranchTabs current="turnaround" />
      <PageHeading title={t("listTitle")} subtitle={t("listSubtitle")} actions={<PrintButton />} />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <nav aria-label={t("statusLabel")}>
          <ul className="flex gap-2">
            {TURNAROUND_STATUSES.map((s) => (
              <li key={s}>
                <FilterChip href={hrefWith("/branches/turnaround", { status: s === "open" ? undefined : s })} label={t(`status.${s}`)} current={list.status === s} />
              </li>
            ))}
          </ul>
        </nav>
        {list.status === "open" ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">{t("colours")}</span>
            <WarningCounts counts={list.counts} hrefs={{ red: colourHref("red"), yellow: colourHref("yellow"), green: colourHref("green") }} context={t("listTitle")} />
            {query.warning ? (
              <Link href="/branches/turnaround" className="text-brand hover:underline">
                {t("allColours")}
              </Link>
            ) : null}
          </div>
        ) : null}
        {list.total > 0 ? (
          <a href={hrefWith("/branches/turnaround/export", params)} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </div>
      <section aria-label={t("listLabel")}>
        {list.rows.length === 0 ? (
          <EmptyState title={list.status === "open" ? t("noneOpen") : t("noneConverted")} hint={opensTurnaround(actor) && list.status === "open" ? t("noneHint") : undefined} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.branch")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.trigger")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.leader")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.measures")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{list.status === "open" ? t("columns.next") : t("columns.convertedOn")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {list.rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-3 py-2 break-words">
                      <Link href={`/branches/turnaround/${row.id}`} className="font-medium text-brand hover:underline">
                        {localized(row.org, row.orgEn, locale)}
                      </Link>
                      <div className="text-xs text-muted">{t("openedOn", { date: day(row.openedAt) })}</div>
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={row.trigger === "LOWEST_GRADE" ? "danger" : "warn"}>{t(`trigger.${row.trigger}`)}</Badge>
                    </td>
                    <td className="px-3 py-2">{row.leader ?? "—"}</td>
                    <td className="px-3 py-2">
                      {t("tally", { closed: row.tally.closed, total: row.tally.total })}
                      {row.tally.overdue > 0 ? <div className="text-xs text-danger">{t("overdue", { count: row.tally.overdue })}</div> : null}
                    </td>
                    <td className="px-3 py-2">
                      {row.convertedOn ? (
                        day(row.convertedOn)
                      ) : row.nextDue ? (
                        <>
                          <div>{day(row.nextDue)}</div>
                          {row.warning ? <WarningBadge colour={row.warning.colour} daysLeft={row.warning.daysLeft} /> : null}
                        </>
                      ) : (
                        <span className="text-muted">{t("awaitingAcceptance")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(list.total / TURNAROUND_PAGE_SIZE))} total={list.total} basePath="/branches/turnaround" params={params} />
      </section>
    </>
  );
}
