import { isoDay } from "@/lib/dates";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { DrawRule, DrawWeighting, PoolEntry } from "@/lib/server/inspections/draw";
import { readGradingScheme } from "@/lib/server/grading/scheme-store";
import { lastVisitSql } from "@/lib/server/inspections/visits";

// No "server-only" here: seeds, scripts and tests build pools too, inside their own transactions.

type Db = PrismaClient | Prisma.TransactionClient;

/** The weight of a candidate never inspected under LONGEST_UNINSPECTED: above every inspected one. */
export const NEVER_INSPECTED_WEIGHT = 3651;
/** The highest weight of a candidate that was inspected, however long ago. */
export const MAX_INSPECTED_WEIGHT = 3650;

/**
 * The weight expression for the organization under the alias `o`, on `day`.
 *
 * - NONE: 1 for everyone.
 * - LONGEST_UNINSPECTED: 1 + the whole days since the organization's last
 *   visit (lib/server/inspections/visits.ts, which the coverage pages read
 *   too), at most 3650; 3651 when it was never visited. A visit today (or
 *   dated later) gives 1.
 * - MOST_OPEN_FINDINGS: 1 + its findings on issued reports that are not
 *   closed out (submitted ones included: they are not closed yet).
 * - LOWEST_GRADE: the place of its latest confirmed branch grade (分类定级)
 *   of the draw's year or before in that year's scheme (1 the best, 4 后进
 *   by default); `ungraded` (the number of grades of the draw's year) when
 *   it has none, as the worst: a branch not shown to be sound is drawn like a lagging one.
 *
 * Drafts never count: until a report is issued the unit has not been told.
 */
function weightSql(weighting: DrawWeighting, day: Date, ungraded: number): Prisma.Sql {
  switch (weighting) {
    case "NONE":
      return Prisma.sql`1`;
    case "LONGEST_UNINSPECTED":
      return Prisma.sql`(
        SELECT CASE WHEN x.last IS NULL THEN ${NEVER_INSPECTED_WEIGHT}::int
                    ELSE LEAST(${MAX_INSPECTED_WEIGHT}::int, 1 + GREATEST(0, ${isoDay(day)}::date - x.last)) END
          FROM (SELECT ${lastVisitSql(Prisma.sql`o."id"`)} AS last) x)`;
    case "MOST_OPEN_FINDINGS":
      return Prisma.sql`(
        1 + (SELECT count(*)::int
               FROM "Finding" f
               JOIN "InspectionReport" r ON r."id" = f."reportId"
              WHERE f."orgId" = o."id" AND r."status" = 'ISSUED' AND f."state" <> 'CLOSED'))`;
    case "LOWEST_GRADE":
      return Prisma.sql`COALESCE((
        SELECT g."rank" FROM "BranchGrade" g
         WHERE g."orgId" = o."id" AND g."rank" IS NOT NULL AND g."year" <= ${day.getUTCFullYear()}
         ORDER BY g."year" DESC LIMIT 1), ${ungraded}::int)`;
  }
}

/**
 * The candidates of a draw on `day`: the organizations in the subtree of
 * `rule.rootOrgId` (the root itself included when its type is listed) whose
 * type is one of `rule.orgTypes`, ordered by their path (a stable order that
 * the record keeps), each with its weight (see `weightSql` above). An unknown
 * root or no types give an empty pool.
 *
 * One query for the whole pool: the weights are correlated subqueries on the
 * indexed foreign keys (`InspectionReport(orgId, status)`, `Finding(orgId, state)`, `BranchGrade(orgId, year)`).
 */
export async function buildPool(db: Db, rule: DrawRule, day: Date): Promise<PoolEntry[]> {
  if (rule.orgTypes.length === 0) return [];
  const root = await db.org.findUnique({ where: { id: rule.rootOrgId }, select: { path: true } });
  if (!root) return [];
  const ungraded = rule.weighting === "LOWEST_GRADE" ? (await readGradingScheme(db, day.getUTCFullYear())).config.grades.length : 0;
  const rows = await db.$queryRaw<{ orgId: string; weight: number }[]>`
    SELECT o."id" AS "orgId", ${weightSql(rule.weighting, day, ungraded)}::int AS weight
      FROM "Org" o
     WHERE o."path" LIKE ${`${root.path}%`}
       AND o."type"::text = ANY (${[...rule.orgTypes]}::text[])
       AND o."closedAt" IS NULL
     ORDER BY o."path"`;
  return rows.map((r) => ({ orgId: r.orgId, weight: Number(r.weight) }));
}
