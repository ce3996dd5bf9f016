import "server-only";
import { isoDay } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Grade } from "@/lib/ratings/scheme";
import { prisma } from "@/lib/server/db";
import { beijingDaySql } from "@/lib/server/db/beijing-day";
import { ratedYearOf } from "@/lib/server/ratings/unit-facts";

/** A unit's published result of an earlier year. */
export type PastResult = { year: number; grade: Grade; rank: number; of: number; total: number };

/**
 * Each unit's published results of the `years` years before `year`, the
 * latest first; a year never published, or a unit not rated in it, is
 * left out. Callers check who asks.
 */
export async function ratingHistory(orgIds: readonly string[], year: number, years = 3): Promise<Map<string, PastResult[]>> {
  const history = new Map<string, PastResult[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return history;
  const rows = await prisma.$queryRaw<{ orgId: string; year: number; grade: Grade; rank: number; of: number; total: Prisma.Decimal }[]>`
    SELECT r."orgId", p."year", r."grade"::text AS grade, r."rank", r."of", r."total"
      FROM "RatingResult" r
      JOIN "Period" p ON p."id" = r."periodId"
     WHERE r."orgId" = ANY (${[...orgIds]}::text[]) AND p."year" < ${year} AND p."year" >= ${year - years}
     ORDER BY p."year" DESC`;
  for (const r of rows) history.get(r.orgId)!.push({ year: r.year, grade: r.grade, rank: r.rank, of: r.of, total: Number(r.total) });
  return history;
}

/** The accountability notices (问责书) raised in `year`, by its Beijing days, on findings of each unit's subtree. */
export async function accountabilityNotices(orgIds: readonly string[], rated: number): Promise<Map<string, number>> {
  const notices = new Map<string, number>(orgIds.map((id) => [id, 0]));
  if (orgIds.length === 0) return notices;
  const year = await ratedYearOf(prisma, rated);
  const rows = await prisma.$queryRaw<{ unit: string; notices: number }[]>`
    SELECT u."id" AS unit, count(*)::int AS notices
      FROM "FindingEscalation" e
      JOIN "Finding" f ON f."id" = e."findingId"
      JOIN "Org" o ON o."id" = f."orgId"
      JOIN "Org" u ON u."id" = ANY (${[...orgIds]}::text[]) AND starts_with(o."path", u."path")
     WHERE e."level" = 'ACCOUNTABILITY'
       AND ${beijingDaySql(Prisma.sql`e."createdAt"`)} BETWEEN ${isoDay(year.startsOn)}::date AND ${isoDay(year.endsOn)}::date
     GROUP BY u."id"`;
  for (const r of rows) notices.set(r.unit, r.notices);
  return notices;
}
