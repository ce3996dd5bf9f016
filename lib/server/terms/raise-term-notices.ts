import { isoDay, today } from "@/lib/dates";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { rolesOf } from "@/lib/server/access/permissions";
import { SQL_NEW_ID } from "@/lib/server/db/ids";
import { WARNING_BATCH_SIZE } from "@/lib/server/notifications/raise-warnings";
import { TERM_ORG_TYPES } from "@/lib/term-kinds";
import { addMonths, monthsOverdueSql, TERM_WARNING_MONTHS, termNoticeStepSql } from "@/lib/term-rules";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

export type TermNoticeRun = { termsDue: number; noticesCreated: number };

/**
 * Tells an organization's secretaries, and those one level up, that its
 * current term falls due (TERM_DUE): six months before the due day (green),
 * three months before (yellow), and once overdue every month
 * (lib/term-rules.ts termNoticeStep). The recipients hold `term.notice` on
 * the organization itself or on its parent, never two levels up; inactive
 * users and those who turned the kind off are left out. Closed
 * organizations and types that hold no terms are skipped.
 *
 * The key `TERM_DUE:${termId}:${dueOn}:${step}:${userId}` makes each step at
 * most one notice per person, however often this runs; a corrected due day
 * starts the steps anew. Only the step reached today is raised: a term
 * first seen two months overdue gets "overdue-2", not the six- and
 * three-month notices it missed.
 *
 * Set-based, like raise-warnings.ts: terms are taken in batches by id, and
 * each batch is one INSERT … SELECT computing the step and the recipients.
 */
export async function raiseTermNotices(db: PrismaClient, now = new Date()): Promise<TermNoticeRun> {
  const day = today(now);
  // Nothing due after this day has reached a step today (a month's margin for month ends).
  const horizon = isoDay(addMonths(day, TERM_WARNING_MONTHS.green + 1));
  const step = termNoticeStepSql(Prisma.sql`t."dueOn"`, day);
  const overdueMonths = monthsOverdueSql(Prisma.sql`t."dueOn"`, day);
  const createdAt = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const run: TermNoticeRun = { termsDue: 0, noticesCreated: 0 };
  let after = "";
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT t."id" FROM "OrgTerm" t
        JOIN "Org" o ON o."id" = t."orgId"
       WHERE t."endedOn" IS NULL AND t."dueOn" <= ${horizon}::date AND o."closedAt" IS NULL
         AND o."type"::text = ANY (${[...TERM_ORG_TYPES]}::text[]) AND t."id" > ${after}
       ORDER BY t."id"
       LIMIT ${WARNING_BATCH_SIZE}`;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const [counted] = await db.$queryRaw<{ terms: number; created: number }[]>`
      WITH due AS (
        SELECT t."id", t."orgId", o."parentId", to_char(t."dueOn", 'YYYY-MM-DD') AS due, ${step} AS step,
               CASE WHEN t."dueOn" < ${isoDay(day)}::date THEN ${overdueMonths} END AS months
          FROM "OrgTerm" t JOIN "Org" o ON o."id" = t."orgId"
         WHERE t."id" = ANY (${batch.map((b) => b.id)}::text[])
      ),
      stepped AS (SELECT * FROM due WHERE step IS NOT NULL),
      recipients AS (
        SELECT DISTINCT s."id", s."orgId", s.due, s.step, s.months, g."userId"
          FROM stepped s
          JOIN "RoleGrant" g ON (g."orgId" = s."orgId" OR g."orgId" = s."parentId") AND g."role" = ANY (${[...rolesOf("term.notice")]}::"Role"[])
      ),
      inserted AS (
        INSERT INTO "Notification" ("id", "userId", "kind", "orgId", "payload", "dedupeKey", "createdAt")
        SELECT ${SQL_NEW_ID}, r."userId", 'TERM_DUE'::"NotificationKind", r."orgId",
               jsonb_strip_nulls(jsonb_build_object('dueDate', r.due, 'step', split_part(r.step, '-', 1), 'monthsOverdue', r.months, 'termId', r."id")),
               'TERM_DUE:' || r."id" || ':' || r.due || ':' || r.step || ':' || r."userId", ${createdAt}
          FROM recipients r
          JOIN "User" u ON u."id" = r."userId" AND u."isActive"
         WHERE NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = r."userId" AND o."kind" = 'TERM_DUE')
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM stepped)::int AS terms, (SELECT count(*) FROM inserted)::int AS created`;
    run.termsDue += Number(counted?.terms ?? 0);
    run.noticesCreated += Number(counted?.created ?? 0);
  }
  return run;
}
