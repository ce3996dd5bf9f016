import "server-only";
import { z } from "zod";
import { isoDay } from "@/lib/dates";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { InspectionType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { byRevision } from "@/lib/server/cache/revisions";
import { FINDING_CLOSED_ON_TIME_SQL, findingOverdueSql } from "@/lib/server/inspections/finding-rules";
import { readScopeKey, reportReadWhere, roundReadWhere } from "@/lib/server/inspections/scope";
import { FINDING_SOURCES } from "@/lib/validation/inspections";

type Db = PrismaClient | Prisma.TransactionClient;

const optionalId = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,60}$/i)
  .optional()
  .catch(undefined);

/** The analysis page's filters, read from its search params; bad values fall back to none. */
export const ZAnalysisQuery = z.object({ round: optionalId, period: optionalId, source: z.enum(FINDING_SOURCES).optional().catch(undefined) });
export type TAnalysisQuery = z.infer<typeof ZAnalysisQuery>;

/** A round, a period (rounds that began in it), and a source (the rounds' type: an inspection type, talks, tours' feedback). */
export type AnalysisFilters = { roundId?: string; periodId?: string; source?: InspectionType };

type Counts = { total: number; open: number; overdue: number; closed: number };

export type CategoryRow = Counts & {
  categoryId: string;
  code: string;
  name: string;
  nameEn: string | null;
  /** Distinct organizations with a finding of this category. */
  units: number;
  /** Findings the group tagged as common (共性). */
  tagged: number;
};

export type DutyRow = { dutyId: string; code: string; title: string; titleEn: string | null; total: number; open: number };

export type UnitRow = { orgId: string; name: string; nameEn: string | null; open: number; overdue: number };

export type CommonProblem = { categoryId: string; code: string; name: string; nameEn: string | null; units: number; findings: number; tagged: number };

export type FindingAnalysis = {
  totals: Counts & { units: number; tagged: number };
  byCategory: CategoryRow[];
  /** The duties most findings point to (at most DUTY_LIMIT), and how many duties have any. */
  byDuty: DutyRow[];
  dutyCount: number;
  /** Findings that name no duty. */
  withoutDuty: number;
  /** Categories found in at least COMMON_MIN_UNITS organizations of the selection. */
  common: CommonProblem[];
  /** Organizations with the most overdue, then open findings (at most UNIT_LIMIT). */
  units: UnitRow[];
  /** Closed-out findings and how many of them by their deadline; rate null when none is closed. */
  onTime: { closed: number; onTime: number; rate: number | null };
};

export const COMMON_MIN_UNITS = 2;
export const UNIT_LIMIT = 10;
export const DUTY_LIMIT = 20;

/** Rounds the actor may pick in the filter, newest first. */
export function listAnalysisRounds(actor: Actor, take = 200): Promise<{ id: string; title: string; startsOn: Date }[]> {
  return prisma.inspectionRound.findMany({
    where: roundReadWhere(actor),
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, title: true, startsOn: true },
    take,
  });
}

/**
 * The issued reports the actor reads within the filters. The read rule lives
 * in Prisma (`reportReadWhere`); the aggregates below are raw SQL over these
 * ids, so the rule is written down once. A period holds the rounds that
 * start within it, as on the rectification ledger; an unknown period holds
 * none.
 */
async function selectedReportIds(actor: Actor, filters: AnalysisFilters): Promise<string[]> {
  const and: Prisma.InspectionReportWhereInput[] = [reportReadWhere(actor), { status: "ISSUED" }];
  if (filters.roundId) and.push({ roundId: filters.roundId });
  if (filters.source) and.push({ round: { type: filters.source } });
  if (filters.periodId) {
    const period = await prisma.period.findUnique({ where: { id: filters.periodId }, select: { startsOn: true, endsOn: true } });
    if (!period) return [];
    and.push({ round: { startsOn: { gte: period.startsOn, lte: period.endsOn } } });
  }
  const reports = await prisma.inspectionReport.findMany({ where: { AND: and }, select: { id: true } });
  return reports.map((r) => r.id);
}

const EMPTY: FindingAnalysis = {
  totals: { total: 0, open: 0, overdue: 0, closed: 0, units: 0, tagged: 0 },
  byCategory: [],
  byDuty: [],
  dutyCount: 0,
  withoutDuty: 0,
  common: [],
  units: [],
  onTime: { closed: 0, onTime: 0, rate: null },
};

/**
 * The findings of issued reports that the actor reads, within a round
 * and/or a period, broken down for the working committee (分析):
 *
 * - by category: total, open (not closed out), overdue (still owed by the
 *   unit, lib/finding-state.ts, and past its deadline on `day`), closed, and
 *   the distinct organizations concerned;
 * - by duty, for findings that name one: total and open;
 * - common problems: categories found in at least two organizations of the
 *   selection, with how many findings the group tagged 共性;
 * - the organizations (each finding's own) with the most overdue, then open
 *   findings;
 * - the on-time rate: closed-out findings whose close-out day in Beijing is
 *   on or before their deadline (a finding without a deadline counts as on
 *   time), over all closed-out ones.
 */
export function analyseFindings(actor: Actor, filters: AnalysisFilters, day: Date): Promise<FindingAnalysis> {
  // Every finding of the selection is read, so the result is kept while the findings and what they
  // show stand: the committee's staff open the same analysis again and again between changes.
  const key = JSON.stringify(["analysis", readScopeKey(actor), filters.roundId ?? null, filters.periodId ?? null, filters.source ?? null, isoDay(day)]);
  return byRevision("findings", key, () => analyse(actor, filters, day));
}

async function analyse(actor: Actor, filters: AnalysisFilters, day: Date): Promise<FindingAnalysis> {
  const ids = await selectedReportIds(actor, filters);
  if (ids.length === 0) return EMPTY;


  // One pass over the selected findings (a materialized CTE, read four times), not one per breakdown:
  // each breakdown alone cost a scan of every finding the committee reads.
  const [result] = await prisma.$queryRaw<
    { categories: (CategoryRow & { sortOrder: number })[]; duties: (DutyRow & { dutyCount: number })[]; units: UnitRow[]; summary: { units: number; withoutDuty: number; closed: number; onTime: number } }[]
  >`
    WITH f AS MATERIALIZED (
      SELECT f."categoryId", f."dutyId", f."orgId",
             f."state" <> 'CLOSED' AS open,
             ${findingOverdueSql(day)} AS overdue,
             f."state" = 'CLOSED' AS closed,
             ${FINDING_CLOSED_ON_TIME_SQL} AS "onTime",
             f."tag" = 'COMMON' AS tagged
        FROM "Finding" f
       WHERE f."reportId" = ANY (${ids}::text[])
    )
    SELECT
      (SELECT coalesce(json_agg(x ORDER BY x.total DESC, x."sortOrder", x."code"), '[]') FROM (
         SELECT c."id" AS "categoryId", c."code", c."name", c."nameEn", c."sortOrder",
                count(*)::int AS total,
                count(*) FILTER (WHERE f.open)::int AS open,
                count(*) FILTER (WHERE f.overdue)::int AS overdue,
                count(*) FILTER (WHERE f.closed)::int AS closed,
                count(DISTINCT f."orgId")::int AS units,
                count(*) FILTER (WHERE f.tagged)::int AS tagged
           FROM f JOIN "FindingCategory" c ON c."id" = f."categoryId"
          GROUP BY c."id") x) AS categories,
      (SELECT coalesce(json_agg(x ORDER BY x.total DESC, x.open DESC, x."code", x."dutyId"), '[]') FROM (
         SELECT d."id" AS "dutyId", d."code", d."title", d."titleEn",
                count(*)::int AS total,
                count(*) FILTER (WHERE f.open)::int AS open,
                (count(*) OVER ())::int AS "dutyCount"
           FROM f JOIN "Duty" d ON d."id" = f."dutyId"
          GROUP BY d."id"
          ORDER BY total DESC, open DESC, d."code", d."id"
          LIMIT ${DUTY_LIMIT}) x) AS duties,
      (SELECT coalesce(json_agg(x ORDER BY x.overdue DESC, x.open DESC, x."path"), '[]') FROM (
         SELECT o."id" AS "orgId", o."name", o."nameEn", o."path",
                count(*) FILTER (WHERE f.open)::int AS open,
                count(*) FILTER (WHERE f.overdue)::int AS overdue
           FROM f JOIN "Org" o ON o."id" = f."orgId"
          GROUP BY o."id"
         HAVING count(*) FILTER (WHERE f.open) > 0
          ORDER BY overdue DESC, open DESC, o."path"
          LIMIT ${UNIT_LIMIT}) x) AS units,
      (SELECT json_build_object(
                'units', count(DISTINCT f."orgId"),
                'withoutDuty', count(*) FILTER (WHERE f."dutyId" IS NULL),
                'closed', count(*) FILTER (WHERE f.closed),
                'onTime', count(*) FILTER (WHERE f."onTime"))
         FROM f) AS summary`;
  if (!result) return EMPTY;
  const { categories, duties, units, summary } = result;

  const byCategory = categories.map(({ sortOrder: _, ...c }) => ({
    ...c,
    total: Number(c.total),
    open: Number(c.open),
    overdue: Number(c.overdue),
    closed: Number(c.closed),
    units: Number(c.units),
    tagged: Number(c.tagged),
  }));
  const sum = (key: keyof Counts | "tagged") => byCategory.reduce((n, c) => n + c[key], 0);
  const s = summary;
  const closed = Number(s.closed);
  const onTime = Number(s.onTime);

  return {
    totals: { total: sum("total"), open: sum("open"), overdue: sum("overdue"), closed: sum("closed"), units: Number(s.units), tagged: sum("tagged") },
    byCategory,
    byDuty: duties.map(({ dutyCount: _, ...d }) => ({ ...d, total: Number(d.total), open: Number(d.open) })),
    dutyCount: Number(duties[0]?.dutyCount ?? 0),
    withoutDuty: Number(s.withoutDuty),
    common: byCategory
      .filter((c) => c.units >= COMMON_MIN_UNITS)
      .sort((a, b) => b.units - a.units || b.total - a.total)
      .map((c) => ({ categoryId: c.categoryId, code: c.code, name: c.name, nameEn: c.nameEn, units: c.units, findings: c.total, tagged: c.tagged })),
    units: units.map((u) => ({ orgId: u.orgId, name: u.name, nameEn: u.nameEn, open: Number(u.open), overdue: Number(u.overdue) })),
    onTime: { closed, onTime, rate: closed === 0 ? null : onTime / closed },
  };
}

/**
 * The categories found in at least `minUnits` distinct organizations of a
 * round, drafts included, in the categories' own order: the report editor
 * suggests tagging their findings common (共性). The caller has checked that
 * the actor may see the round.
 */
export async function commonCategoriesOfRound(db: Db, roundId: string, minUnits = COMMON_MIN_UNITS): Promise<string[]> {
  const rows = await db.$queryRaw<{ categoryId: string }[]>`
    SELECT c."id" AS "categoryId"
      FROM "Finding" f
      JOIN "FindingCategory" c ON c."id" = f."categoryId"
     WHERE f."roundId" = ${roundId}
     GROUP BY c."id"
    HAVING count(DISTINCT f."orgId") >= ${minUnits}::int
     ORDER BY c."sortOrder", c."code"`;
  return rows.map((r) => r.categoryId);
}
