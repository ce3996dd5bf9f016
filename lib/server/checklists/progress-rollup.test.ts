import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import { getProgress, type ProgressRow } from "@/lib/server/checklists/get-progress";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { today } from "@/lib/dates";

// The progress roll-up against a plain count of the items under each organization, at every level
// the page opens, after the kinds of change that move the counts: done, returned, withdrawn,
// not applicable, handed down to a child, an organization closed and one moved.

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
}

describe("the progress roll-up", () => {
  it("matches a full count at every level, as seeded", async () => {
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

    await expectExact("supervisor");
    await expectExact("supervisor", "U01");
    await expectExact("supervisor", "U01-OPC");
    await expectExact("supervisor", "U01-GB1");
  });
});
