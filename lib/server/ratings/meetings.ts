import "server-only";
import { dayOf } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportMode } from "@/lib/generated/prisma/enums";
import { orgScopeWhere, reachesPath } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { checkScores, openRatedWrite } from "@/lib/server/ratings/entries";
import { ratedUnitList } from "@/lib/server/ratings/preview";
import { managesRatings, readScheme } from "@/lib/server/ratings/schemes";
import type { TCastMeetingBallot, TCreateMeetingParsed, TRecordMeetingReport, TUpdateMeetingParsed } from "@/lib/validation/ratings";
import type { VersionChange } from "@/lib/version-change";

/**
 * The report meeting (述职评议会): the committee sets it up for a year (the
 * units whose secretaries report, who attends, and a window in which the
 * attendees rate in the app), records how each secretary reported (in
 * person or in writing) and the leader's comment on each (点评). An
 * attendee casts one democratic ballot (民主测评) per unit while the window
 * is open; it joins the ballots entered from paper in the unit's rating.
 */

export type MeetingSummary = { id: string; title: string; heldOn: Date; place: string; units: number; ballotOpensAt: Date | null; ballotClosesAt: Date | null };

/** Whether the meeting's ballot window is open at `now`. */
export function ballotOpen(meeting: { ballotOpensAt: Date | null; ballotClosesAt: Date | null }, now: Date): boolean {
  return meeting.ballotOpensAt !== null && meeting.ballotClosesAt !== null && meeting.ballotOpensAt <= now && now < meeting.ballotClosesAt;
}

/** The people the committee may ask to attend: active users holding a role on the committee's own organization or on one of `orgIds` (the year's rated units). */
export async function attendeeCandidates(actor: Actor, orgIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const committees = actor.grants.filter((g) => g.orgPath.split("/").filter(Boolean).length === 1).map((g) => g.orgId);
  return prisma.user.findMany({
    where: { isActive: true, roles: { some: { orgId: { in: [...committees, ...orgIds] } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** A meeting's setup as the committee may give it: the year not published, its units rated that year in reach, its attendees among the candidates. */
async function checkSetup(actor: Actor, periodId: string, input: Pick<TCreateMeetingParsed, "orgIds" | "attendeeIds">): Promise<void> {
  const scheme = await readScheme(prisma, periodId);
  if (scheme.publishedAt) throw new ValidationError("The year's results are published", { periodId: ["published"] });
  const rated = new Set((await ratedUnitList(actor, periodId)).map((u) => u.id));
  if (input.orgIds.some((id) => !rated.has(id))) throw new ValidationError("Only the year's rated units report", { orgIds: ["notInScope"] });
  const candidates = new Set((await attendeeCandidates(actor, [...rated])).map((u) => u.id));
  if (input.attendeeIds.some((id) => !candidates.has(id))) throw new ValidationError("Unknown attendee", { attendeeIds: ["notAttendee"] });
}

const auditedSetup = (input: Omit<TCreateMeetingParsed, "periodId">) =>
  ({ ...input, ballotOpensAt: input.ballotOpensAt?.toISOString() ?? null, ballotClosesAt: input.ballotClosesAt?.toISOString() ?? null }) as Prisma.InputJsonObject;

/** Sets up a year's report meeting. Answers its id. */
export async function createMeeting(actor: Actor, input: TCreateMeetingParsed): Promise<string> {
  if (!managesRatings(actor)) throw new NotFoundError();
  await checkSetup(actor, input.periodId, input);
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.reportMeeting.create({
      data: {
        periodId: input.periodId,
        title: input.title,
        heldOn: dayOf(input.heldOn),
        place: input.place,
        ballotOpensAt: input.ballotOpensAt ?? null,
        ballotClosesAt: input.ballotClosesAt ?? null,
        createdById: actor.id,
        reports: { create: [...new Set(input.orgIds)].map((orgId) => ({ orgId })) },
        attendees: { create: [...new Set(input.attendeeIds)].map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.meeting.create",
      entityType: "ReportMeeting",
      entityId: meeting.id,
      after: auditedSetup(input),
    });
    return meeting.id;
  });
}

/** The meeting, for its committee: one that manages ratings over every unit it lists. */
async function committeeMeeting(actor: Actor, meetingId: string) {
  const meeting = await prisma.reportMeeting.findUnique({
    where: { id: meetingId },
    select: { id: true, periodId: true, version: true, reports: { select: { orgId: true, mode: true, org: { select: { path: true } } } } },
  });
  if (!meeting || !managesRatings(actor) || !meeting.reports.every((r) => reachesPath(actor, "rating.manage", r.org.path))) throw new NotFoundError();
  return meeting;
}

/** Whether any attendee of the meeting has rated one of its units in the app. */
async function hasAppBallots(db: Prisma.TransactionClient, meetingId: string, periodId: string): Promise<boolean> {
  const found = await db.ratingEntry.findFirst({
    where: { periodId, source: "DEMOCRATIC", voter: { meetingsAttended: { some: { meetingId } } }, org: { meetingReports: { some: { meetingId } } } },
    select: { orgId: true },
  });
  return found !== null;
}

/**
 * Changes a meeting's setup until the year is published: its title, day,
 * place and window, its units and its attendees. A unit whose report is
 * already recorded stays on it; the ballots already cast stay in the rating.
 */
export async function updateMeeting(actor: Actor, input: TUpdateMeetingParsed): Promise<VersionChange> {
  const meeting = await committeeMeeting(actor, input.meetingId);
  await checkSetup(actor, meeting.periodId, input);
  const keep = new Set(input.orgIds);
  if (meeting.reports.some((r) => r.mode !== null && !keep.has(r.orgId))) throw new ValidationError("A unit that has reported stays", { orgIds: ["unitReported"] });
  const { meetingId: _id, expectedVersion, ...setup } = input;
  return prisma.$transaction(async (tx) =>
    writeVersioned(tx, {
      version: meeting.version,
      expected: expectedVersion,
      state: () => ({ version: meeting.version }),
      update: async (version) => {
        const result = await tx.reportMeeting.updateMany({
          where: { id: meeting.id, version },
          data: { title: setup.title, heldOn: dayOf(setup.heldOn), place: setup.place, ballotOpensAt: setup.ballotOpensAt ?? null, ballotClosesAt: setup.ballotClosesAt ?? null, version: { increment: 1 } },
        });
        if (result.count === 1) {
          await tx.meetingReport.deleteMany({ where: { meetingId: meeting.id, orgId: { notIn: [...keep] } } });
          await tx.meetingReport.createMany({ data: [...keep].map((orgId) => ({ meetingId: meeting.id, orgId })), skipDuplicates: true });
          await tx.meetingAttendee.deleteMany({ where: { meetingId: meeting.id } });
          await tx.meetingAttendee.createMany({ data: [...new Set(setup.attendeeIds)].map((userId) => ({ meetingId: meeting.id, userId })) });
        }
        return result;
      },
      audit: { actorId: actor.id, action: "rating.meeting.update", entityType: "ReportMeeting", entityId: meeting.id, after: auditedSetup(setup) },
    }),
  );
}

/** Removes a meeting set up by mistake: only while none of its units has reported and no attendee has rated in the app. */
export async function deleteMeeting(actor: Actor, input: { meetingId: string; expectedVersion: number }): Promise<void> {
  const meeting = await committeeMeeting(actor, input.meetingId);
  await prisma.$transaction(async (tx) => {
    if (meeting.reports.some((r) => r.mode !== null) || (await hasAppBallots(tx, meeting.id, meeting.periodId))) {
      throw new ValidationError("The meeting has been held", { meetingId: ["meetingHeld"] });
    }
    const { count } = await tx.reportMeeting.deleteMany({ where: { id: meeting.id, version: input.expectedVersion } });
    if (count !== 1) throw new ConflictError("The meeting was changed by someone else", { version: meeting.version });
    await writeAudit(tx, { actorId: actor.id, action: "rating.meeting.delete", entityType: "ReportMeeting", entityId: meeting.id, before: { version: meeting.version } });
  });
}

/** The committee records how a unit's secretary reported and the leader's comment; a later record replaces it (the audit log keeps each). */
export async function recordMeetingReport(actor: Actor, input: TRecordMeetingReport): Promise<void> {
  const meeting = await committeeMeeting(actor, input.meetingId);
  await prisma.$transaction(async (tx) => {
    // The year's lock and its checks, as every rating write: the unit rated, in reach, the year not published. A report is no rating: the scheme stays as it is.
    await openRatedWrite(tx, actor, "committee", meeting.periodId, input.orgId, { freeze: false });
    const data = { mode: input.mode as ReportMode, commentedBy: input.commentedBy || null, comment: input.comment || null };
    const { count } = await tx.meetingReport.updateMany({ where: { meetingId: meeting.id, orgId: input.orgId }, data });
    if (count === 0) throw new NotFoundError();
    await writeAudit(tx, { actorId: actor.id, action: "rating.meeting.report", entityType: "ReportMeeting", entityId: meeting.id, orgId: input.orgId, after: data });
  });
}

/**
 * An attendee's democratic ballot on one unit of the meeting, cast while
 * its window is open: once per attendee and unit, numbered after the
 * ballots already in (from paper or the app). Answers the ballot's number.
 */
export async function castMeetingBallot(actor: Actor, input: TCastMeetingBallot, now: Date = new Date()): Promise<number> {
  const meeting = await prisma.reportMeeting.findFirst({
    where: { id: input.meetingId, attendees: { some: { userId: actor.id } }, reports: { some: { orgId: input.orgId } } },
    select: { id: true, periodId: true, ballotOpensAt: true, ballotClosesAt: true },
  });
  if (!meeting) throw new NotFoundError();
  if (!ballotOpen(meeting, now)) throw new ValidationError("The ballot is not open", { meetingId: ["ballotClosed"] });
  return prisma.$transaction(async (tx) => {
    const { scheme } = await openRatedWrite(tx, actor, "attendee", meeting.periodId, input.orgId);
    const scores = checkScores(input.scores, scheme.config) as Prisma.InputJsonValue;
    // Under the year's lock: one attendee's two clicks go one after the other, and the second finds the first.
    const mine = await tx.ratingEntry.count({ where: { periodId: meeting.periodId, orgId: input.orgId, voterId: actor.id } });
    if (mine > 0) throw new ValidationError("Already rated", { meetingId: ["alreadyRated"] });
    const last = await tx.ratingEntry.aggregate({ where: { periodId: meeting.periodId, orgId: input.orgId, source: "DEMOCRATIC" }, _max: { ballot: true } });
    const ballot = (last._max.ballot ?? 0) + 1;
    await tx.ratingEntry.create({ data: { periodId: meeting.periodId, orgId: input.orgId, source: "DEMOCRATIC", ballot, scores, enteredById: actor.id, voterId: actor.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "rating.ballot.cast",
      entityType: "RatingEntry",
      entityId: `${meeting.periodId}/${input.orgId}/DEMOCRATIC/${ballot}`,
      orgId: input.orgId,
      after: { meetingId: meeting.id },
    });
    return ballot;
  });
}

/** A year's meetings the reader may see, earliest first: the committee's own (every unit in its reach), and the ones they attend. */
export async function listMeetings(actor: Actor, periodId: string): Promise<MeetingSummary[]> {
  const attends: Prisma.ReportMeetingWhereInput = { attendees: { some: { userId: actor.id } } };
  const ownsAll: Prisma.ReportMeetingWhereInput = { reports: { every: { org: orgScopeWhere(actor, "rating.manage") } } };
  const meetings = await prisma.reportMeeting.findMany({
    where: { periodId, OR: managesRatings(actor) ? [ownsAll, attends] : [attends] },
    select: { id: true, title: true, heldOn: true, place: true, ballotOpensAt: true, ballotClosesAt: true, _count: { select: { reports: true } } },
    orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
  });
  return meetings.map(({ _count, ...m }) => ({ ...m, units: _count.reports }));
}

/**
 * One meeting as the reader may see it: the committee, with every unit's
 * report, comment and ballot count, and the attendees; an attendee, with
 * the units and whether they have rated each. Anybody else: not found.
 */
export async function getMeeting(actor: Actor, meetingId: string) {
  const meeting = await prisma.reportMeeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      periodId: true,
      title: true,
      heldOn: true,
      place: true,
      ballotOpensAt: true,
      ballotClosesAt: true,
      version: true,
      period: { select: { year: true } },
      reports: {
        select: { orgId: true, mode: true, comment: true, commentedBy: true, org: { select: { name: true, nameEn: true, code: true, path: true } } },
        orderBy: { org: { code: "asc" } },
      },
      attendees: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!meeting) throw new NotFoundError();
  const committee = managesRatings(actor) && meeting.reports.every((r) => reachesPath(actor, "rating.manage", r.org.path));
  const attends = meeting.attendees.some((a) => a.user.id === actor.id);
  if (!committee && !attends) throw new NotFoundError();
  const orgIds = meeting.reports.map((r) => r.orgId);
  const [ballots, mine] = await Promise.all([
    committee
      ? prisma.ratingEntry.groupBy({ by: ["orgId"], where: { periodId: meeting.periodId, orgId: { in: orgIds }, source: "DEMOCRATIC" }, _count: { _all: true } })
      : Promise.resolve([]),
    prisma.ratingEntry.findMany({ where: { periodId: meeting.periodId, orgId: { in: orgIds }, voterId: actor.id }, select: { orgId: true } }),
  ]);
  const counted = new Map(ballots.map((b) => [b.orgId, b._count._all]));
  const rated = new Set(mine.map((m) => m.orgId));
  return {
    id: meeting.id,
    periodId: meeting.periodId,
    year: meeting.period.year,
    title: meeting.title,
    heldOn: meeting.heldOn,
    place: meeting.place,
    ballotOpensAt: meeting.ballotOpensAt,
    ballotClosesAt: meeting.ballotClosesAt,
    version: meeting.version,
    committee,
    attends,
    attendees: committee ? meeting.attendees.map((a) => a.user) : [],
    units: meeting.reports.map((r) => ({
      orgId: r.orgId,
      name: r.org.name,
      nameEn: r.org.nameEn,
      mode: committee ? r.mode : null,
      comment: committee ? r.comment : null,
      commentedBy: committee ? r.commentedBy : null,
      ballots: counted.get(r.orgId) ?? 0,
      ratedByMe: rated.has(r.orgId),
    })),
  };
}

export type MeetingPage = Awaited<ReturnType<typeof getMeeting>>;
