import "server-only";
import type { Writable } from "node:stream";
import { currentYear, dayOf, dayString, isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { MEETING_KINDS, missingMeetings, quarterDays, REQUIRED_PER_QUARTER, type MeetingKind } from "@/lib/grading/meetings";
import { GRADED_TYPES } from "@/lib/grading/scheme";
import { localized } from "@/lib/org-label";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { addEvidence } from "@/lib/server/evidence/write-evidence";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import type { TCorrectMeeting, TMeetingEvidence, TMeetingQuery, TRecordMeeting, TRemoveMeeting } from "@/lib/validation/grading";
import type { VersionChange } from "@/lib/version-change";

/**
 * Organizational life (三会一课). A branch's secretaries and staff, or
 * those of the party committee above it (meeting.record), record the
 * meetings it held; readers of the grades (grading.read) see them. A
 * quarter's records show which required meetings are missing
 * (lib/grading/meetings.ts says how many of each), per branch and over a
 * subtree; a record can be brought to one of the branch's duties as its
 * evidence, so that the duty is ticked off from the record.
 */

type Branch = { id: string; path: string; name: string; nameEn: string | null; closedAt: Date | null };

async function readableBranch(actor: Actor, orgId: string): Promise<Branch> {
  assertId(orgId);
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, name: true, nameEn: true, closedAt: true } });
  if (!org || !(GRADED_TYPES as readonly string[]).includes(org.type) || !reachesPath(actor, "grading.read", org.path)) throw new NotFoundError();
  return org;
}

function recordsFor(actor: Actor, path: string): boolean {
  return reachesPath(actor, "meeting.record", path);
}

/** Refuses a meeting day still to come: a meeting is recorded once held. */
function checkHeld(heldOn: string, now: Date): void {
  if (dayOf(heldOn) > today(now)) throw new ValidationError("A meeting is recorded once held", { heldOn: ["heldInFuture"] });
}

/** A meeting's columns as recorded or corrected: everything but the branch. */
function meetingColumns(input: Omit<TRecordMeeting, "orgId">) {
  return {
    kind: input.kind,
    heldOn: dayOf(input.heldOn),
    topic: input.topic,
    attendees: input.attendees,
    attendedCount: Number(input.attendedCount),
    absentees: input.absentees as unknown as Prisma.InputJsonArray,
    minutes: input.minutes,
  };
}

/** A branch records a meeting held on a day gone by (or today); answers its id. */
export async function recordMeeting(actor: Actor, input: TRecordMeeting, now: Date = new Date()): Promise<{ meetingId: string }> {
  const org = await readableBranch(actor, input.orgId);
  if (!recordsFor(actor, org.path)) throw new NotFoundError();
  if (org.closedAt) throw new ValidationError("A closed branch holds no meetings", { orgId: ["orgClosed"] });
  checkHeld(input.heldOn, now);
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.branchMeeting.create({ data: { orgId: org.id, ...meetingColumns(input), recordedById: actor.id }, select: { id: true } });
    await writeAudit(tx, { actorId: actor.id, action: "meeting.record", entityType: "BranchMeeting", entityId: meeting.id, orgId: org.id, after: input as unknown as Prisma.InputJsonObject });
    return { meetingId: meeting.id };
  });
}

const meetingRecordSelect = {
  id: true,
  orgId: true,
  version: true,
  kind: true,
  heldOn: true,
  topic: true,
  attendees: true,
  attendedCount: true,
  absentees: true,
  minutes: true,
  org: { select: { path: true } },
} as const;

/** The meeting for a change (a correction, a removal, a file) by those who record the branch's meetings: not found to a stranger, refused to its other readers. */
async function writableMeeting(tx: Prisma.TransactionClient, actor: Actor, meetingId: string) {
  assertId(meetingId);
  const meeting = await tx.branchMeeting.findUnique({ where: { id: meetingId }, select: meetingRecordSelect });
  if (!meeting || !reachesPath(actor, "grading.read", meeting.org.path)) throw new NotFoundError();
  if (!recordsFor(actor, meeting.org.path)) throw new DomainError("forbidden", "A meeting's record is kept by those who record the branch's meetings");
  return meeting;
}

/** The branch of a meeting the actor adds files to (minutes, photographs, sign-in sheets): those who change its record. */
export async function meetingTakingFiles(db: Prisma.TransactionClient, actor: Actor, meetingId: string): Promise<string> {
  return (await writableMeeting(db, actor, meetingId)).orgId;
}

/** What the audit log keeps of a meeting's record. */
function recordOf(m: Prisma.BranchMeetingGetPayload<{ select: typeof meetingRecordSelect }>): Prisma.InputJsonObject {
  return { kind: m.kind, heldOn: isoDay(m.heldOn), topic: m.topic, attendees: m.attendees, attendedCount: m.attendedCount, absentees: m.absentees as Prisma.InputJsonArray, minutes: m.minutes };
}

/** Those who record a branch's meetings correct a record, against the version they saw; the audit log keeps what it said before. */
export async function correctMeeting(actor: Actor, input: TCorrectMeeting, now: Date = new Date()): Promise<VersionChange> {
  checkHeld(input.heldOn, now);
  return prisma.$transaction(async (tx) => {
    const meeting = await writableMeeting(tx, actor, input.meetingId);
    const corrected = meetingColumns(input);
    return writeVersioned(tx, {
      version: meeting.version,
      expected: input.expectedVersion,
      state: () => ({ version: meeting.version }),
      update: (version) => tx.branchMeeting.updateMany({ where: { id: meeting.id, version }, data: { ...corrected, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: "meeting.correct",
        entityType: "BranchMeeting",
        entityId: meeting.id,
        orgId: meeting.orgId,
        before: recordOf(meeting),
        after: { ...corrected, heldOn: input.heldOn },
      },
    });
  });
}

/**
 * Those who record a branch's meetings remove a meeting recorded by
 * mistake, with the reason, against the version they saw. Its files stay
 * the branch's evidence; evidence brought from it to a duty stays too.
 */
export async function removeMeeting(actor: Actor, input: TRemoveMeeting): Promise<{ orgId: string }> {
  return prisma.$transaction(async (tx) => {
    const meeting = await writableMeeting(tx, actor, input.meetingId);
    await checkVersion(meeting.version, input.expectedVersion, () => ({ version: meeting.version }));
    const removed = await tx.branchMeeting.deleteMany({ where: { id: meeting.id, version: meeting.version } });
    if (removed.count === 0) throw new ConflictError("The record was changed by someone else", { version: meeting.version });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "meeting.remove",
      entityType: "BranchMeeting",
      entityId: meeting.id,
      orgId: meeting.orgId,
      before: recordOf(meeting),
      after: { reason: input.reason },
    });
    return { orgId: meeting.orgId };
  });
}

/** A branch's meetings of a quarter with what is missing, and whether the reader records them. */
export async function branchMeetings(actor: Actor, orgId: string, year: number, quarter: number) {
  const org = await readableBranch(actor, orgId);
  const { from, to } = quarterDays(year, quarter);
  const meetings = await prisma.branchMeeting.findMany({
    where: { orgId: org.id, heldOn: { gte: dayOf(from), lte: dayOf(to) } },
    orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
    select: { id: true, kind: true, heldOn: true, topic: true, attendedCount: true },
  });
  const held: Partial<Record<MeetingKind, number>> = {};
  for (const m of meetings) held[m.kind] = (held[m.kind] ?? 0) + 1;
  return { org, meetings, held, missing: missingMeetings(held), canRecord: recordsFor(actor, org.path) && !org.closedAt };
}

/** One meeting's record, for a reader whose scope covers its branch; with the branch's open duties it may be brought to. */
export async function getMeeting(actor: Actor, meetingId: string) {
  assertId(meetingId);
  const meeting = await prisma.branchMeeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      kind: true,
      heldOn: true,
      topic: true,
      attendees: true,
      attendedCount: true,
      absentees: true,
      minutes: true,
      version: true,
      createdAt: true,
      recordedBy: { select: { name: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true } },
    },
  });
  if (!meeting || !reachesPath(actor, "grading.read", meeting.org.path)) throw new NotFoundError();
  const canRecord = recordsFor(actor, meeting.org.path);
  const year = meeting.heldOn.getUTCFullYear();
  // The branch's duties of the meeting's year still to do: the record may stand as their evidence.
  const duties = reachesPath(actor, "checklist.work", meeting.org.path)
    ? await prisma.checklistItem.findMany({
        where: { orgId: meeting.org.id, period: { year }, status: { in: ["NOT_STARTED", "IN_PROGRESS", "RETURNED"] } },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: 100,
        select: { id: true, dueDate: true, duty: { select: { title: true, titleEn: true } } },
      })
    : [];
  const absentees = Array.isArray(meeting.absentees) ? (meeting.absentees as { name: string; reason: string }[]) : [];
  return { ...meeting, absentees, canRecord, duties };
}

/**
 * Brings a meeting's record to one of its branch's duties as text evidence
 * (the kind, the day, the topic, the attendance, the absences and the
 * minutes), with the rules of any evidence: the actor works the item.
 */
export async function bringMeetingToDuty(actor: Actor, input: TMeetingEvidence, words: { t: Translate }): Promise<{ evidenceId: string }> {
  const meeting = await getMeeting(actor, input.meetingId);
  assertId(input.itemId);
  const item = await prisma.checklistItem.findUnique({ where: { id: input.itemId }, select: { orgId: true } });
  if (!item || item.orgId !== meeting.org.id) throw new ValidationError("A duty of the meeting's branch", { itemId: ["notBranchDuty"] });
  const { t } = words;
  const kind = t(`meetings.kind.${meeting.kind}`);
  const lines = [
    `${kind} · ${isoDay(meeting.heldOn)} · ${meeting.topic}`,
    t("meetings.evidence.attended", { count: meeting.attendedCount, names: meeting.attendees }),
    ...(meeting.absentees.length > 0 ? [t("meetings.evidence.absent", { names: meeting.absentees.map((a) => t("meetings.absentWhy", a)).join(t("meetings.listSeparator")) })] : []),
    meeting.minutes,
  ];
  return addEvidence(actor, { kind: "TEXT", itemId: input.itemId, title: `${kind} ${isoDay(meeting.heldOn)}`.slice(0, 200), text: lines.join("\n").slice(0, 4000) });
}

export type MeetingRow = { orgId: string; name: string; nameEn: string | null; unit: string; unitEn: string | null; held: Record<MeetingKind, number>; missing: number };

export const MEETINGS_PAGE_SIZE = 50;

/**
 * A quarter's organizational life over the reader's branches (or one
 * subtree's): each branch's meetings held of each kind and how many are
 * missing in all, the most missing first; `missing` keeps those with any.
 * With the count of branches missing a meeting and of all.
 */
export async function meetingTally(actor: Actor, query: TMeetingQuery & { all?: boolean }, now: Date = new Date()) {
  const year = query.year ?? currentYear(now);
  const quarter = query.quarter ?? Math.floor(today(now).getUTCMonth() / 3) + 1;
  const { from, to } = quarterDays(year, quarter);
  let root: { id: string; name: string; nameEn: string | null; path: string } | null = null;
  if (query.root) {
    assertId(query.root);
    root = await prisma.org.findUnique({ where: { id: query.root }, select: { id: true, name: true, nameEn: true, path: true } });
    if (!root || !reachesPath(actor, "grading.read", root.path)) throw new NotFoundError();
  }
  const counts = MEETING_KINDS.map((k) => Prisma.sql`count(m."id") FILTER (WHERE m."kind" = ${k}::"BranchMeetingKind")::int AS ${Prisma.raw(`"${k}"`)}`);
  const missing = Prisma.join(
    MEETING_KINDS.map((k) => Prisma.sql`GREATEST(0, ${REQUIRED_PER_QUARTER[k]}::int - count(m."id") FILTER (WHERE m."kind" = ${k}::"BranchMeetingKind")::int)`),
    " + ",
  );
  const base = Prisma.sql`
    FROM "Org" o
    JOIN "Org" u ON u."id" = coalesce(nullif(split_part(btrim(o."path", '/'), '/', 2), ''), o."id")
    LEFT JOIN "BranchMeeting" m ON m."orgId" = o."id" AND m."heldOn" BETWEEN ${from}::date AND ${to}::date
    WHERE o."type"::text = ANY (${[...GRADED_TYPES]}::text[]) AND o."closedAt" IS NULL
      AND ${pathUnderSql(Prisma.sql`o."path"`, scopePatterns(actor, "grading.read"))}
      ${root ? Prisma.sql`AND o."path" LIKE ${`${root.path}%`}` : Prisma.empty}
    GROUP BY o."id", u."id"`;
  const page = query.page ?? 1;
  const [rows, totals] = await Promise.all([
    prisma.$queryRaw<(Record<MeetingKind, number> & { orgId: string; name: string; nameEn: string | null; unit: string; unitEn: string | null; missing: number })[]>`
      SELECT * FROM (
        SELECT o."id" AS "orgId", o."name", o."nameEn", u."name" AS unit, u."nameEn" AS "unitEn", o."path", ${Prisma.join(counts, ", ")}, (${missing})::int AS missing
        ${base}) b
      ${query.missing ? Prisma.sql`WHERE b.missing > 0` : Prisma.empty}
      ORDER BY b.missing DESC, b."path"
      ${query.all ? Prisma.empty : Prisma.sql`LIMIT ${MEETINGS_PAGE_SIZE} OFFSET ${(page - 1) * MEETINGS_PAGE_SIZE}`}`,
    prisma.$queryRaw<{ branches: bigint; short: bigint }[]>`
      SELECT count(*) AS branches, count(*) FILTER (WHERE b.missing > 0) AS short
        FROM (SELECT (${missing})::int AS missing ${base}) b`,
  ]);
  const branches = Number(totals[0]?.branches ?? 0);
  const short = Number(totals[0]?.short ?? 0);
  return {
    year,
    quarter,
    root,
    rows: rows.map((r): MeetingRow => ({
      orgId: r.orgId,
      name: r.name,
      nameEn: r.nameEn,
      unit: r.unit,
      unitEn: r.unitEn,
      held: Object.fromEntries(MEETING_KINDS.map((k) => [k, Number(r[k])])) as Record<MeetingKind, number>,
      missing: Number(r.missing),
    })),
    total: query.missing ? short : branches,
    branches,
    short,
  };
}

/** The quarter's tally as the page lists it, as an .xlsx; answers how many rows it wrote. */
export async function writeMeetingWorkbook(actor: Actor, query: TMeetingQuery, output: Writable, words: { t: Translate; locale: string; now?: Date }): Promise<number> {
  const { t, locale, now } = words;
  const result = await meetingTally(actor, { ...query, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`meetings.export.columns.${key}`) });
  await writeLedgerWorkbook(
    output,
    { sheet: t("meetings.export.sheet"), title: `${t("meetings.export.title", { year: result.year, quarter: result.quarter })} · ${t("grading.export.exportedOn", { date: dayString(now) })}` },
    [column("branch", 40, true), column("unit", 30), ...MEETING_KINDS.map((k) => ({ key: k, width: 12, wrap: false, header: `${t(`meetings.kind.${k}`)}（${REQUIRED_PER_QUARTER[k]}）` })), column("missing", 10)],
    result.rows.map((r) => ({ branch: localized(r.name, r.nameEn, locale), unit: localized(r.unit, r.unitEn, locale), ...r.held, missing: r.missing })),
  );
  return result.rows.length;
}
