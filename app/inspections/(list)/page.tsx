import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { FindingStateBadge, SeverityBadge, TypeBadge } from "@/components/inspections/badges";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { countAcceptanceQueue } from "@/lib/server/inspections/acceptance-queue";
import { listMyUnitReports, listRounds } from "@/lib/server/inspections/queries";
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
  const isUnit = can(actor, "finding.rectify");
  const [rounds, mine, accepting, t, format, locale] = await Promise.all([
    listRounds(actor, page),
    isUnit ? listMyUnitReports(actor) : Promise.resolve([]),
    countAcceptanceQueue(actor),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const canCreate = can(actor, "round.create");
  const canAnalyse = can(actor, "finding.analyse");
  return (
    <>
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/findings" className={buttonVariants({ variant: "secondary" })}>
              {t("ledgerLink")}
            </Link>
            <Link href="/inspections/tours" className={buttonVariants({ variant: "secondary" })}>
              {t("toursLink")}
            </Link>
            {canCreate ? (
              <Link href="/inspections/groups" className={buttonVariants({ variant: "secondary" })}>
                {t("groupsLink")}
              </Link>
            ) : null}
            {canAnalyse ? (
              <Link href="/inspections/analysis" className={buttonVariants({ variant: "secondary" })}>
                {t("analysisLink")}
              </Link>
            ) : null}
            {can(actor, "finding.category.edit") ? (
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

      {accepting > 0 ? (
        <Alert tone="warn" className="mb-6 flex flex-wrap items-center justify-between gap-3" data-testid="acceptance-waiting">
          <span>{t("acceptanceQueue.waiting", { count: accepting })}</span>
          <Link href="/inspections/acceptances" className={buttonVariants({ size: "sm" })}>
            {t("acceptanceQueue.open")}
          </Link>
        </Alert>
      ) : null}

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
                  <ol className="divide-y divide-line" aria-label={t("findingsHeading", { count: report.findings.length })}>
                    {report.findings.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-2.5 text-sm" data-testid="my-finding">
                        <span className="w-5 text-muted tabular-nums">{f.seq}</span>
                        <div className="min-w-0 flex-1 basis-56">
                          <Link href={`/findings/${f.id}`} className="text-brand hover:underline">
                            {f.description}
                          </Link>
                          <span className="mt-1 flex flex-wrap items-center gap-1 text-muted">
                            <SeverityBadge severity={f.severity} />
                            {localized(f.category.name, f.category.nameEn, locale)}
                          </span>
                        </div>
                        <span className="whitespace-nowrap">
                          <span className="text-muted">{t("col.deadline")} </span>
                          {f.deadline ? day(f.deadline) : "—"}
                        </span>
                        <FindingStateBadge state={f.state} warning={f.warning} />
                      </li>
                    ))}
                  </ol>
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
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
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
