import "server-only";
import { redirect } from "next/navigation";
import type { Writable } from "node:stream";
import { dayOf, dayString, isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType, TourKind } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import { RATED_TYPES } from "@/lib/ratings/scheme";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { can } from "@/lib/server/access/permissions";
import { prisma } from "@/lib/server/db";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { findingOverdueSql } from "@/lib/server/inspections/finding-rules";
import { checkProblemCategories, createStandingRound, standingProblemsSelect, toStandingProblems } from "@/lib/server/inspections/standing-round";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import type { TProblemEntry, TRecordTourFeedback, TTourMeta } from "@/lib/validation/inspections";

/**
 * Top-down inspection feedback (巡视巡察整改). A provincial inspection tour
 * (巡视) or a lower committee's (巡察) hands a unit a list of problems
 * without any inspection group of the working committee's; the
 * committee's staff enter it. It stands on a round of its own (type TOUR)
 * whose issued report holds the problems as findings, so the unit
 * rectifies them to close-out as it does any finding, the committee
 * accepts them, they escalate when late, and the year's rating counts
 * them apart (the scheme's tourRectification indicator).
 *
 * The committee (inspection.oversee) enters feedback for the units in its
 * reach and sees it; a unit's secretaries and staff (finding.rectify) see
 * the feedback to their own organizations.
 */

/** The permissions that read feedback: the committee over it, or the unit answering it. */
const READ_PERMISSIONS = ["inspection.oversee", "finding.rectify"] as const;

function canRead(actor: Actor, path: string): boolean {
  return READ_PERMISSIONS.some((p) => reachesPath(actor, p, path));
}

function readPatterns(actor: Actor): string[] {
  return [...new Set(READ_PERMISSIONS.flatMap((p) => scopePatterns(actor, p)))];
}

/** Whether the actor enters feedback at all (the ledger's button). */
export function entersTourFeedback(actor: Actor): boolean {
  return can(actor, "inspection.oversee");
}

/**
 * Enters a tour's feedback received on `receivedOn` (today or before) by a
 * rated unit in the committee's reach: its round, issued at once with the
 * problems as findings, each due on its own deadline. The unit's
 * secretaries hear of it.
 */
export async function recordTourFeedback(actor: Actor, input: TRecordTourFeedback, now: Date = new Date()): Promise<{ tourId: string }> {
  const org = await prisma.org.findUnique({ where: { id: input.orgId }, select: { id: true, path: true, type: true, name: true, closedAt: true } });
  if (!org || !reachesPath(actor, "inspection.oversee", org.path)) throw new NotFoundError();
  if (!takesFeedback(org)) throw new ValidationError("Feedback goes to a unit", { orgId: ["notRated"] });
  checkReceived(input, now);
  await checkProblemCategories(prisma, input.problems, "problems");
  return prisma.$transaction(async (tx) => ({ tourId: await writeTourFeedback(tx, actor, org, input, input.problems, now) }));
}

/** Whether the actor adds files to the feedback of the unit at `path` (its document): the committee that enters feedback for it. */
function addsTourFiles(actor: Actor, path: string): boolean {
  return reachesPath(actor, "inspection.oversee", path);
}

/** The unit of a feedback the actor adds files to (addsTourFiles). */
export async function tourTakingFiles(db: Prisma.TransactionClient, actor: Actor, tourId: string): Promise<string> {
  const tour = await db.tourFeedback.findUnique({ where: { id: tourId }, select: { orgId: true, org: { select: { path: true } } } });
  if (!tour || !canRead(actor, tour.org.path)) throw new NotFoundError();
  if (!addsTourFiles(actor, tour.org.path)) throw new DomainError("forbidden", "The feedback's files come from the committee that entered it");
  return tour.orgId;
}

/** Whether an organization takes a tour's feedback: a unit or branch of a rated kind, open. */
export function takesFeedback(org: { type: OrgType; closedAt: Date | null }): boolean {
  return (RATED_TYPES as readonly string[]).includes(org.type) && !org.closedAt;
}

/** Refuses feedback received after today. */
export function checkReceived(meta: Pick<TTourMeta, "receivedOn">, now: Date): void {
  if (dayOf(meta.receivedOn) > today(now)) throw new ValidationError("Feedback is entered once received", { receivedOn: ["receivedInFuture"] });
}

/**
 * Writes one unit's feedback, checked: its round (type TOUR) issued at once
 * with the problems as findings, the feedback's record, the audit row, and
 * the notice to the unit's secretaries. Answers the feedback's id.
 */
export async function writeTourFeedback(
  tx: Prisma.TransactionClient,
  actor: Actor,
  org: { id: string; path: string },
  meta: TTourMeta,
  problems: readonly TProblemEntry[],
  now: Date,
): Promise<string> {
  const input = { ...meta, orgId: org.id, problems };
  const { roundId, reportId } = await createStandingRound(
    tx,
    actor,
    { type: "TOUR", title: `${input.tourName} 反馈 ${input.receivedOn}`, org, day: input.receivedOn, summary: input.summary, problems: input.problems },
    now,
  );
  const tour = await tx.tourFeedback.create({
    data: {
      roundId,
      orgId: org.id,
      kind: input.kind,
      tourName: input.tourName,
      receivedOn: dayOf(input.receivedOn),
      documentNo: input.documentNo ?? "",
      summary: input.summary,
      recordedById: actor.id,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "tour.record",
    entityType: "TourFeedback",
    entityId: tour.id,
    orgId: org.id,
    after: { ...input, roundId } as unknown as Prisma.InputJsonObject,
  });
  await notify(tx, {
    kind: "TOUR_FEEDBACK_RECORDED",
    userIds: await holdersOf(tx, org.id, "report.notice"),
    reportId,
    actorId: actor.id,
    payload: { tourName: input.tourName, problems: input.problems.length },
  });
  return tour.id;
}

/** A feedback's problems in words: how many, how many closed out, how many open past their deadline. */
export type ProblemTally = { total: number; closed: number; overdue: number };

export type TourRow = {
  id: string;
  orgId: string;
  org: string;
  orgEn: string | null;
  orgType: OrgType;
  kind: TourKind;
  tourName: string;
  receivedOn: Date;
  documentNo: string;
  tally: ProblemTally;
};

type RawTourRow = Omit<TourRow, "tally"> & { total: bigint; closed: bigint; overdue: bigint };

export const TOURS_PAGE_SIZE = 50;

/** A year's feedback the reader sees, newest first, a page at a time, with the problems' tally. */
export async function listTourFeedback(actor: Actor, options: { year: number; page?: number; all?: boolean }, now: Date = new Date()): Promise<{ rows: TourRow[]; total: number }> {
  const page = options.page ?? 1;
  const limit = options.all ? Prisma.empty : Prisma.sql`LIMIT ${TOURS_PAGE_SIZE} OFFSET ${(page - 1) * TOURS_PAGE_SIZE}`;
  const where = Prisma.sql`${pathUnderSql(Prisma.sql`o."path"`, readPatterns(actor))}
       AND t."receivedOn" BETWEEN ${`${options.year}-01-01`}::date AND ${`${options.year}-12-31`}::date`;
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<RawTourRow[]>`
      SELECT t."id", t."orgId", o."name" AS org, o."nameEn" AS "orgEn", o."type" AS "orgType", t."kind", t."tourName",
             t."receivedOn", t."documentNo",
             count(f."id") AS total,
             count(f."id") FILTER (WHERE f."state" = 'CLOSED') AS closed,
             count(f."id") FILTER (WHERE ${findingOverdueSql(today(now))}) AS overdue
        FROM "TourFeedback" t
        JOIN "Org" o ON o."id" = t."orgId"
        LEFT JOIN "Finding" f ON f."roundId" = t."roundId"
       WHERE ${where}
       GROUP BY t."id", o."id"
       ORDER BY t."receivedOn" DESC, t."createdAt" DESC
       ${limit}`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TourFeedback" t JOIN "Org" o ON o."id" = t."orgId" WHERE ${where}`,
  ]);
  return {
    rows: rows.map(({ total, closed, overdue, ...rest }) => ({ ...rest, tally: { total: Number(total), closed: Number(closed), overdue: Number(overdue) } })),
    total: Number(count[0]?.n ?? 0),
  };
}

/** One feedback with its problems, for a reader whose scope covers its unit; else not found. */
export async function getTourFeedback(actor: Actor, tourId: string) {
  const tour = await prisma.tourFeedback.findUnique({
    where: { id: tourId },
    select: {
      id: true,
      kind: true,
      tourName: true,
      receivedOn: true,
      documentNo: true,
      summary: true,
      createdAt: true,
      recordedBy: { select: { name: true } },
      org: { select: { id: true, name: true, nameEn: true, path: true } },
      round: {
        select: {
          reports: { select: { id: true } },
          findings: standingProblemsSelect,
        },
      },
    },
  });
  if (!tour || !canRead(actor, tour.org.path)) throw new NotFoundError();
  const { round, ...rest } = tour;
  return { ...rest, reportId: round.reports[0]!.id, problems: toStandingProblems(round.findings), canAddFiles: addsTourFiles(actor, tour.org.path) };
}

export type TourFeedbackPage = Awaited<ReturnType<typeof getTourFeedback>>;

/** A TOUR round's report and round pages (where its notice and its findings lead) redirect to the feedback they stand for. */
export async function redirectToTour(roundId: string): Promise<void> {
  const tour = await prisma.tourFeedback.findUnique({ where: { roundId }, select: { id: true } });
  if (tour) redirect(`/inspections/tours/${tour.id}`);
}

/** A year's feedback the reader sees, as the ledger lists it, as an .xlsx; answers how many rows it wrote. */
export async function writeTourWorkbook(actor: Actor, year: number, output: Writable, options: { t: Translate; locale: string; now?: Date }): Promise<number> {
  const { t, locale, now } = options;
  const { rows } = await listTourFeedback(actor, { year, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`inspections.tour.export.columns.${key}`) });
  await writeLedgerWorkbook(
    output,
    { sheet: t("inspections.tour.export.sheet"), title: `${t("inspections.tour.export.title", { year })} · ${t("ratings.export.exportedOn", { date: dayString(now) })}` },
    [column("receivedOn", 12), column("org", 30), column("kind", 10), column("tourName", 24, true), column("documentNo", 24), column("problems", 10), column("closed", 10), column("overdue", 10)],
    rows.map((r) => ({
      receivedOn: isoDay(r.receivedOn),
      org: localized(r.org, r.orgEn, locale),
      kind: t(`inspections.tour.kind.${r.kind}`),
      tourName: r.tourName,
      documentNo: r.documentNo,
      problems: r.tally.total,
      closed: r.tally.closed,
      overdue: r.tally.overdue,
    })),
  );
  return rows.length;
}
