import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { ReturnReportForm, YearReportForm } from "@/components/ratings/year-report-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { ratedUnitLabel } from "@/lib/server/ratings/entries";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { getYearReport } from "@/lib/server/ratings/year-reports";
import { ZIdParam } from "@/lib/validation/text";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.report"))("title") };
}

/**
 * A unit's yearly report (述职报告). Its secretary writes it from the
 * ledger's draft and submits it; the committee reads it, returns it once
 * if it must, and prints it on A4 with the signature lines.
 */
export default async function YearReportPage({ params, searchParams }: Props) {
  const orgId = ZIdParam.parse((await params).orgId);
  if (!orgId) notFound();
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/[orgId]/report", { orgId }, `/ratings/${orgId}/report`);
  const year = await resolveRatedYear(query.period);
  if (!year) notFound();
  const locale = await getLocale();
  const [report, label, t, format] = await Promise.all([
    notFoundUnless(getYearReport(actor, year.id, orgId, locale === "en" ? "en" : "zh")),
    ratedUnitLabel(orgId),
    getTranslations("ratings.report"),
    getFormatter(),
  ]);
  if (!label) notFound();
  const name = localized(label.name, label.nameEn, locale);
  const date = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const statusTone = report.status === "SUBMITTED" ? "ok" : report.status === "DRAFT" ? "brand" : "neutral";

  return (
    <RecordProvider version={report.version}>
      <div className="print:hidden">
        <PageHeading title={t("heading", { unit: name, year: year.year })} actions={report.status === "SUBMITTED" && report.body ? <PrintButton /> : undefined}>
          <nav className="mb-2 text-sm">
            <Link href={hrefWith(`/ratings/${orgId}`, { period: query.period === year.id ? year.id : undefined })} className="text-brand hover:underline">
              {t("back")}
            </Link>
          </nav>
        </PageHeading>
        <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted">
          <Badge tone={statusTone}>{t(`status.${report.status}`)}</Badge>
          {report.submittedAt && report.status === "SUBMITTED" ? <span>{t("submittedBy", { who: report.submittedBy ?? "—", date: date(report.submittedAt) })}</span> : null}
          {report.status === "DRAFT" && report.updatedAt ? <span>{t("savedBy", { who: report.savedBy ?? "—", date: date(report.updatedAt) })}</span> : null}
        </div>
        {report.returnedAt ? (
          <Alert tone={report.status === "DRAFT" ? "warn" : "info"} className="mb-4">
            {t("returnedBy", { who: report.returnedBy ?? "—", date: date(report.returnedAt), comment: report.returnComment ?? "" })}
          </Alert>
        ) : null}
      </div>

      {report.canWrite ? (
        <Card className="max-w-4xl">
          {report.status === "NEW" ? <p className="mb-3 text-sm text-muted">{t("draftHint")}</p> : null}
          <YearReportForm periodId={year.id} orgId={orgId} body={report.body ?? ""} />
        </Card>
      ) : report.body ? (
        <article className="printable max-w-4xl" aria-label={t("heading", { unit: name, year: year.year })}>
          <Card className="print:border-0 print:p-0 print:shadow-none">
            <div className="text-sm leading-7 whitespace-pre-wrap break-words">{report.body}</div>
            <SignatureLines className="hidden print:grid" labels={[t("sign.reporter"), t("sign.date")]} caption={t("sign.caption")} />
          </Card>
        </article>
      ) : (
        <EmptyState title={t("notSubmitted")} />
      )}

      {report.canReturn ? (
        <Card aria-labelledby="return-report-heading" className="mt-4 max-w-4xl print:hidden">
          <h2 id="return-report-heading" className="mb-1 text-base font-semibold">
            {t("returnLabel")}
          </h2>
          <p className="mb-3 text-sm text-muted">{t("returnOnce")}</p>
          <ReturnReportForm periodId={year.id} orgId={orgId} />
        </Card>
      ) : null}
    </RecordProvider>
  );
}
