import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordFiles } from "@/components/evidence/record-files";
import { ProblemList } from "@/components/inspections/problem-list";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Card } from "@/components/ui/card";
import { evidenceMaxBytes } from "@/lib/env";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { loadFilesOf } from "@/lib/server/evidence/record-files";
import { getTourFeedback } from "@/lib/server/inspections/tours";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ tourId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.tour"))("pageTitle") };
}

/**
 * One tour's feedback to a unit: who fed back and when, the document, the
 * summary, and each problem with its rectification (the findings' own
 * pages, where the unit rectifies it and the committee accepts it).
 */
export default async function TourPage({ params }: Props) {
  const id = ZIdParam.parse((await params).tourId);
  if (!id) notFound();
  const actor = await guardPage("page:/inspections/tours/[tourId]", undefined, `/inspections/tours/${id}`);
  const [tour, t, format, locale] = await Promise.all([notFoundUnless(getTourFeedback(actor, id)), getTranslations("inspections.tour"), getFormatter(), getLocale()]);
  const [files] = await Promise.all([loadFilesOf("tour", tour.id), markNoticesAbout(actor, { reportId: tour.reportId })]);
  const unit = localized(tour.org.name, tour.org.nameEn, locale);
  const title = `${t("pageTitle")} · ${unit}`;
  return (
    <>
      <div className="print:hidden">
        <PageHeading title={title} subtitle={t("recordedBy", { who: tour.recordedBy?.name ?? "—", date: format.dateTime(tour.createdAt, { dateStyle: "medium" }) })} actions={<PrintButton />}>
          <nav className="mb-2 text-sm">
            <Link href={`/inspections/tours?year=${tour.receivedOn.getUTCFullYear()}`} className="text-brand hover:underline">
              {t("back")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl" aria-label={title}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 hidden text-center text-lg font-bold print:block">{title}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("columns.org")}</dt>
            <dd>{unit}</dd>
            <dt className="text-muted">{t("columns.tour")}</dt>
            <dd className="break-words">{t("tourLine", { kind: t(`kind.${tour.kind}`), name: tour.tourName })}</dd>
            <dt className="text-muted">{t("columns.receivedOn")}</dt>
            <dd>{format.dateTime(tour.receivedOn, { dateStyle: "long", timeZone: "UTC" })}</dd>
            <dt className="text-muted">{t("columns.documentNo")}</dt>
            <dd className="break-words">{tour.documentNo || "—"}</dd>
            <dt className="text-muted">{t("documentFiles")}</dt>
            <dd>
              <div className="hidden print:block">{files.length === 0 ? "—" : format.list(files.map((f) => f.title), { type: "unit" })}</div>
              <div className="print:hidden">
                <RecordFiles uploadUrl={`/api/tours/${tour.id}/evidence`} files={files} canAdd={tour.canAddFiles} maxBytes={evidenceMaxBytes()} label={t("documentFiles")} empty="—" />
              </div>
            </dd>
          </dl>
          <h3 className="mt-5 mb-1 text-base font-semibold">{t("fields.summary")}</h3>
          <p className="text-sm leading-7 whitespace-pre-wrap break-words">{tour.summary}</p>
          <h3 className="mt-5 mb-1 text-base font-semibold">{t("problemsHeading")}</h3>
          <ProblemList problems={tour.problems} none={t("noProblems")} />
          <SignatureLines className="hidden print:grid" labels={[t("signEntered"), t("signChecked"), t("signDate")]} caption={t("pageTitle")} />
        </Card>
      </article>
    </>
  );
}
