import { isoDay, today } from "@/lib/dates";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { OPEN_STATUSES } from "@/lib/item-status";
import { rolesOf } from "@/lib/server/access/permissions";
import { SQL_NEW_ID } from "@/lib/server/db/ids";
import { findingWarningSql, itemWarningSql, warningThresholds, type WarningThresholds } from "@/lib/warnings";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

/** Open items looked at per statement: a few round trips for a province's 100k items, none holding much. */
export const WARNING_BATCH_SIZE = 5000;

/** A new id made in SQL, of the same shape as Prisma's cuid(): "c" and 24 hex digits. */
export type WarningRun = { itemsWarned: number; noticesCreated: number };

/**
 * Tells the people answering for an open item that it turned yellow (due
 * within WARN_YELLOW_DAYS, today included) or red (overdue): those holding
 * a working role (SECRETARY, STAFF) on the item's organization itself, and
 * its delegate (the person, or the working roles on the organization it is
 * delegated to). Less inactive users and those who turned the kind off.
 *
 * The key `${kind}:${itemId}:${dueDate}:${userId}` makes each notice at most
 * once per due date, however often this runs; a moved due date warns anew.
 * Colours themselves are derived when read (lib/warnings.ts): nothing but
 * these notices depends on this having run.
 *
 * Set-based: items are taken in batches by id, and each batch is one
 * INSERT … SELECT that computes the colour and the recipients in SQL.
 */
export async function raiseWarningNotices(
  db: PrismaClient,
  now = new Date(),
  thresholds: WarningThresholds = warningThresholds(),
): Promise<WarningRun> {
  const day = today(now);
  // Nothing due after this day is yellow or red today.
  const horizon = isoDay(new Date(day.getTime() + thresholds.yellowDays * 86_400_000));
  const colour = itemWarningSql(day, thresholds);
  const createdAt = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const run: WarningRun = { itemsWarned: 0, noticesCreated: 0 };
  let after = "";
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "ChecklistItem" i
       WHERE i."status" = ANY (${[...OPEN_STATUSES]}::"ItemStatus"[]) AND i."dueDate" <= ${horizon}::date AND i."id" > ${after}
       ORDER BY i."id"
       LIMIT ${WARNING_BATCH_SIZE}`;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const [counted] = await db.$queryRaw<{ items: number; created: number }[]>`
      WITH warned AS (
        SELECT i."id", i."orgId", i."delegatedOrgId", i."delegatedToId", to_char(i."dueDate", 'YYYY-MM-DD') AS due,
               CASE ${colour} WHEN 'red' THEN 'ITEM_RED' ELSE 'ITEM_YELLOW' END AS kind
          FROM "ChecklistItem" i
         WHERE i."id" = ANY (${batch.map((b) => b.id)}::text[]) AND ${colour} IN ('red', 'yellow')
      ),
      recipients AS (
        SELECT w."id", w.due, w.kind, g."userId"
          FROM warned w JOIN "RoleGrant" g ON g."orgId" IN (w."orgId", w."delegatedOrgId") AND g."role" = ANY (${[...rolesOf("checklist.work")]}::"Role"[])
        UNION
        SELECT w."id", w.due, w.kind, w."delegatedToId" FROM warned w WHERE w."delegatedToId" IS NOT NULL
      ),
      inserted AS (
        INSERT INTO "Notification" ("id", "userId", "kind", "itemId", "payload", "dedupeKey", "createdAt")
        SELECT ${SQL_NEW_ID}, r."userId", r.kind::"NotificationKind", r."id", jsonb_build_object('dueDate', r.due),
               r.kind || ':' || r."id" || ':' || r.due || ':' || r."userId", ${createdAt}
          FROM recipients r
          JOIN "User" u ON u."id" = r."userId" AND u."isActive"
         WHERE NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = r."userId" AND o."kind"::text = r.kind)
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM warned)::int AS items, (SELECT count(*) FROM inserted)::int AS created`;
    run.itemsWarned += Number(counted?.items ?? 0);
    run.noticesCreated += Number(counted?.created ?? 0);
  }
  return run;
}

export type FindingWarningRun = { findingsWarned: number; noticesCreated: number };

/**
 * The same yellow and red notices for findings under rectification (open
 * states, lib/finding-state.ts) on issued reports, by their deadline: to
 * the finding's owner and those holding a rectifying role (SECRETARY,
 * STAFF) on the finding's organization itself. Keyed
 * `${kind}:${findingId}:${deadline}:${userId}`: once per deadline, and a new
 * deadline after reopening warns anew.
 */
export async function raiseFindingWarningNotices(
  db: PrismaClient,
  now = new Date(),
  thresholds: WarningThresholds = warningThresholds(),
): Promise<FindingWarningRun> {
  const day = today(now);
  const horizon = isoDay(new Date(day.getTime() + thresholds.yellowDays * 86_400_000));
  const colour = findingWarningSql(day, thresholds);
  const createdAt = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const run: FindingWarningRun = { findingsWarned: 0, noticesCreated: 0 };
  let after = "";
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT f."id" FROM "Finding" f
        JOIN "InspectionReport" r ON r."id" = f."reportId" AND r."status" = 'ISSUED'
       WHERE f."state" = ANY (${[...FINDING_OPEN_STATES]}::"RectificationState"[]) AND f."deadline" <= ${horizon}::date AND f."id" > ${after}
       ORDER BY f."id"
       LIMIT ${WARNING_BATCH_SIZE}`;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const [counted] = await db.$queryRaw<{ findings: number; created: number }[]>`
      WITH warned AS (
        SELECT f."id", f."orgId", f."ownerId", to_char(f."deadline", 'YYYY-MM-DD') AS due,
               CASE ${colour} WHEN 'red' THEN 'FINDING_RED' ELSE 'FINDING_YELLOW' END AS kind
          FROM "Finding" f
         WHERE f."id" = ANY (${batch.map((b) => b.id)}::text[]) AND ${colour} IN ('red', 'yellow')
      ),
      recipients AS (
        SELECT w."id", w.due, w.kind, g."userId"
          FROM warned w JOIN "RoleGrant" g ON g."orgId" = w."orgId" AND g."role" = ANY (${[...rolesOf("finding.rectify")]}::"Role"[])
        UNION
        SELECT w."id", w.due, w.kind, w."ownerId" FROM warned w WHERE w."ownerId" IS NOT NULL
      ),
      inserted AS (
        INSERT INTO "Notification" ("id", "userId", "kind", "findingId", "payload", "dedupeKey", "createdAt")
        SELECT ${SQL_NEW_ID}, r."userId", r.kind::"NotificationKind", r."id", jsonb_build_object('dueDate', r.due),
               r.kind || ':' || r."id" || ':' || r.due || ':' || r."userId", ${createdAt}
          FROM recipients r
          JOIN "User" u ON u."id" = r."userId" AND u."isActive"
         WHERE NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = r."userId" AND o."kind"::text = r.kind)
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM warned)::int AS findings, (SELECT count(*) FROM inserted)::int AS created`;
    run.findingsWarned += Number(counted?.findings ?? 0);
    run.noticesCreated += Number(counted?.created ?? 0);
  }
  return run;
}
