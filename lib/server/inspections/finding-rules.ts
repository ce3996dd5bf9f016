import "server-only";
import { isoDay } from "@/lib/dates";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { Prisma } from "@/lib/generated/prisma/client";
import { beijingDaySql } from "@/lib/server/db/beijing-day";

/**
 * The rules on a finding's deadline as SQL, over a "Finding" row under the
 * alias `f`: the one home of what the analysis, the ratings and the pages
 * call overdue and closed on time.
 */

/** Still the unit's to work on (open, in progress or returned) and past its deadline on `day`. */
export function findingOverdueSql(day: Date): Prisma.Sql {
  return Prisma.sql`(f."state"::text = ANY (${[...FINDING_OPEN_STATES]}::text[]) AND f."deadline" < ${isoDay(day)}::date)`;
}

/** Closed no later than its deadline's day in Beijing (or without a deadline); true only of a closed finding. */
export const FINDING_CLOSED_ON_TIME_SQL = Prisma.sql`(f."state" = 'CLOSED' AND (f."deadline" IS NULL OR ${beijingDaySql(Prisma.sql`f."closedAt"`)} <= f."deadline"))`;
