import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import { applyAssignment, copyAssignmentsForward } from "@/lib/server/assignments/assignment-core";
import { loadActor } from "@/lib/server/auth/actor";
import { getProgress, PROGRESS_PAGE_SIZE, progressStatement, type ProgressRow } from "@/lib/server/checklists/get-progress";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { closeOrg, mergeOrg, moveOrg } from "@/lib/server/orgs/restructure";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { today } from "@/lib/dates";

// The progress roll-up against a plain count of the items under each organization, at every level
// the page opens, after the kinds of change that move the counts: done, returned, withdrawn,
// not applicable, handed down to a child, an organization closed and one moved. The roll-up reads
// SubtreeTally, which the database's triggers keep; every tally is held to a full count too, after
// each kind of write the application makes.

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("progress-rollup");
  const period = await getCurrentPeriod(TEST_NOW);
  if (!period) throw new Error("no period");
  periodId = period.id;
});
afterAll(() => drop());

/** What a row should say, counted item by item with Prisma. */
async function fullCount(orgId: string, own = false) {
  const org = await prisma.org.findUniqueOrThrow({ where: { id: orgId }, select: { path: true } });
  const counted = {
    periodId,
    status: { notIn: [...UNCOUNTED_STATUSES] },
    ...(own ? { orgId } : { org: { path: { startsWith: org.path } } }),
  };
  return {
    total: await prisma.checklistItem.count({ where: counted }),
    done: await prisma.checklistItem.count({ where: { ...counted, status: "DONE" } }),
    returned: await prisma.checklistItem.count({ where: { ...counted, status: "RETURNED" } }),
    overdue: await prisma.checklistItem.count({ where: { ...counted, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today(TEST_NOW) } } }),
  };
}

/**
 * Every organization's tallies against its items counted afresh, in every period: one count per duty kind,
 * status and due date of its subtree's items, a tree's top's included.
 */
async function expectTalliesExact({ concurrent = false } = {}) {
  const orgs = await prisma.org.findMany({ select: { id: true, code: true, path: true }, orderBy: { path: "asc" } });
  // A key's count is the sum of its rows. Writes one after another fold them into one row a key, and
  // drop a key that sums to nothing; writers side by side each leave a row of their own until the
  // next write of the key folds them.
  const rows = await prisma.subtreeTally.groupBy({ by: ["orgId", "periodId", "kind", "status", "dueDate"], _sum: { count: true }, _count: { _all: true } });
  if (!concurrent) expect(rows.filter((r) => r._count._all > 1 || r._sum.count === 0)).toEqual([]);
  const tallies = rows.map((r) => ({ ...r, count: r._sum.count ?? 0 })).filter((t) => t.count !== 0);
  const key = (t: { periodId: string; kind: string; status: string; dueDate: Date; count: number }) =>
    `${t.periodId} ${t.kind} ${t.status} ${t.dueDate.toISOString().slice(0, 10)} ${t.count}`;
  for (const org of orgs) {
    const kept = tallies.filter((t) => t.orgId === org.id).map(key).sort();
    const counted = await prisma.$queryRaw<{ periodId: string; kind: string; status: string; dueDate: Date; count: number }[]>`
      SELECT i."periodId", d."kind"::text AS kind, i."status"::text AS status, i."dueDate", count(*)::int AS count
        FROM "ChecklistItem" i JOIN "Duty" d ON d."id" = i."dutyId" JOIN "Org" o ON o."id" = i."orgId"
       WHERE o."path" LIKE ${`${org.path}%`}
       GROUP BY 1, 2, 3, 4`;
    expect(kept, org.code).toEqual(counted.map(key).sort());
  }
}

const counts = (row: ProgressRow) => ({ total: row.total, done: row.done, returned: row.returned, overdue: row.overdue });

async function expectExact(actorName: string, parentCode?: string) {
  const actor = actorName === "supervisor" ? await actorFor("supervisor") : await actorWithRole("SUPERVISOR", actorName);
  const parentId = parentCode ? (await prisma.org.findUniqueOrThrow({ where: { code: parentCode }, select: { id: true } })).id : undefined;
  const page = await getProgress(actor, "progress.read", periodId, { sort: "name", dir: "asc", page: 1, parentId }, TEST_NOW);
  expect(page.rows.length).toBeGreaterThan(0);
  for (const row of [...page.rows, ...(page.parent ? [page.parent] : [])]) {
    expect(counts(row), row.name).toEqual(await fullCount(row.id));
    expect(row.rate).toBe(row.total === 0 ? null : row.done / row.total);
    expect(row.worst === "red").toBe(row.red > 0);
  }
  if (page.own) expect(counts(page.own)).toEqual(await fullCount(page.own.id, true));
  // The rows and the parent's own items add up to the parent.
  if (page.parent) expect(page.rows.reduce((s, r) => s + r.total, 0) + (page.own?.total ?? 0)).toBe(page.parent.total);
  // Ordered by a count, the same rows and parent come back, in that count's order.
  expect(page.total).toBeLessThanOrEqual(PROGRESS_PAGE_SIZE);
  for (const sort of ["total", "overdue", "rate"] as const) {
    const sorted = await getProgress(actor, "progress.read", periodId, { sort, dir: "desc", page: 1, parentId }, TEST_NOW);
    expect(sorted.parent, sort).toEqual(page.parent);
    expect([...sorted.rows].sort((a, b) => a.id.localeCompare(b.id)), sort).toEqual([...page.rows].sort((a, b) => a.id.localeCompare(b.id)));
    const values = sorted.rows.map((r) => r[sort] ?? -1);
    expect(values, sort).toEqual([...values].sort((a, b) => b - a));
  }
}

describe("the progress roll-up", () => {
  it("reads the tallies off their index alone, in the tree's order and in every count's, the parent's included", async () => {
    // With every page of the table marked visible (as autovacuum keeps it), an index-only scan
    // needs the index to hold every column the statement reads; any other scan means it does not.
    await prisma.$executeRawUnsafe(`VACUUM "SubtreeTally"`);
    const actor = await actorFor("supervisor");
    const u01 = (await prisma.org.findUniqueOrThrow({ where: { code: "U01" }, select: { id: true } })).id;
    for (const sort of ["name", "total", "overdue", "rate"] as const) {
      for (const parentId of [undefined, u01]) {
        const statement = await progressStatement(actor, "progress.read", periodId, { sort, dir: "desc", page: 1, parentId }, TEST_NOW);
        if (!statement) throw new Error("the supervisor's scope is empty");
        const plan = await prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
          await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
          const rows = await tx.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN ${statement.sql}`);
          return rows.map((r) => Object.values(r)[0]).join("\n");
        });
        const tallyScans = plan.split("\n").filter((line) => line.includes(`on "SubtreeTally"`));
        expect(tallyScans.length, `${sort} ${parentId ?? "top"}`).toBeGreaterThanOrEqual(2);
        for (const line of tallyScans) expect(line, `${sort} ${parentId ?? "top"}`).toMatch(/Index Only Scan using "SubtreeTally_orgId_periodId_status_dueDate_idx"/);
      }
    }
  });

  it("matches a full count at every level, as seeded", async () => {
    await expectTalliesExact();
    await expectExact("supervisor");
    await expectExact("supervisor", "U01");
    await expectExact("supervisor", "U01-OPC");
    await expectExact("supervisor", "U01-GB1");
    await expectExact("U03");
  });

  it("still matches after items are done, returned, withdrawn, not applicable and handed down, and after a close and a move", async () => {
    const items = await prisma.checklistItem.findMany({ where: { periodId, org: { code: { startsWith: "U01" } } }, select: { id: true }, orderBy: { id: "asc" }, take: 40 });
    const statuses = ["DONE", "RETURNED", "WITHDRAWN", "NOT_APPLICABLE", "SUBMITTED", "IN_PROGRESS"] as const;
    for (const [i, item] of items.entries()) await prisma.checklistItem.update({ where: { id: item.id }, data: { status: statuses[i % statuses.length] } });
    const opc = await prisma.org.findUniqueOrThrow({ where: { code: "U01-OPC" }, select: { id: true, path: true } });
    const branch = await prisma.org.findUniqueOrThrow({ where: { code: "U01-B1" }, select: { id: true, path: true } });
    await prisma.checklistItem.updateMany({ where: { periodId, orgId: opc.id, status: "NOT_STARTED" }, data: { delegatedOrgId: branch.id } });
    await prisma.org.update({ where: { code: "U01-B2" }, data: { closedAt: new Date() } });
    // U01-GB1-B1 moves under U01-OPC (paths rewritten as a move does).
    const moving = await prisma.org.findUniqueOrThrow({ where: { code: "U01-GB1-B1" }, select: { id: true, path: true } });
    await prisma.org.update({ where: { id: moving.id }, data: { parentId: opc.id, path: `${opc.path}${moving.id}/`, depth: { decrement: 1 } } });

    await expectTalliesExact();
    await expectExact("supervisor");
    await expectExact("supervisor", "U01");
    await expectExact("supervisor", "U01-OPC");
    await expectExact("supervisor", "U01-GB1");
  });

  it("keeps every tally exact through the application's own writes: assigning, copying forward, moving, merging, closing, deleting", async () => {
    const admin = await actorFor("admin");
    const org = (code: string) => prisma.org.findUniqueOrThrow({ where: { code }, select: { id: true, version: true, path: true } });
    // A list assigned to a subtree, then copied into the next quarter: items made in bulk.
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { periodId }, select: { catalogVersionId: true } });
    const quarter = await prisma.period.create({ data: { kind: "QUARTER", year: 2027, quarter: 1, startsOn: new Date("2027-01-01"), endsOn: new Date("2027-03-31") } });
    const made = await applyAssignment(
      prisma,
      { catalogVersionId: assignment.catalogVersionId, periodId: quarter.id, rootOrgId: await orgId("U02"), orgTypes: ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "BRANCH"] },
      { actorId: null },
    );
    expect(made.itemsCreated).toBeGreaterThan(0);
    await expectTalliesExact();
    const later = await prisma.period.create({ data: { kind: "QUARTER", year: 2027, quarter: 2, startsOn: new Date("2027-04-01"), endsOn: new Date("2027-06-30") } });
    await copyAssignmentsForward(prisma, { fromPeriodId: quarter.id, toPeriodId: later.id, rootOrgId: await orgId("U02") }, { actorId: null });
    await expectTalliesExact();

    // A branch moved to another unit, a unit's whole committee moved, a merge, a close.
    const b1 = await org("U02-B1");
    await moveOrg(admin, { orgId: b1.id, targetId: (await org("U03-OPC")).id, expectedVersion: b1.version });
    await expectTalliesExact();
    const gb = await org("U03-GB1");
    await moveOrg(admin, { orgId: gb.id, targetId: (await org("U05-OPC")).id, expectedVersion: gb.version });
    await expectTalliesExact();
    const merged = await org("U02-B2");
    await mergeOrg(admin, { orgId: merged.id, targetId: (await org("U02-B3")).id, expectedVersion: merged.version });
    await expectTalliesExact();
    const closing = await org("U06-B1");
    await closeOrg(admin, { orgId: closing.id, expectedVersion: closing.version });
    await expectTalliesExact();
    await expectExact("supervisor");
    await expectExact("supervisor", "U02");

    // Items and a whole period deleted.
    await prisma.checklistItem.deleteMany({ where: { periodId: later.id, org: { code: { startsWith: "U02" } }, occurrence: 1 } });
    await expectTalliesExact();
    await prisma.checklistItem.deleteMany({ where: { periodId: later.id } });
    await prisma.assignment.deleteMany({ where: { periodId: later.id } });
    await prisma.period.delete({ where: { id: later.id } });
    await expectTalliesExact();
  });

  it("counts the tops of two trees, each with its whole tree", async () => {
    const top = await prisma.org.create({ data: { id: "tally-top", code: "T2", name: "另一工委", type: "WORKING_COMMITTEE", path: "/tally-top/", depth: 0 } });
    await prisma.org.create({ data: { id: "tally-unit", code: "T2-U1", name: "另一单位党组", type: "PARTY_GROUP", parentId: top.id, path: "/tally-top/tally-unit/", depth: 1 } });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { periodId }, select: { catalogVersionId: true } });
    const made = await applyAssignment(
      prisma,
      { catalogVersionId: assignment.catalogVersionId, periodId, rootOrgId: top.id, orgTypes: ["WORKING_COMMITTEE", "PARTY_GROUP"] },
      { actorId: null },
    );
    expect(made.itemsCreated).toBeGreaterThan(0);
    await expectTalliesExact();
    // Someone who supervises both trees sees both tops as rows, each with its whole tree.
    const both = await actorWithRole("SUPERVISOR", "WC");
    await prisma.roleGrant.create({ data: { userId: both.id, orgId: top.id, role: "SUPERVISOR" } });
    const actor = (await loadActor(both.id))!;
    const page = await getProgress(actor, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(page.rows.map((r) => r.id).sort()).toEqual([top.id, await orgId("WC")].sort());
    for (const row of page.rows) expect(counts(row), row.name).toEqual(await fullCount(row.id));
    expect(page.rows.every((r) => r.total > 0)).toBe(true);
  });

  it("keeps each item under its duty's kind, also when an item moves to a duty of another kind", async () => {
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { periodId, duty: { kind: "IMPLEMENTING" } }, select: { id: true, dutyId: true } });
    const other = await prisma.duty.findFirstOrThrow({ where: { kind: "MAIN" }, select: { id: true } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { dutyId: other.id } });
    await expectTalliesExact();
    await prisma.checklistItem.update({ where: { id: item.id }, data: { dutyId: item.dutyId } });
    await expectTalliesExact();
  });

  it("stays exact when a tree's top is hung below another tree and back, and when an organization is deleted", async () => {
    const top = await prisma.org.create({ data: { id: "tally-top3", code: "T3", name: "第三工委", type: "WORKING_COMMITTEE", path: "/tally-top3/", depth: 0 } });
    const unit = await prisma.org.create({ data: { id: "tally-unit3", code: "T3-U1", name: "第三单位党组", type: "PARTY_GROUP", parentId: top.id, path: "/tally-top3/tally-unit3/", depth: 1 } });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { periodId }, select: { catalogVersionId: true } });
    await applyAssignment(prisma, { catalogVersionId: assignment.catalogVersionId, periodId, rootOrgId: top.id, orgTypes: ["WORKING_COMMITTEE", "PARTY_GROUP"] }, { actorId: null });
    /** Re-hangs the third tree's top, with its subtree, under `parent` (or at the top), as a move rewrites paths. */
    const rehang = async (parent: { id: string; path: string; depth: number } | null) => {
      const now = await prisma.org.findUniqueOrThrow({ where: { id: top.id }, select: { path: true, depth: true } });
      const to = `${parent?.path ?? "/"}${top.id}/`;
      const delta = (parent ? parent.depth + 1 : 0) - now.depth;
      await prisma.$executeRaw`
        UPDATE "Org" SET "path" = ${to} || substr("path", ${now.path.length + 1}), "depth" = "depth" + ${delta},
                         "parentId" = CASE WHEN "id" = ${top.id} THEN ${parent?.id ?? null} ELSE "parentId" END
         WHERE "path" LIKE ${`${now.path}%`}`;
    };
    // The top becomes a branch of the first tree's unit: its tally stays, and the unit's and the first top's grow.
    const host = await prisma.org.findUniqueOrThrow({ where: { code: "U04-OPC" }, select: { id: true, path: true, depth: true } });
    await rehang(host);
    await expectTalliesExact();
    await expectExact("supervisor", "U04");
    // And back to a top of its own.
    await rehang(null);
    await expectTalliesExact();
    await expectExact("supervisor", "U04");
    // A leaf deleted outright takes its items with it, and its count off its ancestors.
    await prisma.org.delete({ where: { id: unit.id } });
    expect(await prisma.checklistItem.count({ where: { orgId: unit.id } })).toBe(0);
    await expectTalliesExact();
  });

  it("stays exact when many writes to one unit's items and a move in it run at once", async () => {
    const admin = await actorFor("admin");
    const items = await prisma.checklistItem.findMany({ where: { periodId, org: { code: { startsWith: "U07" } } }, select: { id: true }, orderBy: { id: "asc" }, take: 30 });
    const moving = await prisma.org.findUniqueOrThrow({ where: { code: "U07-B1" }, select: { id: true, version: true } });
    const target = await orgId("U08-OPC");
    const statuses = ["DONE", "IN_PROGRESS", "RETURNED", "NOT_APPLICABLE", "SUBMITTED"] as const;
    // Pairs of items of other organizations under one unit, each pair written by one transaction in two
    // statements, half of them in the other order: under one ancestor they move the same tallies.
    const pairs = await prisma.checklistItem.findMany({
      where: { periodId, status: "NOT_STARTED", org: { code: { startsWith: "U08-" } } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 16,
    });
    expect(pairs).toHaveLength(16);
    const twoStatements = (k: number) =>
      prisma.$transaction(async (tx) => {
        const [a, b] = pairs.slice(2 * k, 2 * k + 2);
        if (!a || !b) throw new Error("too few items for a pair");
        const [first, second] = k % 2 === 0 ? (["DONE", "RETURNED"] as const) : (["RETURNED", "DONE"] as const);
        await tx.checklistItem.update({ where: { id: a.id }, data: { status: first } });
        await tx.checklistItem.update({ where: { id: b.id }, data: { status: second } });
      });
    // On PostgreSQL these run side by side on the pool's connections; each is its own transaction.
    await Promise.all([
      ...items.map((item, i) => prisma.checklistItem.update({ where: { id: item.id }, data: { status: statuses[i % statuses.length] } })),
      moveOrg(admin, { orgId: moving.id, targetId: target, expectedVersion: moving.version }),
      ...Array.from({ length: pairs.length / 2 }, (_, k) => twoStatements(k)),
      ...items.map((item, i) => prisma.checklistItem.update({ where: { id: item.id }, data: { dueDate: new Date(Date.UTC(2026, 11, 1 + (i % 5))) } })),
    ]);
    await expectTalliesExact({ concurrent: true });
    await expectExact("supervisor", "U07");
    await expectExact("supervisor", "U08");
  });
});
