import "server-only";
import type { Writable } from "node:stream";
import { dayString } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { FIVE_BASICS, gradeMove, gradeName, GRADED_TYPES, type Basic, type GradeMove, type GradingConfig } from "@/lib/grading/scheme";
import { localized } from "@/lib/org-label";
import { rolesOf } from "@/lib/server/access/permissions";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { ConflictError, DomainError, NotFoundError, ValidationError, assertId } from "@/lib/server/errors";
import { readGradingScheme, readGradingSchemes, type GradingSchemeView } from "@/lib/server/grading/scheme-store";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import type { TConfirmGrade, TGradingQuery, TProposeGrade, TSaveGradingScheme } from "@/lib/validation/grading";
import type { VersionChange } from "@/lib/version-change";

/**
 * Branch grading (分类定级). Each year the party committee above a branch
 * (grading.propose, held above the branch, not on it) proposes the
 * branch's grade on the year's scheme, with what it found on each of the
 * five basics; the working committee (grading.confirm, held on a tree's
 * top) confirms it or gives another grade with a reason. Confirmed grades
 * make the branch's history (晋位升级, slipping back), the distribution of
 * a subtree and its moves since the year before, and weight the spot-check
 * draw (lib/server/inspections/draw-pool.ts: lower grades drawn more often).
 *
 * A year's scheme changes until the first branch of the year is graded;
 * proposals and scheme saves of a year take one lock, so that a proposal
 * never stands on grades that were changed under it.
 */

/** The key of the transaction-level advisory lock of a year's grading (with the year as the second key). */
const GRADING_LOCK = 0x6772_6164; // "grad"

function lockYear(tx: Prisma.TransactionClient, year: number) {
  return tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(${GRADING_LOCK}::int, ${year}::int)) AS locked`;
}

/** The working committee confirms grades: the permission held on a tree's top, not on a unit an administrator keeps. */
export function confirmsGrades(actor: Actor): boolean {
  const roles = rolesOf("grading.confirm");
  return actor.grants.some((g) => roles.includes(g.role) && g.orgPath.split("/").filter(Boolean).length === 1);
}

function confirmsFor(actor: Actor, path: string): boolean {
  return confirmsGrades(actor) && reachesPath(actor, "grading.confirm", path);
}

/** Whether the actor proposes the grade of the branch at `path`: grading.propose held on an organization above it. */
function proposesFor(actor: Actor, org: { id: string; path: string }): boolean {
  const roles = rolesOf("grading.propose");
  return actor.grants.some((g) => roles.includes(g.role) && g.orgId !== org.id && org.path.startsWith(g.orgPath));
}

/** The readers of a branch's grades: grading.read over it (the proposers and the committee hold it too). */
function readsFor(actor: Actor, path: string): boolean {
  return reachesPath(actor, "grading.read", path);
}

/**
 * Whether the actor adds files to a grade's evidence: the party committee
 * above the branch while it proposes (until the grade is confirmed), and
 * the working committee at any time.
 */
function addsGradeFiles(actor: Actor, org: { id: string; path: string }, confirmed: boolean): boolean {
  return confirmsFor(actor, org.path) || (proposesFor(actor, org) && !confirmed);
}

/** The branch of a grade the actor adds files to (addsGradeFiles); the grade's row is locked, so that a confirmation waits for the file. */
export async function gradeTakingFiles(db: Prisma.TransactionClient, actor: Actor, gradeId: string): Promise<string> {
  await db.$queryRaw`SELECT "id" FROM "BranchGrade" WHERE "id" = ${gradeId} FOR UPDATE`;
  const grade = await db.branchGrade.findUnique({ where: { id: gradeId }, select: { rank: true, org: { select: { id: true, path: true } } } });
  if (!grade || !readsFor(actor, grade.org.path)) throw new NotFoundError();
  if (addsGradeFiles(actor, grade.org, grade.rank !== null)) return grade.org.id;
  if (proposesFor(actor, grade.org)) throw new ValidationError("A confirmed grade's evidence is the committee's to add to", { gradeId: ["gradeConfirmed"] });
  throw new DomainError("forbidden", "A grade's evidence comes from the committees that grade the branch");
}

type GradedOrg = { id: string; path: string; type: string; closedAt: Date | null; name: string; nameEn: string | null };

/** A branch the actor may read; not found for anything else (another kind of organization included). */
async function readableBranch(db: Prisma.TransactionClient | typeof prisma, actor: Actor, orgId: string): Promise<GradedOrg> {
  assertId(orgId);
  const org = await db.org.findUnique({ where: { id: orgId }, select: { id: true, path: true, type: true, closedAt: true, name: true, nameEn: true } });
  if (!org || !(GRADED_TYPES as readonly string[]).includes(org.type) || !readsFor(actor, org.path)) throw new NotFoundError();
  return org;
}

function checkRank(config: GradingConfig, rank: number): void {
  if (rank > config.grades.length) throw new ValidationError("No such grade in the year's scheme", { rank: ["gradeRequired"] });
}

/** The year's scheme for the committee's page, with whether it still changes (no branch of the year graded). */
export async function getGradingScheme(actor: Actor, year: number): Promise<GradingSchemeView & { locked: boolean }> {
  if (!confirmsGrades(actor)) throw new NotFoundError();
  const [scheme, graded] = await Promise.all([readGradingScheme(prisma, year), prisma.branchGrade.count({ where: { year } })]);
  return { ...scheme, locked: graded > 0 };
}

/** The committee saves a year's scheme against the version it saw (0: the default, never saved); refused once a branch of the year is graded. */
export async function saveGradingScheme(actor: Actor, input: TSaveGradingScheme): Promise<VersionChange> {
  if (!confirmsGrades(actor)) throw new DomainError("forbidden", "Only the working committee sets the grading scheme");
  return prisma.$transaction(async (tx) => {
    await lockYear(tx, input.year);
    const current = await readGradingScheme(tx, input.year);
    await checkVersion(current.version, input.expectedVersion, () => ({ version: current.version, config: current.config }));
    if ((await tx.branchGrade.count({ where: { year: input.year } })) > 0) {
      throw new ValidationError("The year's branches are being graded: its scheme no longer changes", { config: ["schemeInUse"] });
    }
    const config = input.config as unknown as Prisma.InputJsonValue;
    if (current.version === 0) await tx.gradingScheme.create({ data: { year: input.year, config, savedById: actor.id } });
    else await tx.gradingScheme.update({ where: { year: input.year }, data: { config, savedById: actor.id, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "grading.scheme.save",
      entityType: "GradingScheme",
      entityId: String(input.year),
      before: current.version === 0 ? null : (current.config as unknown as Prisma.InputJsonValue),
      after: config,
    });
    return { from: current.version, to: current.version + 1 };
  });
}

/**
 * The party committee above a branch proposes its grade of a year (or
 * changes its proposal) until the working committee confirms it, against
 * the version it saw (0 when there was none).
 */
export async function proposeGrade(actor: Actor, input: TProposeGrade, now: Date = new Date()): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    const org = await readableBranch(tx, actor, input.orgId);
    if (!proposesFor(actor, org)) throw new DomainError("forbidden", "A branch is graded by the party committee above it");
    if (org.closedAt) throw new ValidationError("A closed branch is not graded", { orgId: ["orgClosed"] });
    await lockYear(tx, input.year);
    checkRank((await readGradingScheme(tx, input.year)).config, Number(input.rank));
    const rank = Number(input.rank);
    const basis = input.basis as unknown as Prisma.InputJsonObject;
    const audit = { actorId: actor.id, action: "grading.propose", entityType: "BranchGrade", orgId: org.id, after: { year: input.year, rank, basis } };
    const grade = await tx.branchGrade.findUnique({ where: { orgId_year: { orgId: org.id, year: input.year } }, select: { id: true, version: true, rank: true } });
    if (!grade) {
      await checkVersion(0, input.expectedVersion, () => ({ version: 0 }));
      const created = await tx.branchGrade.create({
        data: { orgId: org.id, year: input.year, proposedRank: rank, basis, proposedById: actor.id, proposedAt: now },
        select: { id: true },
      });
      await writeAudit(tx, { ...audit, entityId: created.id });
      return { from: 0, to: 1 };
    }
    if (grade.rank !== null) throw new ValidationError("The committee has confirmed this grade", { rank: ["gradeConfirmed"] });
    return writeVersioned(tx, {
      version: grade.version,
      expected: input.expectedVersion,
      state: () => ({ version: grade.version }),
      update: (version) =>
        tx.branchGrade.updateMany({
          where: { id: grade.id, version },
          data: { proposedRank: rank, basis, proposedById: actor.id, proposedAt: now, version: { increment: 1 } },
        }),
      audit: { ...audit, entityId: grade.id },
    });
  }).catch((error: unknown) => {
    // Two first proposals of one branch at once: the second meets the first.
    if ((error as { code?: string } | null)?.code === "P2002") throw new ConflictError("The branch was graded meanwhile", { version: 1 });
    throw error;
  });
}

/** The working committee confirms a proposed grade or gives another (a reason then), against the version it saw; it may change it again later the same way. */
export async function confirmGrade(actor: Actor, input: TConfirmGrade, now: Date = new Date()): Promise<VersionChange> {
  return prisma.$transaction(async (tx) => {
    assertId(input.gradeId);
    const grade = await tx.branchGrade.findUnique({
      where: { id: input.gradeId },
      select: { id: true, year: true, version: true, proposedRank: true, org: { select: { id: true, path: true } } },
    });
    if (!grade || !readsFor(actor, grade.org.path)) throw new NotFoundError();
    if (!confirmsFor(actor, grade.org.path)) throw new DomainError("forbidden", "The working committee confirms grades");
    const rank = Number(input.rank);
    checkRank((await readGradingScheme(tx, grade.year)).config, rank);
    const reason = input.reason?.trim() ?? "";
    if (rank !== grade.proposedRank && !reason) throw new ValidationError("A changed grade needs a reason", { reason: ["reasonRequired"] });
    return writeVersioned(tx, {
      version: grade.version,
      expected: input.expectedVersion,
      state: () => ({ version: grade.version }),
      update: (version) =>
        tx.branchGrade.updateMany({
          where: { id: grade.id, version },
          data: { rank, reason: reason || null, confirmedById: actor.id, confirmedAt: now, version: { increment: 1 } },
        }),
      audit: { actorId: actor.id, action: "grading.confirm", entityType: "BranchGrade", entityId: grade.id, orgId: grade.org.id, after: { rank, proposedRank: grade.proposedRank, reason: reason || null } },
    });
  });
}

export type GradeHistoryRow = { year: number; rank: number | null; proposedRank: number; grade: string | null; proposed: string; move: GradeMove | null };

/** A branch's grades, the latest year first, each with its move from the year before (confirmed grades only move). */
async function historyOf(orgId: string, locale: string): Promise<GradeHistoryRow[]> {
  const grades = await prisma.branchGrade.findMany({ where: { orgId }, orderBy: { year: "desc" }, select: { year: true, rank: true, proposedRank: true } });
  const schemes = await readGradingSchemes(prisma, grades.map((g) => g.year));
  const byYear = new Map(grades.map((g) => [g.year, g]));
  return grades.map((g) => {
    const config = schemes.get(g.year)!;
    const before = byYear.get(g.year - 1);
    return {
      year: g.year,
      rank: g.rank,
      proposedRank: g.proposedRank,
      grade: g.rank === null ? null : gradeName(config, g.rank, locale),
      proposed: gradeName(config, g.proposedRank, locale),
      move: g.rank === null ? null : gradeMove(before?.rank ?? null, g.rank),
    };
  });
}

/** A branch's grade history for its organization page; empty for an organization that is not graded or out of the reader's reach. */
export async function gradeHistory(actor: Actor, org: { id: string; path: string; type: string }, locale: string): Promise<GradeHistoryRow[]> {
  if (!(GRADED_TYPES as readonly string[]).includes(org.type) || !readsFor(actor, org.path)) return [];
  return historyOf(org.id, locale);
}

/** A branch's grading of a year: the scheme, the grade with its evidence, the history, and what the reader may do. */
export async function getBranchGrading(actor: Actor, orgId: string, year: number, locale: string) {
  const org = await readableBranch(prisma, actor, orgId);
  const [scheme, grade, history, parent] = await Promise.all([
    readGradingScheme(prisma, year),
    prisma.branchGrade.findUnique({
      where: { orgId_year: { orgId: org.id, year } },
      select: {
        id: true,
        version: true,
        proposedRank: true,
        basis: true,
        proposedAt: true,
        rank: true,
        reason: true,
        confirmedAt: true,
        proposedBy: { select: { name: true } },
        confirmedBy: { select: { name: true } },
      },
    }),
    historyOf(org.id, locale),
    prisma.org.findFirst({ where: { children: { some: { id: org.id } } }, select: { id: true, name: true, nameEn: true } }),
  ]);
  const basis = (grade?.basis ?? {}) as Partial<Record<Basic, string>>;
  return {
    org,
    parent,
    scheme,
    grade: grade ? { ...grade, basis: Object.fromEntries(FIVE_BASICS.map((b) => [b, typeof basis[b] === "string" ? basis[b] : ""])) as Record<Basic, string> } : null,
    history,
    canPropose: proposesFor(actor, org) && !org.closedAt && !grade?.rank,
    canConfirm: Boolean(grade) && confirmsFor(actor, org.path),
    canAddFiles: Boolean(grade) && addsGradeFiles(actor, org, grade?.rank != null),
  };
}

export type GradingRow = {
  orgId: string;
  name: string;
  nameEn: string | null;
  unitId: string;
  unit: string;
  unitEn: string | null;
  proposedRank: number | null;
  rank: number | null;
  previousRank: number | null;
  move: GradeMove | null;
  status: "confirmed" | "proposed" | "ungraded";
};

export const GRADING_PAGE_SIZE = 50;

/** The distribution of a selection: confirmed branches per grade this year and last, waiting ones, ungraded ones, and the moves. */
export type GradeDistribution = {
  thisYear: number[];
  lastYear: number[];
  proposed: number;
  ungraded: number;
  total: number;
  moves: Record<GradeMove, number>;
};

/**
 * The open branches in the reader's reach (under `root` when given, which
 * must be in that reach), with this year's grade and last year's, a page
 * at a time, filtered by grade, move or status; with the distribution and
 * the moves of the whole subtree (the filters aside). Waiting proposals
 * come first, then the confirmed grades worst first, then the ungraded.
 */
export async function listGrades(actor: Actor, query: TGradingQuery & { year: number; all?: boolean }) {
  const patterns = scopePatterns(actor, "grading.read");
  let root: { id: string; name: string; nameEn: string | null; path: string } | null = null;
  if (query.root) {
    assertId(query.root);
    root = await prisma.org.findUnique({ where: { id: query.root }, select: { id: true, name: true, nameEn: true, path: true } });
    if (!root || !readsFor(actor, root.path)) throw new NotFoundError();
  }
  const year = query.year;
  const base = Prisma.sql`
    FROM "Org" o
    JOIN "Org" u ON u."id" = coalesce(nullif(split_part(btrim(o."path", '/'), '/', 2), ''), o."id")
    LEFT JOIN "BranchGrade" g ON g."orgId" = o."id" AND g."year" = ${year}
    LEFT JOIN "BranchGrade" prev ON prev."orgId" = o."id" AND prev."year" = ${year - 1}
    WHERE o."type"::text = ANY (${[...GRADED_TYPES]}::text[]) AND o."closedAt" IS NULL
      AND ${pathUnderSql(Prisma.sql`o."path"`, patterns)}
      ${root ? Prisma.sql`AND o."path" LIKE ${`${root.path}%`}` : Prisma.empty}`;
  const status = Prisma.sql`CASE WHEN g."rank" IS NOT NULL THEN 'confirmed' WHEN g."id" IS NOT NULL THEN 'proposed' ELSE 'ungraded' END`;
  const move = Prisma.sql`CASE WHEN g."rank" IS NULL THEN NULL WHEN prev."rank" IS NULL THEN 'NEW' WHEN g."rank" < prev."rank" THEN 'UP' WHEN g."rank" > prev."rank" THEN 'DOWN' ELSE 'SAME' END`;
  const filters = [
    query.rank ? Prisma.sql`g."rank" = ${query.rank}` : null,
    query.move ? Prisma.sql`${move} = ${query.move}` : null,
    query.status ? Prisma.sql`${status} = ${query.status}` : null,
  ].filter((f): f is Prisma.Sql => f !== null);
  const chosen = filters.length > 0 ? Prisma.sql`AND ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const page = query.page ?? 1;
  const [rows, groups, schemes] = await Promise.all([
    prisma.$queryRaw<GradingRow[]>`
      SELECT o."id" AS "orgId", o."name", o."nameEn", u."id" AS "unitId", u."name" AS unit, u."nameEn" AS "unitEn",
             g."proposedRank", g."rank", prev."rank" AS "previousRank", ${move} AS move, ${status} AS status
      ${base} ${chosen}
      ORDER BY CASE ${status} WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END, g."rank" DESC NULLS LAST, o."path"
      ${query.all ? Prisma.empty : Prisma.sql`LIMIT ${GRADING_PAGE_SIZE} OFFSET ${(page - 1) * GRADING_PAGE_SIZE}`}`,
    prisma.$queryRaw<{ status: GradingRow["status"]; rank: number | null; previousRank: number | null; move: GradeMove | null; n: bigint }[]>`
      SELECT ${status} AS status, g."rank", prev."rank" AS "previousRank", ${move} AS move, count(*) AS n
      ${base} GROUP BY 1, 2, 3, 4`,
    readGradingSchemes(prisma, [year, year - 1]),
  ]);
  const config = schemes.get(year)!;
  const lastConfig = schemes.get(year - 1)!;
  const distribution: GradeDistribution = {
    thisYear: config.grades.map(() => 0),
    lastYear: lastConfig.grades.map(() => 0),
    proposed: 0,
    ungraded: 0,
    total: 0,
    moves: { UP: 0, SAME: 0, DOWN: 0, NEW: 0 },
  };
  let total = 0;
  for (const g of groups) {
    const n = Number(g.n);
    distribution.total += n;
    if (g.status === "proposed") distribution.proposed += n;
    if (g.status === "ungraded") distribution.ungraded += n;
    if (g.rank !== null && g.rank <= distribution.thisYear.length) distribution.thisYear[g.rank - 1]! += n;
    if (g.previousRank !== null && g.previousRank <= distribution.lastYear.length) distribution.lastYear[g.previousRank - 1]! += n;
    if (g.move) distribution.moves[g.move] += n;
    const matches = (!query.rank || g.rank === query.rank) && (!query.move || g.move === query.move) && (!query.status || g.status === query.status);
    if (matches) total += n;
  }
  return { rows, total, distribution, config, lastConfig, root };
}

/** The grading list as the page shows it (its filters, every page) as an .xlsx; answers how many rows it wrote. */
export async function writeGradingWorkbook(
  actor: Actor,
  query: TGradingQuery & { year: number },
  output: Writable,
  words: { t: Translate; locale: string; now?: Date },
): Promise<number> {
  const { t, locale, now } = words;
  const { rows, config, lastConfig } = await listGrades(actor, { ...query, all: true });
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`grading.export.columns.${key}`) });
  await writeLedgerWorkbook(
    output,
    { sheet: t("grading.export.sheet"), title: `${t("grading.export.title", { year: query.year })} · ${t("grading.export.exportedOn", { date: dayString(now) })}` },
    [column("branch", 40, true), column("unit", 30), column("lastYear", 10), column("proposed", 10), column("grade", 10), column("move", 10), column("status", 12)],
    rows.map((r) => ({
      branch: localized(r.name, r.nameEn, locale),
      unit: localized(r.unit, r.unitEn, locale),
      lastYear: r.previousRank ? gradeName(lastConfig, r.previousRank, locale) : "",
      proposed: r.proposedRank ? gradeName(config, r.proposedRank, locale) : "",
      grade: r.rank ? gradeName(config, r.rank, locale) : "",
      move: r.move ? t(`grading.move.${r.move}`) : "",
      status: t(`grading.status.${r.status}`),
    })),
  );
  return rows.length;
}
