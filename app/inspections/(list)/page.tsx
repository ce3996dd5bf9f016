import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { FindingStateBadge, SeverityBadge, TypeBadge } from "@/components/inspections/badges";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { hasAnyRole } from "@/lib/server/access/scope";
import { listMyUnitReports, listRounds } from "@/lib/server/inspections/queries";
import { COMMITTEE_ROLES, RECTIFIERS, ROUND_CREATORS } from "@/lib/server/inspections/scope";
import { localized } from "@/lib/org-label";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("title") };
}

/**
 * Inspections: for a unit, the issued reports about it with what it owes and
 * by when; for the group and the committee, the rounds they run.
 */
export default async function InspectionsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/inspections", undefined, "/inspections");
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(100_000, Number(typeof raw === "string" ? raw : 1) || 1));
  const isUnit = hasAnyRole(actor, RECTIFIERS);
  const [rounds, mine, t, format, locale] = await Promise.all([
    listRounds(actor, page),
    isUnit ? listMyUnitReports(actor) : Promise.resolve([]),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const canCreate = hasAnyRole(actor, ROUND_CREATORS);
  const canAnalyse = hasAnyRole(actor, [...COMMITTEE_ROLES, "INSPECTOR"]);
  return (
    <>
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/rectification" className={buttonVariants({ variant: "secondary" })}>
              {t("ledgerLink")}
            </Link>
            {canAnalyse ? (
              <Link href="/inspections/analysis" className={buttonVariants({ variant: "secondary" })}>
                {t("analysisLink")}
              </Link>
            ) : null}
            {hasAnyRole(actor, ["ADMIN"]) ? (
              <Link href="/inspections/categories" className={buttonVariants({ variant: "secondary" })}>
                {t("categoriesLink")}
              </Link>
            ) : null}
            {canCreate ? (
              <Link href="/inspections/new" className={buttonVariants()}>
                {t("newRound")}
              </Link>
            ) : null}
          </div>
        }
      />

      {isUnit ? (
        <section aria-labelledby="my-reports" className="mb-8 space-y-3">
          <h2 id="my-reports" className="text-lg font-semibold">
            {t("myReports")}
          </h2>
          {mine.length === 0 ? (
            <EmptyState title={t("myReportsEmpty")} hint={t("myReportsEmptyHint")} />
          ) : (
            mine.map((report) => (
              <Card key={report.id} className="space-y-3" data-testid="my-report">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">
                    <Link href={`/inspections/reports/${report.id}`} className="hover:text-brand hover:underline">
                      {t("reportTitle", { org: localized(report.org.name, report.org.nameEn, locale), round: report.round.title })}
                    </Link>
                  </h3>
                  <span className="text-sm text-muted">
                    <TypeBadge type={report.round.type} /> {report.issuedAt ? t("issuedOn", { date: day(report.issuedAt) }) : null}
                  </span>
                </div>
                {report.findings.length === 0 ? (
                  <p className="text-sm text-muted">{t("noFindings")}</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full min-w-[40rem] text-sm">
                      <thead className="text-left text-muted">
                        <tr>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("col.seq")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("col.finding")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("col.category")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("col.deadline")}</th>
                          <th scope="col" className="py-1 font-medium">{t("col.state")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {report.findings.map((f) => (
                          <tr key={f.id} className="border-t border-line align-top">
                            <td className="py-2 pr-3 tabular-nums">{f.seq}</td>
                            <td className="py-2 pr-3">
                              <Link href={`/findings/${f.id}`} className="text-brand hover:underline">
                                {f.description}
                              </Link>{" "}
                              <SeverityBadge severity={f.severity} />
                            </td>
                            <td className="py-2 pr-3">{localized(f.category.name, f.category.nameEn, locale)}</td>
                            <td className="py-2 pr-3 whitespace-nowrap">{f.deadline ? day(f.deadline) : "—"}</td>
                            <td className="py-2">
                              <FindingStateBadge state={f.state} warning={f.warning} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Card>
            ))
          )}
        </section>
      ) : null}

      <section aria-labelledby="rounds" className="space-y-3">
        <h2 id="rounds" className="text-lg font-semibold">
          {t("rounds")}
        </h2>
        {rounds.rounds.length === 0 ? (
          <EmptyState title={t("roundsEmpty")} hint={canCreate ? t("roundsEmptyHint") : undefined} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("col.round")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("col.type")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("col.dates")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("col.scope")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("col.reports")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.rounds.map((r) => (
                  <tr key={r.id} className="border-t border-line align-top">
                    <td className="px-3 py-2">
                      <Link href={`/inspections/${r.id}`} className="font-medium text-brand hover:underline">
                        {r.title}
                      </Link>
                      {r.isMember ? <Badge className="ml-2">{t("yourGroup")}</Badge> : null}
                    </td>
                    <td className="px-3 py-2">
                      <TypeBadge type={r.type} unannounced={r.unannounced} />
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {day(r.startsOn)} – {day(r.endsOn)}
                    </td>
                    <td className="px-3 py-2">{localized(r.scopeOrg.name, r.scopeOrg.nameEn, locale)}</td>
                    <td className="px-3 py-2 tabular-nums">{t("issuedOf", { issued: r.issued, total: r.reports })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={rounds.page} pageCount={rounds.pageCount} total={rounds.total} basePath="/inspections" params={{}} />
      </section>
    </>
  );
}
