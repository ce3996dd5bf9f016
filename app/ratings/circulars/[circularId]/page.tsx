import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { CircularForm, IssueCircularButton } from "@/components/ratings/circular-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getCircular } from "@/lib/server/ratings/circulars";
import { ratedUnitList } from "@/lib/server/ratings/preview";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ circularId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.circular"))("listTitle") };
}

/**
 * One circular. A draft: the committee edits its title, number, text and
 * the units it names, then issues it. Issued: the text under the
 * committee's heading and date, printed on A4, read by the units it names.
 */
export default async function CircularPage({ params }: Props) {
  const id = ZIdParam.parse((await params).circularId);
  if (!id) notFound();
  const actor = await guardPage("page:/ratings/circulars/[circularId]", undefined, `/ratings/circulars/${id}`);
  const [circular, t, format, locale] = await Promise.all([notFoundUnless(getCircular(actor, id)), getTranslations("ratings.circular"), getFormatter(), getLocale()]);
  const back = (
    <nav className="mb-2 text-sm">
      <Link href={hrefWith("/ratings/circulars", { period: circular.periodId })} className="text-brand hover:underline">
        {t("back")}
      </Link>
    </nav>
  );

  if (circular.canEdit) {
    // The units the committee may name: the units it rates this year.
    const units = await ratedUnitList(actor, circular.periodId);
    const options = [...new Map([...units.map((u) => [u.id, localized(u.name, u.nameEn, locale)] as const), ...circular.named.map((n) => [n.id, localized(n.name, n.nameEn, locale)] as const)])].map(
      ([value, label]) => ({ value, label }),
    );
    return (
      <RecordProvider version={circular.version}>
        <PageHeading title={circular.title} subtitle={t("draftSubtitle", { year: circular.year })} actions={<IssueCircularButton id={circular.id} />}>
          {back}
        </PageHeading>
        <Card className="max-w-4xl">
          <CircularForm circular={{ id: circular.id, title: circular.title, number: circular.number, body: circular.body, namedOrgIds: circular.named.map((n) => n.id) }} units={options} />
        </Card>
      </RecordProvider>
    );
  }

  return (
    <>
      <div className="print:hidden">
        <PageHeading title={circular.title} actions={<PrintButton />}>
          {back}
        </PageHeading>
        <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted">
          <Badge tone="ok">{t("status.ISSUED")}</Badge>
          <span>{t("issuedBy", { who: circular.issuedBy ?? "—", date: format.dateTime(circular.issuedAt!, { dateStyle: "long" }) })}</span>
        </div>
      </div>
      <article className="printable max-w-4xl" aria-label={circular.title}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          {/* A div, not a <header>: print hides header elements (globals.css), and the heading must print. */}
          <div className="mb-6 text-center">
            <p className="text-2xl font-bold tracking-widest text-brand">{circular.issuer ? localized(circular.issuer.name, circular.issuer.nameEn, locale) : t("committee")}</p>
            <p className="mt-1 text-2xl font-bold tracking-widest text-brand">{t("heading")}</p>
            {circular.number ? <p className="mt-3 text-sm">{circular.number}</p> : null}
            <hr className="mt-3 border-t-2 border-brand" />
            <h2 className="mt-4 text-lg font-semibold">{circular.title}</h2>
          </div>
          <div className="text-sm leading-7 whitespace-pre-wrap break-words">{circular.body}</div>
          <p className="mt-8 text-right text-sm">{format.dateTime(circular.issuedAt!, { dateStyle: "long" })}</p>
          <p className="mt-4 text-xs text-muted">{t("namedList", { units: format.list(circular.named.map((n) => localized(n.name, n.nameEn, locale))) })}</p>
        </Card>
      </article>
    </>
  );
}
