import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordFiles } from "@/components/evidence/record-files";
import { RecordProvider } from "@/components/forms/record";
import { BringToDutyForm, RecordMeetingForm, RemoveMeetingForm } from "@/components/grading/meeting-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Card } from "@/components/ui/card";
import { dayString, isoDay } from "@/lib/dates";
import { evidenceMaxBytes } from "@/lib/env";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { loadFilesOf } from "@/lib/server/evidence/record-files";
import { getMeeting } from "@/lib/server/grading/meetings";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("recordTitle") };
}

/** One meeting's record: kind, day, topic, attendance, absences with reasons, minutes; brought to one of the branch's duties as its evidence. */
export default async function MeetingRecordPage({ params }: Props) {
  const id = ZIdParam.parse((await params).meetingId);
  if (!id) notFound();
  const actor = await guardPage("page:/branches/meetings/record/[meetingId]", undefined, `/branches/meetings/record/${id}`);
  const [t, format, locale, meeting] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale(), notFoundUnless(getMeeting(actor, id))]);
  const files = await loadFilesOf("meeting", meeting.id);
  const branch = localized(meeting.org.name, meeting.org.nameEn, locale);
  const quarter = Math.floor(meeting.heldOn.getUTCMonth() / 3) + 1;
  const quarterHref = hrefWith(`/branches/meetings/${meeting.org.id}`, { year: String(meeting.heldOn.getUTCFullYear()), quarter: String(quarter) });
  return (
    <RecordProvider version={meeting.version}>
      <div className="print:hidden">
        <PageHeading title={meeting.topic} subtitle={`${branch} · ${t(`kind.${meeting.kind}`)}`} actions={<PrintButton />}>
          <nav className="mb-2 text-sm">
            <Link href={quarterHref} className="text-brand hover:underline">
              {t("backToBranch")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl space-y-4" aria-label={meeting.topic}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 hidden text-center text-lg font-bold print:block">{`${branch} · ${t(`kind.${meeting.kind}`)}${t("recordSuffix")}`}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("fields.heldOn")}</dt>
            <dd>{format.dateTime(meeting.heldOn, { dateStyle: "long", timeZone: "UTC" })}</dd>
            <dt className="text-muted">{t("fields.topic")}</dt>
            <dd className="break-words">{meeting.topic}</dd>
            <dt className="text-muted">{t("fields.attendees")}</dt>
            <dd className="whitespace-pre-wrap break-words">{t("attendedOf", { count: meeting.attendedCount, names: meeting.attendees })}</dd>
            <dt className="text-muted">{t("fields.absentees")}</dt>
            <dd>{meeting.absentees.length === 0 ? t("noneAbsent") : meeting.absentees.map((a) => t("absentWhy", { name: a.name, reason: a.reason })).join(t("listSeparator"))}</dd>
            <dt className="text-muted">{t("fields.minutes")}</dt>
            <dd className="whitespace-pre-wrap break-words">{meeting.minutes}</dd>
            <dt className="text-muted">{t("recordedBy")}</dt>
            <dd>{meeting.recordedBy?.name ?? "—"}</dd>
          </dl>
          <SignatureLines labels={[t("signHost"), t("signRecorder"), t("signDate")]} />
        </Card>
        <Card className="print:hidden" aria-labelledby="meeting-files-heading">
          <h2 id="meeting-files-heading" className="mb-3 font-medium">
            {t("filesHeading")}
          </h2>
          <RecordFiles uploadUrl={`/api/meetings/${meeting.id}/evidence`} files={files} canAdd={meeting.canRecord} maxBytes={evidenceMaxBytes()} label={t("filesHeading")} empty={t("noFiles")} />
        </Card>
        {meeting.duties.length > 0 ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{t("bringHeading")}</h2>
            <BringToDutyForm meetingId={meeting.id} duties={meeting.duties.map((d) => ({ value: d.id, label: `${localized(d.duty.title, d.duty.titleEn, locale)}（${format.dateTime(d.dueDate, { dateStyle: "medium", timeZone: "UTC" })}）` }))} />
          </Card>
        ) : null}
        {meeting.canRecord ? (
          <Card className="print:hidden">
            <details>
              <summary className="cursor-pointer font-medium text-brand">{t("correctHeading")}</summary>
              <div className="mt-3 space-y-6">
                <RecordMeetingForm
                  orgId={meeting.org.id}
                  today={dayString()}
                  correcting={{
                    meetingId: meeting.id,
                    values: {
                      kind: meeting.kind,
                      heldOn: isoDay(meeting.heldOn),
                      topic: meeting.topic,
                      attendees: meeting.attendees,
                      attendedCount: String(meeting.attendedCount),
                      absentees: meeting.absentees,
                      minutes: meeting.minutes,
                    },
                  }}
                />
                <div className="border-t border-line pt-4">
                  <h3 className="mb-2 text-sm font-medium">{t("removeLabel")}</h3>
                  <RemoveMeetingForm meetingId={meeting.id} backTo={quarterHref} />
                </div>
              </div>
            </details>
          </Card>
        ) : null}
      </article>
    </RecordProvider>
  );
}
