import "server-only";
import { isoDay } from "@/lib/dates";
import { FINDING_UNCLOSED_STATES } from "@/lib/finding-state";
import { Prisma } from "@/lib/generated/prisma/client";
import { UNCOUNTED_STATUSES } from "@/lib/item-status";
import type { UnitFacts } from "@/lib/ratings/score";
import { prisma } from "@/lib/server/db";
import { beijingDaySql } from "@/lib/server/db/beijing-day";
import { FINDING_CLOSED_ON_TIME_SQL, findingOverdueSql } from "@/lib/server/inspections/finding-rules";

/** The year a rating covers: its periods (the year and its quarters) and its first and last day. */
export type RatedYear = { periodIds: string[]; startsOn: Date; endsOn: Date };

/** The periods of `year` (the year and its quarters) and its first and last day. */
export async function ratedYearOf(db: Prisma.TransactionClient, year: number): Promise<RatedYear> {
  const periods = await db.period.findMany({ where: { year }, select: { id: true, quarter: true, startsOn: true, endsOn: true } });
  const whole = periods.find((p) => p.quarter === 0)!;
  return { periodIds: periods.map((p) => p.id), startsOn: whole.startsOn, endsOn: whole.endsOn };
}

const NO_FACTS: UnitFacts = {
  completion: { done: 0, of: 0 },
  onTime: { done: 0, of: 0 },
  evidence: { done: 0, of: 0 },
  findingsOnTime: { done: 0, of: 0 },
  tourRectification: { done: 0, of: 0 },
  overdueFindings: { LOW: 0, MEDIUM: 0, HIGH: 0 },
  vetoes: { OPEN_SERIOUS_FINDING: false, OPEN_DISCIPLINE_FINDING: false },
};

type Count = number | bigint;
type ItemRow = { unit: string; completionDone: Count; completionOf: Count; onTimeDone: Count; onTimeOf: Count; evidenceDone: Count; evidenceOf: Count };
type FindingRow = { unit: string; done: Count; of: Count; tourDone: Count; tourOf: Count; low: Count; medium: Count; high: Count; openSerious: boolean; openDiscipline: boolean };

/**
 * What the ledger says about each unit's whole subtree for a rated year,
 * as of `day`, in two passes (items, findings), each counted by
 * organization and then added up for the units on the organization's path:
 * - completion: the points (each duty's weight) of the items done, of all
 *   items that count (not withdrawn, not accepted as not applicable);
 * - on time: of the items done or already due, those done by their due day
 *   (in Beijing);
 * - evidence: of the items done whose duty asks for evidence, those with some;
 * - findings on time: of the findings closed or past their deadline, those
 *   closed by it; findings overdue by severity; and whether a serious
 *   finding, or one of a discipline inspection, is still not closed out;
 * - top-down inspection rectification: of the problems fed back by
 *   inspection tours (巡视巡察) that are closed or past their deadline,
 *   those closed out.
 * Findings count from issued reports of rounds that began in the year.
 * Publication passes its transaction as `db`.
 */
export async function unitFacts(unitIds: string[], year: RatedYear, day: Date, db: Prisma.TransactionClient = prisma): Promise<Map<string, UnitFacts>> {
  const facts = new Map<string, UnitFacts>(unitIds.map((id) => [id, structuredClone(NO_FACTS)]));
  if (unitIds.length === 0) return facts;
  // Each row goes to the units among its organization's ancestors (itself included).
  const unitsOnPath = Prisma.sql`CROSS JOIN LATERAL unnest(string_to_array(btrim(o."path", '/'), '/')) AS up("id")
    JOIN unnest(${unitIds}::text[]) AS u("id") ON u."id" = up."id"`;
  const doneOnTime = Prisma.sql`(i."status" = 'DONE' AND i."completedAt" IS NOT NULL
    AND ${beijingDaySql(Prisma.sql`i."completedAt"`)} <= i."dueDate")`;

  // Counted per organization first, then added up for the units above each: the province's items are
  // grouped into its 20,000 organizations once, instead of each item being counted for every unit on its path.
  const [items, findings] = await Promise.all([
    db.$queryRaw<ItemRow[]>`
      WITH per_org AS (
        SELECT i."orgId",
               coalesce(sum(d."weight") FILTER (WHERE i."status" = 'DONE'), 0) AS "completionDone",
               coalesce(sum(d."weight"), 0) AS "completionOf",
               count(*) FILTER (WHERE ${doneOnTime}) AS "onTimeDone",
               count(*) FILTER (WHERE i."status" = 'DONE' OR i."dueDate" < ${isoDay(day)}::date) AS "onTimeOf",
               count(*) FILTER (WHERE i."status" = 'DONE' AND d."evidenceRequired"
                                  AND EXISTS (SELECT 1 FROM "ItemEvidence" e WHERE e."itemId" = i."id")) AS "evidenceDone",
               count(*) FILTER (WHERE i."status" = 'DONE' AND d."evidenceRequired") AS "evidenceOf"
          FROM "ChecklistItem" i
          JOIN "Duty" d ON d."id" = i."dutyId"
         WHERE i."periodId" = ANY (${year.periodIds}::text[])
           AND NOT (i."status"::text = ANY (${[...UNCOUNTED_STATUSES]}::text[]))
         GROUP BY i."orgId"
      )
      SELECT u."id" AS unit,
             sum(p."completionDone")::bigint AS "completionDone", sum(p."completionOf")::bigint AS "completionOf",
             sum(p."onTimeDone")::bigint AS "onTimeDone", sum(p."onTimeOf")::bigint AS "onTimeOf",
             sum(p."evidenceDone")::bigint AS "evidenceDone", sum(p."evidenceOf")::bigint AS "evidenceOf"
        FROM per_org p
        JOIN "Org" o ON o."id" = p."orgId"
        ${unitsOnPath}
       GROUP BY u."id"`,
    db.$queryRaw<FindingRow[]>`
      WITH per_org AS (
        SELECT f."orgId",
               count(*) FILTER (WHERE ${FINDING_CLOSED_ON_TIME_SQL}) AS done,
               count(*) FILTER (WHERE f."state" = 'CLOSED' OR f."deadline" < ${isoDay(day)}::date) AS of,
               count(*) FILTER (WHERE rd."type" = 'TOUR' AND f."state" = 'CLOSED') AS "tourDone",
               count(*) FILTER (WHERE rd."type" = 'TOUR' AND (f."state" = 'CLOSED' OR f."deadline" < ${isoDay(day)}::date)) AS "tourOf",
               count(*) FILTER (WHERE ${findingOverdueSql(day)} AND f."severity" = 'LOW') AS low,
               count(*) FILTER (WHERE ${findingOverdueSql(day)} AND f."severity" = 'MEDIUM') AS medium,
               count(*) FILTER (WHERE ${findingOverdueSql(day)} AND f."severity" = 'HIGH') AS high,
               bool_or(f."state"::text = ANY (${[...FINDING_UNCLOSED_STATES]}::text[]) AND f."severity" = 'HIGH') AS "openSerious",
               bool_or(f."state"::text = ANY (${[...FINDING_UNCLOSED_STATES]}::text[]) AND rd."type" = 'DISCIPLINE') AS "openDiscipline"
          FROM "Finding" f
          JOIN "InspectionReport" r ON r."id" = f."reportId" AND r."status" = 'ISSUED'
          JOIN "InspectionRound" rd ON rd."id" = f."roundId"
         WHERE rd."startsOn" BETWEEN ${isoDay(year.startsOn)}::date AND ${isoDay(year.endsOn)}::date
         GROUP BY f."orgId"
      )
      SELECT u."id" AS unit,
             sum(p.done)::bigint AS done, sum(p.of)::bigint AS of,
             sum(p."tourDone")::bigint AS "tourDone", sum(p."tourOf")::bigint AS "tourOf",
             sum(p.low)::bigint AS low, sum(p.medium)::bigint AS medium, sum(p.high)::bigint AS high,
             bool_or(p."openSerious") AS "openSerious", bool_or(p."openDiscipline") AS "openDiscipline"
        FROM per_org p
        JOIN "Org" o ON o."id" = p."orgId"
        ${unitsOnPath}
       GROUP BY u."id"`,
  ]);

  for (const row of items) {
    const f = facts.get(row.unit)!;
    f.completion = { done: Number(row.completionDone), of: Number(row.completionOf) };
    f.onTime = { done: Number(row.onTimeDone), of: Number(row.onTimeOf) };
    f.evidence = { done: Number(row.evidenceDone), of: Number(row.evidenceOf) };
  }
  for (const row of findings) {
    const f = facts.get(row.unit)!;
    f.findingsOnTime = { done: Number(row.done), of: Number(row.of) };
    f.tourRectification = { done: Number(row.tourDone), of: Number(row.tourOf) };
    f.overdueFindings = { LOW: Number(row.low), MEDIUM: Number(row.medium), HIGH: Number(row.high) };
    f.vetoes = { OPEN_SERIOUS_FINDING: row.openSerious, OPEN_DISCIPLINE_FINDING: row.openDiscipline };
  }
  return facts;
}
