import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { NewMeetingForm } from "@/components/ratings/meeting-forms";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { attendeeCandidates, listMeetings } from "@/lib/server/ratings/meetings";
import { ratedUnitList } from "@/lib/server/ratings/preview";
import { listRatedYears, managesRatings, pickRatedYear, readScheme } from "@/lib/server/ratings/schemes";
import { prisma } from "@/lib/server/db";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.meeting"))("listTitle") };
}

/** A year's report meetings: the committee's, where it sets up a new one; the ones an attendee attends. */
export default async function MeetingsPage({ searchParams }: Props) {
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/meetings", undefined, "/ratings/meetings");
  const [t, format, locale, years] = await Promise.all([getTranslations("ratings.meeting"), getFormatter(), getLocale(), listRatedYears()]);
  const year = pickRatedYear(years, query.period);
  if (!year) {
    return (
      <>
        <PageHeading title={t("listTitle")} />
        <EmptyState title={(await getTranslations("ratings"))("noYear")} />
      </>
    );
  }
  const committee = managesRatings(actor);
  const meetings = await listMeetings(actor, year.id);
  const published = committee ? (await readScheme(prisma, year.id)).publishedAt !== null : true;
  const units = committee && !published ? await ratedUnitList(actor, year.id) : [];
  const attendees = units.length > 0 ? await attendeeCandidates(actor, units.map((u) => u.id)) : [];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <>
      <PageHeading title={t("listTitle")} subtitle={t(committee ? "listSubtitle" : "listSubtitleAttendee", { year: year.year })}>
        <nav className="mb-2 text-sm">
          <Link href={hrefWith("/ratings", { period: query.period === year.id ? year.id : undefined })} className="text-brand hover:underline">
            {(await getTranslations("ratings.talk"))("backToRatings")}
          </Link>
        </nav>
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect id="meetings-year" name="period" label={(await getTranslations("ratings"))("year")} defaultValue={year.id} options={years.map((y) => ({ value: y.id, label: String(y.year) }))} />
        <Button type="submit" variant="secondary">
          {(await getTranslations("ratings"))("show")}
        </Button>
      </form>
      {meetings.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <Card className="mb-4 min-w-0">
          <ul className="divide-y divide-line text-sm">
            {meetings.map((m) => (
              <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span className="min-w-0 break-words">
                  <Link href={`/ratings/meetings/${m.id}`} className="font-medium hover:text-brand hover:underline">
                    {m.title}
                  </Link>
                  <span className="text-muted">
                    {" "}
                    · {format.dateTime(m.heldOn, { dateStyle: "medium", timeZone: "UTC" })}
                    {m.place ? ` · ${m.place}` : ""} · {t("unitsCount", { count: m.units })}
                  </span>
                </span>
                <span className="text-xs text-muted">{m.ballotOpensAt && m.ballotClosesAt ? t("window", { from: when(m.ballotOpensAt), to: when(m.ballotClosesAt) }) : t("windowNone")}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {units.length > 0 ? (
        <Card aria-labelledby="new-meeting-heading" className="max-w-4xl">
          <h2 id="new-meeting-heading" className="mb-2 text-base font-semibold">
            {t("newHeading")}
          </h2>
          <NewMeetingForm
            defaults={{ periodId: year.id, title: t("defaultTitle", { year: year.year }), heldOn: "", place: "", ballotOpensAt: "", ballotClosesAt: "", orgIds: [], attendeeIds: [] }}
            units={units.map((u) => ({ value: u.id, label: localized(u.name, u.nameEn, locale) }))}
            attendees={attendees.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Card>
      ) : null}
    </>
  );
}
