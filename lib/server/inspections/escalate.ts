import { isoDay, today } from "@/lib/dates";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { rolesOf } from "@/lib/server/access/permissions";
import { escalationSteps } from "@/lib/server/inspections/config";
import { SQL_NEW_ID } from "@/lib/server/db/ids";
import { WARNING_BATCH_SIZE } from "@/lib/server/notifications/raise-warnings";

// No "server-only" here: the notify command (scripts/notify.ts) raises escalations outside Next.js.

export type EscalationRun = { findingsOverdue: number; escalationsCreated: number; noticesCreated: number };

/**
 * Raises the escalating notices (督办升级: 提醒书 → 告诫书 → 问责书) due
 * today for findings still open (lib/finding-state.ts) on issued reports
 * past their deadline, as FindingEscalation records, and tells the
 * organizations they are addressed to.
 *
 * A finding `d` whole Beijing days past its deadline (the day after the
 * deadline is 1) gets every step of escalationSteps() with daysOverdue ≤ d
 * that it does not have yet for this deadline: a run that was missed
 * catches up, a rerun adds nothing, and a new deadline (after reopening)
 * starts over. The step `levelsUp` names the organization that many levels
 * above the finding's own, but never above the round's scope: a finding on
 * the scope organization itself is addressed to it.
 *
 * Each new escalation notifies (FINDING_ESCALATED, payload level,
 * daysOverdue and deadline) the active holders of "escalation.receive" on
 * the addressed organization itself, less those who turned the kind off.
 *
 * Set-based: overdue findings are taken in batches by id, and each batch is
 * one statement inserting the escalations and their notices together.
 */
export async function raiseFindingEscalations(db: PrismaClient, now: Date = new Date()): Promise<EscalationRun> {
  const day = isoDay(today(now));
  const steps = escalationSteps();
  const createdAt = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const run: EscalationRun = { findingsOverdue: 0, escalationsCreated: 0, noticesCreated: 0 };
  let after = "";
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT f."id" FROM "Finding" f
        JOIN "InspectionReport" r ON r."id" = f."reportId" AND r."status" = 'ISSUED'
       WHERE f."state" = ANY (${[...FINDING_OPEN_STATES]}::"RectificationState"[]) AND f."deadline" < ${day}::date AND f."id" > ${after}
       ORDER BY f."id"
       LIMIT ${WARNING_BATCH_SIZE}`;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    run.findingsOverdue += batch.length;
    const [counted] = await db.$queryRaw<{ escalations: number; notices: number }[]>`
      WITH overdue AS (
        SELECT f."id", f."deadline", ${day}::date - f."deadline" AS days, o."path", o."depth", s."depth" AS "scopeDepth"
          FROM "Finding" f
          JOIN "Org" o ON o."id" = f."orgId"
          JOIN "InspectionRound" rd ON rd."id" = f."roundId"
          JOIN "Org" s ON s."id" = rd."scopeOrgId"
         WHERE f."id" = ANY (${batch.map((b) => b.id)}::text[])
      ),
      steps AS (
        SELECT * FROM unnest(${steps.map((s) => s.level)}::text[], ${steps.map((s) => s.daysOverdue)}::int[], ${steps.map((s) => s.levelsUp)}::int[])
          AS st(level, "daysOverdue", "levelsUp")
      ),
      due AS (
        SELECT ov."id", ov."deadline", ov.days, st.level, a."id" AS "addressedOrgId"
          FROM overdue ov
          JOIN steps st ON st."daysOverdue" <= ov.days
          -- The ancestor (or the organization itself) at the step's depth, no higher than the scope.
          JOIN "Org" a ON starts_with(ov."path", a."path")
                      AND a."depth" = LEAST(ov."depth", GREATEST(ov."depth" - st."levelsUp", ov."scopeDepth"))
      ),
      created AS (
        INSERT INTO "FindingEscalation" ("id", "findingId", "level", "deadline", "daysOverdue", "addressedOrgId", "createdAt")
        SELECT ${SQL_NEW_ID}, d."id", d.level::"EscalationLevel", d."deadline", d.days, d."addressedOrgId", ${createdAt}
          FROM due d
        ON CONFLICT ("findingId", "level", "deadline") DO NOTHING
        RETURNING "findingId", "level"::text AS level, to_char("deadline", 'YYYY-MM-DD') AS deadline, "daysOverdue", "addressedOrgId"
      ),
      recipients AS (
        SELECT DISTINCT c."findingId", c.level, c.deadline, c."daysOverdue", g."userId"
          FROM created c
          JOIN "RoleGrant" g ON g."orgId" = c."addressedOrgId" AND g."role" = ANY (${[...rolesOf("escalation.receive")]}::"Role"[])
          JOIN "User" u ON u."id" = g."userId" AND u."isActive"
         WHERE NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = g."userId" AND o."kind" = 'FINDING_ESCALATED')
      ),
      notified AS (
        INSERT INTO "Notification" ("id", "userId", "kind", "findingId", "payload", "dedupeKey", "createdAt")
        SELECT ${SQL_NEW_ID}, r."userId", 'FINDING_ESCALATED', r."findingId",
               jsonb_build_object('level', r.level, 'daysOverdue', r."daysOverdue", 'deadline', r.deadline),
               'FINDING_ESCALATED:' || r."findingId" || ':' || r.level || ':' || r.deadline || ':' || r."userId", ${createdAt}
          FROM recipients r
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM created)::int AS escalations, (SELECT count(*) FROM notified)::int AS notices`;
    run.escalationsCreated += Number(counted?.escalations ?? 0);
    run.noticesCreated += Number(counted?.notices ?? 0);
  }
  return run;
}
