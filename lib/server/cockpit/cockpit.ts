import "server-only";
import { currentYear, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { laggingReasons, type LaggingReason } from "@/lib/ratings/lagging";
import { GRADES, type Grade } from "@/lib/ratings/scheme";
import { pathUnderSql, scopePaths, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { getProgress, type ProgressRow } from "@/lib/server/checklists/get-progress";
import { prisma } from "@/lib/server/db";
import { analyseFindings } from "@/lib/server/inspections/analysis";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { accountabilityNotices } from "@/lib/server/ratings/history";
import { previewRatings, publishedRatings } from "@/lib/server/ratings/preview";
import { managesRatings, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { listProjects } from "@/lib/server/projects/projects";
import { talksDueForFollowUp, type TalkRow } from "@/lib/server/ratings/talks";
import { getTermLedgerSummary, type TermLedgerSummary } from "@/lib/server/terms/list-terms";
import type { WarningColour } from "@/lib/warnings";

/**
 * The working committee's cockpit (工作台), and the same page for a unit
 * secretary, each within their own scope: how the current period's duties
 * stand by organization, the year's findings and their rectification, the
 * grades of the year and of the years before, the lagging units, the talks
 * waiting for their follow-up, the terms falling due, and the secretary
 * projects behind their milestones. Every figure comes
 * from the function its own page uses, so the cockpit and the page it
 * drills into always agree.
 */

export type GradeCounts = Record<Grade, number>;

export type GradeYear = { periodId: string; year: number; published: boolean; counts: GradeCounts };

export type LaggingUnit = { orgId: string; name: string; nameEn: string | null; reasons: LaggingReason[] };

export type Cockpit = {
  period: { id: string; year: number; quarter: number } | null;
  /** The organizations directly under the reader's top (`top`), lowest completion first (at most a page of them). */
  progress: { rows: ProgressRow[]; total: number; top: ProgressRow | null };
  /** The year's findings, as the findings analysis counts them. */
  findings: { periodId: string | null; total: number; open: number; overdue: number; closed: number; onTimeRate: number | null };
  /** The grades, earlier published years first, then the year being rated (its preview for the committee). */
  grades: GradeYear[];
  lagging: LaggingUnit[];
  talksDue: TalkRow[];
  terms: TermLedgerSummary;
  /** This year's secretary projects in reach by the colour of their next milestone, as the projects list counts them. */
  projects: { year: number; counts: Record<WarningColour, number> };
};

function countGrades(grades: Grade[]): GradeCounts {
  const counts = Object.fromEntries(GRADES.map((g) => [g, 0])) as GradeCounts;
  for (const g of grades) counts[g] += 1;
  return counts;
}

/** Grades of the published years before `year` on the organizations under `patterns`, by year. */
async function pastGrades(patterns: string[], year: number, years = 4): Promise<GradeYear[]> {
  if (patterns.length === 0) return [];
  const rows = await prisma.$queryRaw<{ periodId: string; year: number; grade: Grade; n: bigint }[]>`
    SELECT p."id" AS "periodId", p."year", r."grade"::text AS grade, count(*) AS n
      FROM "RatingResult" r
      JOIN "Period" p ON p."id" = r."periodId"
      JOIN "Org" o ON o."id" = r."orgId"
     WHERE p."year" < ${year} AND p."year" >= ${year - years}
       AND ${pathUnderSql(Prisma.sql`o."path"`, patterns)}
     GROUP BY 1, 2, 3
     ORDER BY 2`;
  const byYear = new Map<number, GradeYear>();
  for (const r of rows) {
    const entry = byYear.get(r.year) ?? { periodId: r.periodId, year: r.year, published: true, counts: countGrades([]) };
    entry.counts[r.grade] = Number(r.n);
    byYear.set(r.year, entry);
  }
  return [...byYear.values()];
}

export async function getCockpit(actor: Actor, now: Date = new Date()): Promise<Cockpit> {
  const day = today(now);
  const committee = managesRatings(actor);
  const [period, ratedYear] = await Promise.all([resolvePeriod(undefined, now), resolveRatedYear(undefined, now)]);
  const yearPeriod = ratedYear ? { id: ratedYear.id, year: ratedYear.year } : null;

  // One top organization (a committee, a unit): the organizations under it; several: those tops themselves.
  const roots = scopePaths(actor, "progress.read");
  const topId = roots.length === 1 ? roots[0]!.split("/").filter(Boolean).at(-1) : undefined;

  const projectYear = currentYear(now);
  const [progress, analysis, ratings, talksDue, terms, projects] = await Promise.all([
    period
      ? getProgress(actor, "progress.read", period.id, { org: topId, period: undefined, sort: "rate", dir: "asc", page: 1, parentId: topId }, now)
      : Promise.resolve(null),
    analyseFindings(actor, { periodId: yearPeriod?.id }, day),
    yearPeriod ? (committee ? previewRatings(actor, yearPeriod.id, now) : publishedRatings(actor, yearPeriod.id)) : Promise.resolve(null),
    talksDueForFollowUp(actor, now),
    getTermLedgerSummary(actor, {}, now),
    listProjects(actor, { year: projectYear, countsOnly: true }, now),
  ]);

  const grades: GradeYear[] = await pastGrades(scopePatterns(actor, committee ? "rating.manage" : "rating.read"), yearPeriod?.year ?? currentYear(now));
  let lagging: LaggingUnit[] = [];
  if (ratings && yearPeriod && ratings.units.length > 0) {
    grades.push({ periodId: yearPeriod.id, year: yearPeriod.year, published: ratings.scheme.publishedAt !== null, counts: countGrades(ratings.units.map((u) => u.grade)) });
    const notices = committee ? await accountabilityNotices(ratings.units.map((u) => u.orgId), yearPeriod.year) : null;
    lagging = ratings.units
      .map((u) => ({ orgId: u.orgId, name: u.name, nameEn: u.nameEn, reasons: laggingReasons(u, ratings.scheme.config.laggingLast, notices?.get(u.orgId) ?? 0) }))
      .filter((u) => u.reasons.length > 0);
  }

  return {
    period: period ? { id: period.id, year: period.year, quarter: period.quarter } : null,
    progress: { rows: progress?.rows ?? [], total: progress?.total ?? 0, top: progress?.parent ?? null },
    findings: {
      periodId: yearPeriod?.id ?? null,
      total: analysis.totals.total,
      open: analysis.totals.open,
      overdue: analysis.totals.overdue,
      closed: analysis.totals.closed,
      onTimeRate: analysis.onTime.rate,
    },
    grades,
    lagging,
    talksDue,
    terms,
    projects: { year: projectYear, counts: projects.counts },
  };
}
