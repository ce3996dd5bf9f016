import "server-only";
import { redirect } from "next/navigation";
import { dayOf, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, TalkTrigger } from "@/lib/generated/prisma/enums";
import { RATED_TYPES } from "@/lib/ratings/scheme";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { findingOverdueSql } from "@/lib/server/inspections/finding-rules";
import { checkProblemCategories, createStandingRound, standingProblemsSelect, toStandingProblems } from "@/lib/server/inspections/standing-round";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import { managesRatings } from "@/lib/server/ratings/schemes";
import type { TRecordAdmonitoryTalk, TTalkFollowUp } from "@/lib/validation/ratings";
import type { VersionChange } from "@/lib/version-change";

/**
 * The admonitory talks ledger (约谈台账). The committee records a talk it
 * held with a unit's leadership: what led to it, who talked with whom, the
 * issues raised and the commitments made, each with a deadline. The talk
 * stands on a round of its own (type TALK) with one issued report, whose
 * findings are the commitments: the unit rectifies them on the findings'
 * engine (measures, progress with evidence, acceptance by the committee,
 * escalation when late), and they count in the year's rectification like
 * any finding. The committee then records its follow-up (回访).
 *
 * The committee (rating.manage at a tree's top) records and follows up
 * talks in its reach; a unit's readers (rating.read) see the talks on
 * their own organization.
 */

/** A talk's commitments in words: how many there are, how many are closed out and how many are open past their deadline. */
export type CommitmentTally = { total: number; closed: number; overdue: number };

/**
 * Whether a talk waits for the committee's follow-up: none recorded yet,
 * and its commitments are all closed out or the last of their deadlines
 * has passed (a talk without commitments is followed up at once).
 */
export function dueForFollowUp(talk: { followUpOn: Date | null; lastDeadline: Date | null; tally: CommitmentTally }, day: Date): boolean {
  if (talk.followUpOn) return false;
  if (talk.tally.closed === talk.tally.total) return true;
  return talk.lastDeadline !== null && talk.lastDeadline < day;
}

async function committeeReach(actor: Actor, orgId: string) {
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, name: true, closedAt: true } });
  if (!org || !managesRatings(actor) || !reachesPath(actor, "rating.manage", org.path)) throw new NotFoundError();
  return org;
}

/**
 * Records a talk held on `talkedOn` (today or before) with a rated unit in
 * the committee's reach: its round, issued at once with the commitments as
 * findings, each due on its own deadline. The unit's secretaries hear of it.
 */
export async function recordAdmonitoryTalk(actor: Actor, input: TRecordAdmonitoryTalk, now: Date = new Date()): Promise<{ talkId: string }> {
  const org = await committeeReach(actor, input.orgId);
  if (!(RATED_TYPES as readonly string[]).includes(org.type) || org.closedAt) throw new ValidationError("Talks are held with rated units", { orgId: ["notRated"] });
  const talkedOn = dayOf(input.talkedOn);
  if (talkedOn > today(now)) throw new ValidationError("A talk is recorded once held", { talkedOn: ["talkInFuture"] });
  await checkProblemCategories(prisma, input.commitments, "commitments");

  return prisma.$transaction(async (tx) => {
    const { roundId, reportId } = await createStandingRound(
      tx,
      actor,
      { type: "TALK", title: `${org.name} 约谈 ${input.talkedOn}`, org, day: input.talkedOn, summary: input.issues, problems: input.commitments },
      now,
    );
    const talk = await tx.admonitoryTalk.create({
      data: {
        roundId,
        orgId: org.id,
        trigger: input.trigger,
        triggerNote: input.triggerNote,
        talkedOn,
        talkedBy: input.talkedBy,
        talkedWith: input.talkedWith,
        issues: input.issues,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "talk.record",
      entityType: "AdmonitoryTalk",
      entityId: talk.id,
      orgId: org.id,
      after: { ...input, roundId } as unknown as Prisma.InputJsonObject,
    });
    await notify(tx, {
      kind: "TALK_RECORDED",
      userIds: await holdersOf(tx, org.id, "report.notice"),
      reportId,
      actorId: actor.id,
      payload: { talkedOn: input.talkedOn, commitments: input.commitments.length },
    });
    return { talkId: talk.id };
  });
}

/** The committee records its follow-up of a talk, against the version it saw; a later one replaces it (the audit log keeps each). */
export async function saveTalkFollowUp(actor: Actor, input: TTalkFollowUp, now: Date = new Date()): Promise<VersionChange> {
  const talk = await prisma.admonitoryTalk.findUnique({ where: { id: input.talkId }, select: { id: true, orgId: true, talkedOn: true } });
  if (!talk) throw new NotFoundError();
  await committeeReach(actor, talk.orgId);
  const followUpOn = dayOf(input.followUpOn);
  if (followUpOn < talk.talkedOn) throw new ValidationError("The follow-up comes after the talk", { followUpOn: ["followUpBeforeTalk"] });
  if (followUpOn > today(now)) throw new ValidationError("A follow-up is recorded once made", { followUpOn: ["talkInFuture"] });
  return prisma.$transaction(async (tx) => {
    const current = await tx.admonitoryTalk.findUniqueOrThrow({ where: { id: talk.id }, select: { version: true } });
    return writeVersioned(tx, {
      version: current.version,
      expected: input.expectedVersion,
      state: () => ({ version: current.version }),
      update: (version) =>
        tx.admonitoryTalk.updateMany({ where: { id: talk.id, version }, data: { followUp: input.followUp, followUpOn, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: "talk.followUp",
        entityType: "AdmonitoryTalk",
        entityId: talk.id,
        orgId: talk.orgId,
        after: { followUp: input.followUp, followUpOn: input.followUpOn },
      },
    });
  });
}

/** The organizations whose talks the reader sees: the committee's reach, or a unit reader's own organizations. */
function readPatterns(actor: Actor): string[] {
  return scopePatterns(actor, managesRatings(actor) ? "rating.manage" : "rating.read");
}

export type TalkRow = {
  id: string;
  orgId: string;
  org: string;
  orgEn: string | null;
  orgType: OrgType;
  trigger: TalkTrigger;
  triggerNote: string;
  talkedOn: Date;
  talkedBy: string;
  talkedWith: string;
  followUpOn: Date | null;
  lastDeadline: Date | null;
  tally: CommitmentTally;
  dueForFollowUp: boolean;
};

type RawTalkRow = Omit<TalkRow, "tally" | "dueForFollowUp"> & { total: bigint; closed: bigint; overdue: bigint };

function talkRowsSql(where: Prisma.Sql, day: Date, limit: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT t."id", t."orgId", o."name" AS org, o."nameEn" AS "orgEn", o."type" AS "orgType", t."trigger", t."triggerNote",
           t."talkedOn", t."talkedBy", t."talkedWith", t."followUpOn",
           max(f."deadline") AS "lastDeadline",
           count(f."id") AS total,
           count(f."id") FILTER (WHERE f."state" = 'CLOSED') AS closed,
           count(f."id") FILTER (WHERE ${findingOverdueSql(day)}) AS overdue
      FROM "AdmonitoryTalk" t
      JOIN "Org" o ON o."id" = t."orgId"
      LEFT JOIN "Finding" f ON f."roundId" = t."roundId"
     WHERE ${where}
     GROUP BY t."id", o."id"
     ORDER BY t."talkedOn" DESC, t."createdAt" DESC
     ${limit}`;
}

function toTalkRow(row: RawTalkRow, day: Date): TalkRow {
  const { total, closed, overdue, ...rest } = row;
  const tally = { total: Number(total), closed: Number(closed), overdue: Number(overdue) };
  return { ...rest, tally, dueForFollowUp: dueForFollowUp({ followUpOn: row.followUpOn, lastDeadline: row.lastDeadline, tally }, day) };
}

export const TALKS_PAGE_SIZE = 50;

/**
 * A year's talks the reader sees, newest first, a page at a time, with
 * their commitments' tally and whether each waits for its follow-up.
 */
export async function listAdmonitoryTalks(actor: Actor, options: { year: number; page?: number }, now: Date = new Date()): Promise<{ rows: TalkRow[]; total: number }> {
  const page = options.page ?? 1;
  const where = Prisma.sql`${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}
       AND t."talkedOn" BETWEEN ${`${options.year}-01-01`}::date AND ${`${options.year}-12-31`}::date`;
  const day = today(now);
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<RawTalkRow[]>(talkRowsSql(where, day, Prisma.sql`LIMIT ${TALKS_PAGE_SIZE} OFFSET ${(page - 1) * TALKS_PAGE_SIZE}`)),
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AdmonitoryTalk" t JOIN "Org" o ON o."id" = t."orgId" WHERE ${where}`,
  ]);
  return { rows: rows.map((r) => toTalkRow(r, day)), total: Number(count[0]?.n ?? 0) };
}

/** The talks on one organization the reader may see, newest first (the unit's page). */
export async function talksOfOrg(actor: Actor, orgId: string, now: Date = new Date()): Promise<TalkRow[]> {
  const day = today(now);
  const rows = await prisma.$queryRaw<RawTalkRow[]>(talkRowsSql(Prisma.sql`t."orgId" = ${orgId} AND ${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}`, day));
  return rows.map((r) => toTalkRow(r, day));
}

/** The talks that wait for the committee's follow-up, oldest first: the cockpit's reminder. */
export async function talksDueForFollowUp(actor: Actor, now: Date = new Date()): Promise<TalkRow[]> {
  const day = today(now);
  const rows = await prisma.$queryRaw<RawTalkRow[]>(
    talkRowsSql(Prisma.sql`t."followUpOn" IS NULL AND ${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}`, day),
  );
  return rows
    .map((r) => toTalkRow(r, day))
    .filter((r) => r.dueForFollowUp)
    .reverse();
}

/** How many talks each year held, by the type of organization talked with: the ledger's count per level and year. */
export async function countAdmonitoryTalks(actor: Actor): Promise<{ year: number; orgType: OrgType; talks: number }[]> {
  const rows = await prisma.$queryRaw<{ year: number; orgType: OrgType; talks: bigint }[]>`
    SELECT extract(year FROM t."talkedOn")::int AS year, o."type" AS "orgType", count(*) AS talks
      FROM "AdmonitoryTalk" t
      JOIN "Org" o ON o."id" = t."orgId"
     WHERE ${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}
     GROUP BY 1, 2
     ORDER BY 1 DESC, 2`;
  return rows.map((r) => ({ ...r, talks: Number(r.talks) }));
}

/** One talk with its commitments, for a reader whose scope covers its organization; else not found. */
export async function getAdmonitoryTalk(actor: Actor, talkId: string) {
  const talk = await prisma.admonitoryTalk.findUnique({
    where: { id: talkId },
    select: {
      id: true,
      roundId: true,
      trigger: true,
      triggerNote: true,
      talkedOn: true,
      talkedBy: true,
      talkedWith: true,
      issues: true,
      followUp: true,
      followUpOn: true,
      version: true,
      createdAt: true,
      recordedBy: { select: { name: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true } },
      round: {
        select: {
          scopeOrg: { select: { name: true, nameEn: true } },
          reports: { select: { id: true } },
          findings: standingProblemsSelect,
        },
      },
    },
  });
  if (!talk) throw new NotFoundError();
  const committee = managesRatings(actor) && reachesPath(actor, "rating.manage", talk.org.path);
  if (!committee && !reachesPath(actor, "rating.read", talk.org.path)) throw new NotFoundError();
  const commitments = toStandingProblems(talk.round.findings);
  const { round, ...rest } = talk;
  return { ...rest, committee: round.scopeOrg, reportId: round.reports[0]!.id, commitments, canFollowUp: committee };
}

export type AdmonitoryTalkPage = Awaited<ReturnType<typeof getAdmonitoryTalk>>;

/** A TALK round's report and round pages (where its notice and its commitments lead) redirect to the talk they stand for. */
export async function redirectToTalk(roundId: string): Promise<void> {
  const talk = await prisma.admonitoryTalk.findUnique({ where: { roundId }, select: { id: true } });
  if (talk) redirect(`/ratings/talks/${talk.id}`);
}
