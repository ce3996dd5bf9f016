import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { NoticesSeen } from "@/components/notifications/notices-seen";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { TypeBadge } from "@/components/inspections/badges";
import { ReportFindingsTable } from "@/components/inspections/report-findings-table";
import { AddendumForm, FindingForm, IssueReportButton, ReportForm, RespondForm, type FindingChoices } from "@/components/inspections/report-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { isoDay } from "@/lib/dates";
import { guardPage } from "@/lib/server/access/guard-page";
import { notFoundUnless } from "@/lib/server/inspections/not-found";
import { getReport, getReportChoices } from "@/lib/server/inspections/queries";
import { redirectToTurnaround } from "@/lib/server/grading/turnaround";
import { redirectToTour } from "@/lib/server/inspections/tours";
import { redirectToTalk } from "@/lib/server/ratings/talks";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ reportId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("report") };
}

/**
 * An inspection report on one organization. The group writes it as a draft
 * and issues it; from then on it is frozen and corrections are dated
 * addenda. The unit reads it, answers it and rectifies each finding. It
 * prints on A4 with the signature lines.
 */
export default async function ReportPage({ params }: Props) {
  const { reportId } = await params;
  const actor = await guardPage("page:/inspections/reports/[reportId]", undefined, `/inspections/reports/${reportId}`);
  const [report, t, format, locale] = await Promise.all([
    notFoundUnless(getReport(actor, reportId)),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  // A talk's record is the talks ledger's page, a tour's feedback its own; their notices lead here.
  if (report.round.type === "TALK") await redirectToTalk(report.round.id);
  if (report.round.type === "TOUR") await redirectToTour(report.round.id);
  if (report.round.type === "TURNAROUND") await redirectToTurnaround(report.round.id);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const orgName = localized(report.org.name, report.org.nameEn, locale);
  const inspectors = report.inspectors.map((i) => i.user.name);
  const seen = await markNoticesAbout(actor, { reportId: report.id });
  let writing: { choices: FindingChoices; common: string[] } | null = null;
  if (report.canWrite) {
    const { categories, common, items } = await getReportChoices(report);
    const commonNames = categories.filter((c) => common.includes(c.id)).map((c) => localized(c.name, c.nameEn, locale));
    writing = {
      common,
      choices: {
        categories: categories.map((c) => ({ value: c.id, label: localized(c.name, c.nameEn, locale) })),
        items: items.map((i) => ({
          value: i.id,
          label: t("finding.itemOption", { code: i.duty.code, title: localized(i.duty.title, i.duty.titleEn, locale), due: isoDay(i.dueDate) }),
        })),
        tagHint: commonNames.length > 0 ? t("finding.tagSuggestion", { categories: commonNames.join(t("listSeparator")) }) : t("finding.tagHint"),
      },
    };
  }

  return (
    <RecordProvider version={report.version}>
      <NoticesSeen count={seen} />
      <div className="print:hidden">
        <PageHeading
          title={t("reportTitle", { org: orgName, round: report.round.title })}
          actions={report.status === "ISSUED" ? <PrintButton /> : undefined}
        >
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            <Link href="/inspections" className="hover:text-brand hover:underline">
              {t("title")}
            </Link>
            {" / "}
            <Link href={`/inspections/${report.round.id}`} className="hover:text-brand hover:underline">
              {report.round.title}
            </Link>
          </nav>
        </PageHeading>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:block">
        <article className="printable space-y-4" aria-label={t("report")}>
          <Card className="space-y-4 print:border-0 print:p-0 print:shadow-none">
            <div className="hidden text-center print:block">
              <p className="text-base">{localized(report.round.scopeOrg.name, report.round.scopeOrg.nameEn, locale)}</p>
              <h2 className="text-xl font-semibold">{t("printTitle", { round: report.round.title })}</h2>
            </div>
            <div className="flex flex-wrap items-center gap-2 print:hidden">
              <Badge tone={report.status === "ISSUED" ? "ok" : "neutral"} data-testid="report-status">
                {t(`reportStatus.${report.status}`)}
              </Badge>
              <TypeBadge type={report.round.type} unannounced={report.round.unannounced} />
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("col.org")}</dt>
              <dd className="font-medium">{orgName}</dd>
              <dt className="text-muted">{t("inspectedOn")}</dt>
              <dd>{report.inspectedOn ? day(report.inspectedOn) : "—"}</dd>
              <dt className="text-muted">{t("inspectors")}</dt>
              <dd>{inspectors.length > 0 ? inspectors.join(t("listSeparator")) : "—"}</dd>
              {report.issuedAt ? (
                <>
                  <dt className="text-muted">{t("issuedAt")}</dt>
                  <dd>{day(report.issuedAt)}</dd>
                </>
              ) : null}
            </dl>
            <section aria-labelledby="summary-heading">
              <h3 id="summary-heading" className="mb-1 font-semibold">
                {t("summary")}
              </h3>
              <p className="leading-relaxed whitespace-pre-line">{report.summary || t("noSummary")}</p>
            </section>
            <section aria-labelledby="findings-heading">
              <h3 id="findings-heading" className="mb-2 font-semibold">
                {t("findingsHeading", { count: report.findings.length })}
              </h3>
              <ReportFindingsTable report={report} writing={writing} day={day} />
            </section>
            {report.addenda.length > 0 ? (
              <section aria-labelledby="addenda-heading">
                <h3 id="addenda-heading" className="mb-1 font-semibold">
                  {t("addenda")}
                </h3>
                <ol className="space-y-2 text-sm">
                  {report.addenda.map((a) => (
                    <li key={a.id} data-testid="addendum">
                      <span className="text-muted">{t("addendumBy", { at: when(a.createdAt), name: a.createdBy?.name ?? "—" })}</span>
                      <p className="whitespace-pre-line">{a.text}</p>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {report.response ? (
              <section aria-labelledby="response-heading">
                <h3 id="response-heading" className="mb-1 font-semibold">
                  {t("response")}
                </h3>
                <p className="whitespace-pre-line">{report.response}</p>
                {report.respondedAt ? (
                  <p className="mt-1 text-sm text-muted">{t("respondedBy", { at: when(report.respondedAt), name: report.respondedBy?.name ?? "—" })}</p>
                ) : null}
              </section>
            ) : null}
            {report.status === "ISSUED" ? (
              <SignatureLines className="hidden print:grid" labels={[t("sign.leader"), t("sign.unitHead"), t("sign.date")]} caption={t("sign.caption")} />
            ) : null}
          </Card>
        </article>

        <aside className="space-y-4 print:hidden">
          {writing ? (
            <>
              <Card>
                <h2 className="mb-3 font-semibold">{t("editReport")}</h2>
                <ReportForm
                  reportId={report.id}
                  summary={report.summary}
                  inspectedOn={report.inspectedOn ? isoDay(report.inspectedOn) : ""}
                  inspectorIds={report.inspectors.map((i) => i.user.id)}
                  members={report.round.members.map((m) => ({ value: m.user.id, label: m.user.name }))}
                />
              </Card>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.add")}</h2>
                <FindingForm reportId={report.id} choices={writing.choices} />
              </Card>
              <Card>
                <h2 className="mb-2 font-semibold">{t("issue")}</h2>
                <p className="mb-3 text-sm text-muted">{t("issueHint")}</p>
                <IssueReportButton reportId={report.id} />
              </Card>
            </>
          ) : null}
          {report.canAmend ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("addAddendum")}</h2>
              <p className="mb-3 text-sm text-muted">{t("addendumHint")}</p>
              <AddendumForm reportId={report.id} />
            </Card>
          ) : null}
          {report.canRespond ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("respond")}</h2>
              <RespondForm reportId={report.id} response={report.response ?? ""} />
            </Card>
          ) : null}
        </aside>
      </div>
    </RecordProvider>
  );
}
