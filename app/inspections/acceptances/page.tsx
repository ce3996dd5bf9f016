import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { listAcceptanceQueue } from "@/lib/server/inspections/acceptance-queue";
import { localized } from "@/lib/org-label";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.acceptanceQueue"))("title") };
}

/** The findings submitted for close-out that wait for the reader's acceptance, as the group, the committee or the unit. */
export default async function AcceptanceQueuePage({ searchParams }: Props) {
  const actor = await guardPage("page:/inspections/acceptances", undefined, "/inspections/acceptances");
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(100_000, Number(typeof raw === "string" ? raw : 1) || 1));
  const [queue, t, ti, tr, format, locale] = await Promise.all([
    listAcceptanceQueue(actor, page),
    getTranslations("inspections.acceptanceQueue"),
    getTranslations("inspections"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle")}>
        <nav aria-label={ti("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/inspections" className="hover:text-brand hover:underline">
            {ti("title")}
          </Link>
        </nav>
      </PageHeading>
      {queue.rows.length === 0 ? (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", { count: queue.total })}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{ti("col.finding")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{ti("col.org")}</th>
                <th scope="col" className="hidden px-4 py-2 font-medium whitespace-nowrap sm:table-cell">{t("submittedAt")}</th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">{t("as")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((row) => (
                <tr key={row.id} className="border-t border-line align-top" data-testid="acceptance-row">
                  <td className="px-4 py-3">
                    <Link href={`/findings/${row.id}`} className="font-medium text-ink hover:text-brand hover:underline">
                      {row.description}
                    </Link>
                    <span className="block text-xs text-muted">{row.roundTitle}</span>
                    {/* On a phone, when and as whom sit under the finding. */}
                    <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-muted sm:hidden">
                      {day(row.submittedAt)}
                      {row.parties.map((p) => (
                        <Badge key={p} tone="warn">
                          {tr(`acceptanceParty.${p}`)}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="px-4 py-3">{localized(row.orgName, row.orgNameEn, locale)}</td>
                  <td className="hidden px-4 py-3 whitespace-nowrap sm:table-cell">{day(row.submittedAt)}</td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    <span className="flex flex-wrap gap-1">
                      {row.parties.map((p) => (
                        <Badge key={p} tone="warn">
                          {tr(`acceptanceParty.${p}`)}
                        </Badge>
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.total > 0 ? (
        <Pagination page={queue.page} pageCount={queue.pageCount} total={queue.total} basePath="/inspections/acceptances" params={{}} />
      ) : null}
    </>
  );
}
