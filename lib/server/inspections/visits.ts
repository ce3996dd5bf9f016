import { Prisma } from "@/lib/generated/prisma/client";
import { beijingDaySql } from "@/lib/server/db/beijing-day";
import { visitRoundSql } from "@/lib/server/inspections/standing-round";

// No "server-only" here: the draw's pool (seeds, scripts, tests) asks when an organization was last inspected too.

/**
 * When an organization was inspected: the one home of the figure the
 * draw's "longest uninspected" weight and the coverage pages both read.
 * A visit is an issued report of an inspection visit (not a standing
 * round: a talk, a tour's feedback, a turnaround), on its inspection day,
 * else the Beijing day it was issued. Drafts never count: until a report
 * is issued the unit has not been told.
 */
function visitDaysSql(org: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT COALESCE(r."inspectedOn", ${beijingDaySql(Prisma.sql`r."issuedAt"`)}) AS on_day
      FROM "InspectionReport" r
      JOIN "InspectionRound" rd ON rd."id" = r."roundId" AND ${visitRoundSql()}
     WHERE r."orgId" = ${org} AND r."status" = 'ISSUED'`;
}

/** SQL: the day `org` (an organization id expression) was last visited, or NULL when never. */
export function lastVisitSql(org: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT max(v.on_day) FROM (${visitDaysSql(org)}) v)`;
}

/**
 * SQL: `org`'s visit figures read in one pass over its visits, for a
 * LATERAL join where a row needs both: `last`, as lastVisitSql, and
 * `visited`, as visitedWithinSql.
 */
export function visitFiguresSql(org: Prisma.Sql, from: string, to: string): Prisma.Sql {
  return Prisma.sql`(SELECT max(v.on_day) AS last, coalesce(bool_or(v.on_day BETWEEN ${from}::date AND ${to}::date), false) AS visited FROM (${visitDaysSql(org)}) v)`;
}

/** SQL: whether `org` was visited on a day from `from` to `to` (ISO days, both included). */
export function visitedWithinSql(org: Prisma.Sql, from: string, to: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM (${visitDaysSql(org)}) v WHERE v.on_day BETWEEN ${from}::date AND ${to}::date)`;
}
