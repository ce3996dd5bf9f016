import "server-only";
import type { Writable } from "node:stream";
import { currentYear, dayString, isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/org-label";
import { pathUnderSql, reachesPath, scopePaths } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { checkVersion } from "@/lib/server/db/versioned-write";
import { assertId, ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { checkMembers } from "@/lib/server/inspections/members";
import { visitedWithinSql, visitFiguresSql } from "@/lib/server/inspections/visits";
import { writeLedgerWorkbook } from "@/lib/server/ledger-workbook";
import type { TCoverageQuery, TSaveGroupParsed } from "@/lib/validation/inspections";
import type { VersionChange } from "@/lib/version-change";

/**
 * Standing supervision groups (常设督查组) and coverage (督查全覆盖). The
 * committee's staff (inspection.oversee) set up groups, each with a leader,
 * members (inspectors) and the units it covers, one group a unit; a round
 * may be run by a group. The coverage pages show, for a year or a quarter,
 * which units and branches were visited by any round and which were not,
 * with the days since each was last visited: the same figure the draw's
 * "longest uninspected" weight reads (lib/server/inspections/visits.ts).
 * A group's members see their group's coverage; the committee sees every
 * group's and its own.
 */

/** The organizations coverage counts: the units and the branches below them. */
export const COVERED_TYPES = ["PARTY_GROUP", "GENERAL_BRANCH", "BRANCH"] as const satisfies readonly OrgType[];

/** The committee's organization the actor oversees inspections from: the outermost where they hold inspection.oversee. */
function oversightRoot(actor: Actor): string | null {
  return scopePaths(actor, "inspection.oversee")[0] ?? null;
}

type GroupFacts = { id: string; version: number; scopeOrg: { path: string }; members: { userId: string }[] };

function oversees(actor: Actor, group: GroupFacts): boolean {
  return reachesPath(actor, "inspection.oversee", group.scopeOrg.path);
}

function readsGroup(actor: Actor, group: GroupFacts): boolean {
  return oversees(actor, group) || group.members.some((m) => m.userId === actor.id);
}

/** Whether the actor sets up groups and sees the committee's coverage. */
export function overseesCoverage(actor: Actor): boolean {
  return oversightRoot(actor) !== null;
}

/** The groups the actor sees: every group of the committee they oversee, or those they belong to; with their counts. */
export async function listGroups(actor: Actor) {
  const paths = scopePaths(actor, "inspection.oversee");
  return prisma.supervisionGroup.findMany({
    where: { OR: [{ scopeOrg: { OR: paths.map((p) => ({ path: { startsWith: p } })) } }, { members: { some: { userId: actor.id } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, leader: { select: { name: true } }, _count: { select: { members: true, units: true, rounds: true } } },
  });
}

/** The units of the committee's tree a group may cover, each with the group covering it now, if any. */
export async function coverableUnits(actor: Actor) {
  const root = oversightRoot(actor);
  if (!root) return [];
  return prisma.org.findMany({
    where: { type: "PARTY_GROUP", closedAt: null, path: { startsWith: root } },
    orderBy: { path: "asc" },
    select: { id: true, name: true, nameEn: true, supervisedBy: { select: { groupId: true, group: { select: { name: true } } } } },
  });
}

/** One group for its page: its members, units and what the actor may do. */
export async function getGroup(actor: Actor, groupId: string) {
  assertId(groupId);
  const group = await prisma.supervisionGroup.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      version: true,
      leaderId: true,
      scopeOrg: { select: { path: true } },
      members: { select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
      units: { select: { orgId: true, org: { select: { name: true, nameEn: true, path: true } } }, orderBy: { org: { path: "asc" } } },
    },
  });
  if (!group || !readsGroup(actor, group)) throw new NotFoundError();
  return { ...group, canEdit: oversees(actor, group) };
}

/**
 * Sets up a group (no groupId) or changes one against the version seen:
 * members are inspectors of the committee's tree, the leader one of them,
 * the units open units of the tree that no other group covers.
 */
export async function saveGroup(actor: Actor, input: TSaveGroupParsed): Promise<{ groupId: string; version: VersionChange }> {
  const root = oversightRoot(actor);
  if (!root) throw new DomainError("forbidden", "The committee sets up standing groups");
  return prisma.$transaction(async (tx) => {
    const scope = await tx.org.findUnique({ where: { path: root }, select: { id: true, path: true } });
    if (!scope) throw new NotFoundError();
    let current: GroupFacts | null = null;
    if (input.groupId) {
      assertId(input.groupId);
      current = await tx.supervisionGroup.findUnique({ where: { id: input.groupId }, select: { id: true, version: true, scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } });
      if (!current || !readsGroup(actor, current)) throw new NotFoundError();
      if (!oversees(actor, current)) throw new DomainError("forbidden", "The committee changes standing groups");
      await checkVersion(current.version, input.expectedVersion, () => ({ version: current!.version }));
    }
    const memberIds = [...new Set(input.memberIds)];
    await checkMembers(tx, scope.path, memberIds);
    const unitIds = [...new Set(input.unitIds)];
    const units = await tx.org.findMany({ where: { id: { in: unitIds } }, select: { id: true, type: true, path: true, closedAt: true, supervisedBy: { select: { groupId: true } } } });
    if (units.length !== unitIds.length || units.some((u) => u.type !== "PARTY_GROUP" || u.closedAt || !u.path.startsWith(scope.path))) {
      throw new ValidationError("Units of the committee's tree", { unitIds: ["notUnit"] });
    }
    if (units.some((u) => u.supervisedBy && u.supervisedBy.groupId !== input.groupId)) throw new ValidationError("A unit is covered by one group", { unitIds: ["unitTaken"] });
    const name = await tx.supervisionGroup.findFirst({ where: { scopeOrgId: scope.id, name: input.name, id: { not: input.groupId || undefined } }, select: { id: true } });
    if (name) throw new ValidationError("Each group has its own name", { name: ["nameTaken"] });
    const data = { name: input.name, leaderId: input.leaderId ?? null };
    let groupId: string;
    if (current) {
      const { count } = await tx.supervisionGroup.updateMany({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) throw new ConflictError("The group was changed by someone else", { version: current.version });
      groupId = current.id;
      await tx.supervisionGroupMember.deleteMany({ where: { groupId } });
      await tx.supervisionGroupUnit.deleteMany({ where: { groupId } });
    } else {
      groupId = (await tx.supervisionGroup.create({ data: { ...data, scopeOrgId: scope.id }, select: { id: true } })).id;
    }
    await tx.supervisionGroupMember.createMany({ data: memberIds.map((userId) => ({ groupId, userId })) });
    await tx.supervisionGroupUnit.createMany({ data: unitIds.map((orgId) => ({ groupId, orgId })) });
    await writeAudit(tx, {
      actorId: actor.id,
      action: current ? "group.update" : "group.create",
      entityType: "SupervisionGroup",
      entityId: groupId,
      orgId: scope.id,
      after: { ...data, memberIds, unitIds },
    });
    const from = current?.version ?? 0;
    return { groupId, version: { from, to: from + 1 } };
  }).catch((error: unknown) => {
    // Two saves giving one unit to two groups at once: the second meets the unique unit.
    if ((error as { code?: string } | null)?.code === "P2002") throw new ValidationError("A unit is covered by one group", { unitIds: ["unitTaken"] });
    throw error;
  });
}

/** The groups a round may be run by: those the actor oversees or belongs to, with their members and leader (the form fills them in). */
export async function groupsForRounds(actor: Actor) {
  const paths = scopePaths(actor, "inspection.oversee");
  return prisma.supervisionGroup.findMany({
    where: { OR: [{ scopeOrg: { OR: paths.map((p) => ({ path: { startsWith: p } })) } }, { members: { some: { userId: actor.id } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, leaderId: true, members: { select: { userId: true } } },
  });
}

/** Refuses a round run by a group the actor neither oversees nor belongs to. */
export async function checkRoundGroup(tx: Prisma.TransactionClient, actor: Actor, groupId: string | undefined): Promise<void> {
  if (!groupId) return;
  const group = await tx.supervisionGroup.findUnique({ where: { id: groupId }, select: { id: true, version: true, scopeOrg: { select: { path: true } }, members: { select: { userId: true } } } });
  if (!group || !readsGroup(actor, group)) throw new ValidationError("Unknown group", { groupId: ["unknownGroup"] });
}

export type CoverageRow = {
  orgId: string;
  name: string;
  nameEn: string | null;
  type: OrgType;
  unit: string;
  unitEn: string | null;
  visited: boolean;
  lastVisit: Date | null;
  daysSince: number | null;
};

export const COVERAGE_PAGE_SIZE = 50;

/** The days a coverage period spans: a quarter of the year, or the whole year (quarter 0). */
export function coveragePeriod(year: number, quarter: number): { from: string; to: string } {
  if (quarter === 0) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  return { from: isoDay(start), to: isoDay(end) };
}

/**
 * Coverage over a period: the units a group covers (or, without a group,
 * every unit of the committee's tree) and the branches below them, each
 * visited in the period or not, with its last visit and the days since;
 * not visited first, the longest unvisited first. With the counts of units
 * and branches visited, and for the committee each group's.
 */
export async function coverage(actor: Actor, query: TCoverageQuery & { all?: boolean }, now: Date = new Date()) {
  const year = query.year ?? currentYear(now);
  const quarter = query.quarter ?? 0;
  const { from, to } = coveragePeriod(year, quarter);
  const day = isoDay(today(now));
  let group: Awaited<ReturnType<typeof getGroup>> | null = null;
  let within: Prisma.Sql;
  if (query.group) {
    group = await getGroup(actor, query.group);
    const unitPaths = group.units.map((u) => `${u.org.path}%`);
    within = pathUnderSql(Prisma.sql`o."path"`, unitPaths);
  } else {
    const root = oversightRoot(actor);
    if (!root) throw new NotFoundError();
    within = Prisma.sql`o."path" LIKE ${`${root}%`}`;
  }
  const base = Prisma.sql`
    FROM "Org" o
    JOIN "Org" u ON u."id" = coalesce(nullif(split_part(btrim(o."path", '/'), '/', 2), ''), o."id")
    CROSS JOIN LATERAL ${visitFiguresSql(Prisma.sql`o."id"`, from, to)} v
    WHERE o."type"::text = ANY (${[...COVERED_TYPES]}::text[]) AND o."closedAt" IS NULL AND ${within}`;
  const chosen = query.visited ? Prisma.sql`AND v.visited = ${query.visited === "yes"}` : Prisma.empty;
  const page = query.page ?? 1;
  const [rows, counts, groups] = await Promise.all([
    prisma.$queryRaw<(Omit<CoverageRow, "daysSince"> & { daysSince: number | null })[]>`
      SELECT o."id" AS "orgId", o."name", o."nameEn", o."type", u."name" AS unit, u."nameEn" AS "unitEn", v.visited, v.last AS "lastVisit",
             (${day}::date - v.last) AS "daysSince"
      ${base} ${chosen}
      ORDER BY v.visited, v.last ASC NULLS FIRST, o."path"
      ${query.all ? Prisma.empty : Prisma.sql`LIMIT ${COVERAGE_PAGE_SIZE} OFFSET ${(page - 1) * COVERAGE_PAGE_SIZE}`}`,
    prisma.$queryRaw<{ unit: boolean; visited: boolean; n: bigint }[]>`
      SELECT o."type" = 'PARTY_GROUP' AS unit, v.visited, count(*) AS n ${base} GROUP BY 1, 2`,
    group ? Promise.resolve([]) : groupCoverage(actor, from, to),
  ]);
  const tally = { units: { visited: 0, total: 0 }, branches: { visited: 0, total: 0 } };
  let total = 0;
  for (const c of counts) {
    const n = Number(c.n);
    const side = c.unit ? tally.units : tally.branches;
    side.total += n;
    if (c.visited) side.visited += n;
    if (!query.visited || (query.visited === "yes") === c.visited) total += n;
  }
  return { group, year, quarter, from, to, rows: rows.map((r) => ({ ...r, daysSince: r.daysSince === null ? null : Number(r.daysSince) })), total, tally, groups };
}

/** Each group's units visited in the period, and the committee's units no group covers. */
async function groupCoverage(actor: Actor, from: string, to: string) {
  const root = oversightRoot(actor);
  if (!root) return [];
  return prisma.$queryRaw<{ id: string | null; name: string | null; total: bigint; visited: bigint }[]>`
    SELECT g."id", g."name", count(*) AS total, count(*) FILTER (WHERE ${visitedWithinSql(Prisma.sql`o."id"`, from, to)}) AS visited
      FROM "Org" o
      LEFT JOIN "SupervisionGroupUnit" gu ON gu."orgId" = o."id"
      LEFT JOIN "SupervisionGroup" g ON g."id" = gu."groupId"
     WHERE o."type" = 'PARTY_GROUP' AND o."closedAt" IS NULL AND o."path" LIKE ${`${root}%`}
     GROUP BY g."id", g."name"
     ORDER BY g."name" NULLS LAST`;
}

/** The coverage list as the page shows it, as an .xlsx; answers how many rows it wrote. */
export async function writeCoverageWorkbook(actor: Actor, query: TCoverageQuery, output: Writable, words: { t: Translate; locale: string; now?: Date }): Promise<number> {
  const { t, locale, now } = words;
  const result = await coverage(actor, { ...query, all: true }, now);
  const column = (key: string, width: number, wrap = false) => ({ key, width, wrap, header: t(`inspections.coverage.export.columns.${key}`) });
  const period = result.quarter ? t("inspections.coverage.quarterOf", { year: result.year, quarter: result.quarter }) : t("inspections.coverage.yearOf", { year: result.year });
  await writeLedgerWorkbook(
    output,
    { sheet: t("inspections.coverage.export.sheet"), title: `${result.group?.name ?? t("inspections.coverage.committee")} · ${period} · ${t("inspections.coverage.export.exportedOn", { date: dayString(now) })}` },
    [column("org", 40, true), column("type", 12), column("unit", 30), column("visited", 10), column("lastVisit", 12), column("daysSince", 10)],
    result.rows.map((r) => ({
      org: localized(r.name, r.nameEn, locale),
      type: t(`orgType.${r.type}`),
      unit: localized(r.unit, r.unitEn, locale),
      visited: r.visited ? t("inspections.coverage.yes") : t("inspections.coverage.no"),
      lastVisit: r.lastVisit ? isoDay(r.lastVisit) : "",
      daysSince: r.daysSince ?? "",
    })),
  );
  return result.rows.length;
}
