import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { ReviewModelSiteForm } from "@/components/grading/branch-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getModelSite } from "@/lib/server/grading/model-sites";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ siteId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("modelSites"))("pageTitle") };
}

/** One model site: what it models, the plaque, each year's review, and this year's review for the committee. */
export default async function ModelSitePage({ params }: Props) {
  const id = ZIdParam.parse((await params).siteId);
  if (!id) notFound();
  const actor = await guardPage("page:/branches/models/[siteId]", undefined, `/branches/models/${id}`);
  const [site, t, format, locale] = await Promise.all([notFoundUnless(getModelSite(actor, id)), getTranslations("modelSites"), getFormatter(), getLocale()]);
  const branch = localized(site.org.name, site.org.nameEn, locale);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <RecordProvider version={site.version}>
      <div className="print:hidden">
        <PageHeading title={site.title} subtitle={branch} actions={<PrintButton />}>
          <nav className="mb-2 flex flex-wrap gap-x-4 text-sm">
            <Link href="/branches/models" className="text-brand hover:underline">
              {t("back")}
            </Link>
            <Link href={`/branches/grading/${site.org.id}`} className="text-brand hover:underline">
              {t("gradeLink")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl space-y-4" aria-label={site.title}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 hidden text-center text-lg font-bold print:block">{`${t("pageTitle")} · ${site.title}`}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("columns.branch")}</dt>
            <dd>{branch}</dd>
            <dt className="text-muted">{t("fields.models")}</dt>
            <dd className="whitespace-pre-wrap break-words">{site.models}</dd>
            <dt className="text-muted">{t("fields.plaqueOn")}</dt>
            <dd>{t("plaqueBy", { date: day(site.plaqueOn), who: site.designatedBy?.name ?? "—" })}</dd>
            <dt className="text-muted">{t("columns.status")}</dt>
            <dd data-testid="model-site-status">{site.withdrawnOn ? <Badge tone="danger">{t("withdrawnOn", { date: day(site.withdrawnOn) })}</Badge> : <Badge tone="ok">{t("status.active")}</Badge>}</dd>
          </dl>
        </Card>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <section aria-labelledby="site-reviews">
            <h2 id="site-reviews" className="mb-3 font-medium">
              {t("reviewsHeading")}
            </h2>
            {site.reviews.length === 0 ? (
              <p className="text-sm text-muted">{t("noReviews")}</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {site.reviews.map((r) => (
                  <li key={r.id} className="rounded-md border border-line p-2 print:border-0 print:p-0">
                    <p>
                      <span className="font-medium">{r.year}</span> <Badge tone={r.outcome === "KEPT" ? "ok" : "danger"}>{t(`outcome.${r.outcome}`)}</Badge>
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{r.comment}</p>
                    <p className="text-xs text-muted">{t("reviewedBy", { who: r.reviewedBy?.name ?? "—", date: day(r.reviewedOn) })}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <SignatureLines labels={[t("signReviewer"), t("signDate")]} />
        </Card>
        {site.canReview ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{t("reviewHeading", { year: site.year })}</h2>
            <ReviewModelSiteForm siteId={site.id} />
          </Card>
        ) : null}
      </article>
    </RecordProvider>
  );
}
