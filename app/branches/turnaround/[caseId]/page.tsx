import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { ConvertTurnaroundForm } from "@/components/grading/branch-forms";
import { ProblemList } from "@/components/inspections/problem-list";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getTurnaround } from "@/lib/server/grading/turnaround";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ caseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("turnaround"))("pageTitle") };
}

/**
 * One weak-and-lax turnaround case: why, who answers for it, the measures
 * with how far each got (each rectified and accepted on its finding's
 * page), and the conversion once every measure is closed out.
 */
export default async function TurnaroundCasePage({ params }: Props) {
  const id = ZIdParam.parse((await params).caseId);
  if (!id) notFound();
  const actor = await guardPage("page:/branches/turnaround/[caseId]", undefined, `/branches/turnaround/${id}`);
  const [found, t, format, locale] = await Promise.all([notFoundUnless(getTurnaround(actor, id)), getTranslations("turnaround"), getFormatter(), getLocale()]);
  const branch = localized(found.org.name, found.org.nameEn, locale);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const closed = found.measures.filter((m) => m.state === "CLOSED").length;
  return (
    <RecordProvider version={found.version}>
      <div className="print:hidden">
        <PageHeading title={branch} subtitle={t("pageSubtitle", { date: format.dateTime(found.openedAt, { dateStyle: "long" }), who: found.openedBy?.name ?? "—" })} actions={<PrintButton />}>
          <nav className="mb-2 flex flex-wrap gap-x-4 text-sm">
            <Link href="/branches/turnaround" className="text-brand hover:underline">
              {t("back")}
            </Link>
            <Link href={`/branches/grading/${found.org.id}`} className="text-brand hover:underline">
              {t("gradeLink")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl space-y-4" aria-label={t("pageTitle")}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 hidden text-center text-lg font-bold print:block">{`${t("pageTitle")} · ${branch}`}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("columns.trigger")}</dt>
            <dd>
              <Badge tone={found.trigger === "LOWEST_GRADE" ? "danger" : "warn"}>{t(`trigger.${found.trigger}`)}</Badge>
            </dd>
            <dt className="text-muted">{t("fields.causes")}</dt>
            <dd className="whitespace-pre-wrap break-words">{found.causes}</dd>
            <dt className="text-muted">{t("fields.leader")}</dt>
            <dd>{found.leader?.name ?? "—"}</dd>
            <dt className="text-muted">{t("columns.status")}</dt>
            <dd data-testid="turnaround-status">
              {found.convertedOn ? (
                <>
                  <Badge tone="ok">{t("convertedOn", { date: day(found.convertedOn) })}</Badge>
                  {found.conversionNote ? <p className="mt-1 whitespace-pre-wrap break-words">{found.conversionNote}</p> : null}
                  <p className="text-xs text-muted">{t("convertedBy", { who: found.convertedBy?.name ?? "—" })}</p>
                </>
              ) : (
                <span>{t("inProgress", { closed, total: found.measures.length })}</span>
              )}
            </dd>
          </dl>
        </Card>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <section aria-labelledby="turnaround-measures">
            <h2 id="turnaround-measures" className="mb-1 font-medium">
              {t("fields.measures")}
            </h2>
            <p className="mb-3 text-sm text-muted print:hidden">{t("measuresPageHint")}</p>
            <ProblemList problems={found.measures} none={t("noMeasuresYet")} />
          </section>
          <SignatureLines labels={[t("signBranch"), t("signLeader"), t("signDate")]} />
        </Card>
        {found.canConvert ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{t("convertHeading")}</h2>
            <ConvertTurnaroundForm caseId={found.id} today={dayString()} />
          </Card>
        ) : found.manages && !found.convertedOn ? (
          <p className="text-sm text-muted print:hidden">{t("convertWhenClosed")}</p>
        ) : null}
      </article>
    </RecordProvider>
  );
}
