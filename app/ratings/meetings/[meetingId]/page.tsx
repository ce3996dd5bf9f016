import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { RecordProvider } from "@/components/forms/record";
import { DeleteMeetingButton, EditMeetingForm, MeetingBallotForm, MeetingReportForm } from "@/components/ratings/meeting-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { beijingMoment, isoDay } from "@/lib/dates";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { prisma } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { attendeeCandidates, ballotOpen, getMeeting, type MeetingPage } from "@/lib/server/ratings/meetings";
import { ratedUnitList } from "@/lib/server/ratings/preview";
import { readScheme } from "@/lib/server/ratings/schemes";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.meeting"))("listTitle") };
}

/**
 * One report meeting. The committee records, unit by unit, how the
 * secretary reported and the leader's comment, and sees how many ballots
 * each unit has; an attendee rates each unit once while the window is open.
 */
export default async function MeetingPage({ params }: Props) {
  const id = ZIdParam.parse((await params).meetingId);
  if (!id) notFound();
  const actor = await guardPage("page:/ratings/meetings/[meetingId]", undefined, `/ratings/meetings/${id}`);
  const [meeting, t, format, locale] = await Promise.all([notFoundUnless(getMeeting(actor, id)), getTranslations("ratings.meeting"), getFormatter(), getLocale()]);
  const scheme = await readScheme(prisma, meeting.periodId);
  const published = scheme.publishedAt !== null;
  const open = ballotOpen(meeting, new Date()) && !published;
  const dimensions = scheme.config.rated.dimensions.map((d) => ({ key: d.key, label: localized(d.label, d.labelEn, locale) }));
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <>
      <PageHeading
        title={meeting.title}
        subtitle={`${format.dateTime(meeting.heldOn, { dateStyle: "long", timeZone: "UTC" })}${meeting.place ? ` · ${meeting.place}` : ""}`}
      >
        <nav className="mb-2 text-sm">
          <Link href={hrefWith("/ratings/meetings", { period: meeting.periodId })} className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted">
        <Badge tone={open ? "ok" : "neutral"}>{open ? t("open") : t("closed")}</Badge>
        <span>{meeting.ballotOpensAt && meeting.ballotClosesAt ? t("window", { from: when(meeting.ballotOpensAt), to: when(meeting.ballotClosesAt) }) : t("windowNone")}</span>
      </div>
      {meeting.committee ? (
        <p className="mb-4 text-sm text-muted">{meeting.attendees.length > 0 ? t("attendees", { names: format.list(meeting.attendees.map((a) => a.name)) }) : t("noAttendees")}</p>
      ) : null}
      {meeting.committee && !published ? <MeetingSetup meeting={meeting} actor={actor} /> : null}
      <h2 className="mb-2 text-base font-semibold">{t("unitsHeading")}</h2>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {meeting.units.map((u) => {
          const name = localized(u.name, u.nameEn, locale);
          return (
            <Card key={u.orgId} aria-label={name} className="min-w-0">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-medium">{name}</h3>
                <span className="flex flex-wrap gap-2 text-xs text-muted">
                  {meeting.committee ? <Badge tone={u.mode ? "ok" : "neutral"}>{u.mode ? t(`mode.${u.mode}`) : t("mode.none")}</Badge> : null}
                  {meeting.committee ? <span>{t("ballots", { count: u.ballots })}</span> : null}
                  {meeting.attends && u.ratedByMe ? <Badge tone="ok">{t("ratedByMe")}</Badge> : null}
                </span>
              </div>
              {meeting.committee && !published ? (
                <MeetingReportForm unit={name} initial={{ meetingId: meeting.id, orgId: u.orgId, mode: u.mode, commentedBy: u.commentedBy ?? "", comment: u.comment ?? "" }} />
              ) : meeting.committee && u.comment ? (
                <p className="text-sm whitespace-pre-wrap break-words">{u.commentedBy ? t("commentLine", { by: u.commentedBy, comment: u.comment }) : u.comment}</p>
              ) : null}
              {meeting.attends && !u.ratedByMe ? (
                open ? (
                  <div className="mt-3 border-t border-line pt-3">
                    <h4 className="mb-1 text-sm font-medium">{t("ballotHeading")}</h4>
                    <MeetingBallotForm meetingId={meeting.id} orgId={u.orgId} unit={name} dimensions={dimensions} />
                  </div>
                ) : (
                  <p className="mt-2 text-sm text-muted">{t("notOpen")}</p>
                )
              ) : null}
            </Card>
          );
        })}
      </div>
    </>
  );
}

/**
 * The committee's setup of the meeting, folded away: the same fields as
 * when it was set up, and the removal of a meeting set up by mistake.
 */
async function MeetingSetup({ meeting, actor }: { meeting: MeetingPage; actor: Actor }) {
  const [t, locale] = await Promise.all([getTranslations("ratings.meeting"), getLocale()]);
  const units = await ratedUnitList(actor, meeting.periodId);
  const attendees = await attendeeCandidates(actor, units.map((u) => u.id));
  return (
    <RecordProvider version={meeting.version}>
      <details className="mb-4 rounded-lg border border-line bg-white p-4">
        <summary className="cursor-pointer font-medium">{t("setupHeading")}</summary>
        <div className="mt-3 space-y-4">
          <EditMeetingForm
            // Keyed on the version: after a change the form starts from what was saved.
            key={meeting.version}
            defaults={{
              meetingId: meeting.id,
              expectedVersion: meeting.version,
              title: meeting.title,
              heldOn: isoDay(meeting.heldOn),
              place: meeting.place,
              ballotOpensAt: meeting.ballotOpensAt ? beijingMoment(meeting.ballotOpensAt) : "",
              ballotClosesAt: meeting.ballotClosesAt ? beijingMoment(meeting.ballotClosesAt) : "",
              orgIds: meeting.units.map((u) => u.orgId),
              attendeeIds: meeting.attendees.map((a) => a.id),
            }}
            units={units.map((u) => ({ value: u.id, label: localized(u.name, u.nameEn, locale) }))}
            attendees={attendees.map((a) => ({ value: a.id, label: a.name }))}
          />
          <div className="border-t border-line pt-3">
            <p className="mb-2 text-sm text-muted">{t("deleteHint")}</p>
            <DeleteMeetingButton meetingId={meeting.id} periodId={meeting.periodId} />
          </div>
        </div>
      </details>
    </RecordProvider>
  );
}
