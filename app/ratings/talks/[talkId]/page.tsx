import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { ProblemList } from "@/components/inspections/problem-list";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { SignatureLines } from "@/components/print/signature-lines";
import { TalkFollowUpForm } from "@/components/ratings/talk-form";
import { Card } from "@/components/ui/card";
import { dayString, isoDay } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { getAdmonitoryTalk } from "@/lib/server/ratings/talks";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ talkId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.talk"))("printTitle") };
}

/**
 * One talk's record (约谈记录): what led to it, who talked with whom, the
 * issues raised, each commitment with its rectification, and the
 * follow-up; it prints on A4 with the signature lines. The committee
 * records the follow-up here.
 */
export default async function TalkPage({ params }: Props) {
  const id = ZIdParam.parse((await params).talkId);
  if (!id) notFound();
  const actor = await guardPage("page:/ratings/talks/[talkId]", undefined, `/ratings/talks/${id}`);
  const [talk, t, format, locale] = await Promise.all([
    notFoundUnless(getAdmonitoryTalk(actor, id)),
    getTranslations("ratings.talk"),
    getFormatter(),
    getLocale(),
  ]);
  await markNoticesAbout(actor, { reportId: talk.reportId });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const unit = localized(talk.org.name, talk.org.nameEn, locale);
  return (
    <RecordProvider version={talk.version}>
      <div className="print:hidden">
        <PageHeading title={`${t("printTitle")} · ${unit}`} subtitle={t("recordedBy", { who: talk.recordedBy?.name ?? "—", date: format.dateTime(talk.createdAt, { dateStyle: "medium" }) })} actions={<PrintButton />}>
          <nav className="mb-2 text-sm">
            <Link href={`/ratings/talks?year=${talk.talkedOn.getUTCFullYear()}`} className="text-brand hover:underline">
              {t("back")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl" aria-label={`${t("printTitle")} · ${unit}`}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <PrintHeader className="hidden print:block" unit={localized(talk.committee.name, talk.committee.nameEn, locale)} title={t("printTitle")} />
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("columns.org")}</dt>
            <dd>{unit}</dd>
            <dt className="text-muted">{t("date")}</dt>
            <dd>{day(talk.talkedOn)}</dd>
            <dt className="text-muted">{t("triggerLabel")}</dt>
            <dd className="break-words">
              {t("triggerLine", { trigger: t(`trigger.${talk.trigger}`), note: talk.triggerNote })}
            </dd>
            <dt className="text-muted">{t("heldBy")}</dt>
            <dd className="break-words">{talk.talkedBy}</dd>
            <dt className="text-muted">{t("with")}</dt>
            <dd className="break-words">{talk.talkedWith}</dd>
          </dl>

          <h3 className="mt-5 mb-1 text-base font-semibold">{t("issuesHeading")}</h3>
          <p className="text-sm leading-7 whitespace-pre-wrap break-words">{talk.issues}</p>

          <h3 className="mt-5 mb-1 text-base font-semibold">{t("commitmentsHeading")}</h3>
          <ProblemList problems={talk.commitments} none={t("noCommitments")} />

          <h3 className="mt-5 mb-1 text-base font-semibold">{t("followUpHeading")}</h3>
          {talk.followUpOn ? (
            <div className="text-sm">
              <p className="text-muted">{day(talk.followUpOn)}</p>
              <p className="leading-7 whitespace-pre-wrap break-words">{talk.followUp}</p>
            </div>
          ) : (
            <p className="text-sm text-muted">{t("noFollowUp")}</p>
          )}
          <SignatureLines className="hidden print:grid" labels={[t("signHeldBy"), t("signWith"), t("signRecorder"), t("signDate")]} caption={t("printTitle")} />
        </Card>
      </article>

      {talk.canFollowUp ? (
        <Card aria-labelledby="follow-up-heading" className="mt-4 max-w-4xl print:hidden">
          <h2 id="follow-up-heading" className="mb-2 text-base font-semibold">
            {t("followUpHeading")}
          </h2>
          <TalkFollowUpForm talkId={talk.id} followUpOn={talk.followUpOn ? isoDay(talk.followUpOn) : dayString()} followUp={talk.followUp ?? ""} />
        </Card>
      ) : null}
    </RecordProvider>
  );
}
