import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import { approveItem, reopenItem, submitItem } from "@/lib/server/checklists/transitions";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { getChecklistSummary, listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, itemOf, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("checklists");
  const period = await getCurrentPeriod(TEST_NOW);
  if (!period) throw new Error("no period");
  periodId = period.id;
});
afterAll(() => drop());

async function subtreeCount(code: string) {
  const org = await prisma.org.findUniqueOrThrow({ where: { code } });
  return prisma.checklistItem.count({ where: { periodId, org: { path: { startsWith: org.path } } } });
}

describe("scope", () => {
  it("shows a unit secretary the items of their unit's whole subtree and nothing else", async () => {
    const secretary = await actorFor("u01-secretary");
    const page = await listChecklistItems(secretary, { periodId, pageSize: 1000, now: TEST_NOW });
    expect(page.total).toBe(await subtreeCount("U01"));
    expect(page.total).toBeGreaterThan(12);
    const u01 = await prisma.org.findUniqueOrThrow({ where: { code: "U01" } });
    expect(page.rows.every((r) => r.org.path.startsWith(u01.path))).toBe(true);
  });

  it("shows a branch secretary only their branch", async () => {
    const branch = await actorFor("u01-branch");
    const page = await listChecklistItems(branch, { periodId, pageSize: 1000, now: TEST_NOW });
    expect(page.total).toBe(await subtreeCount("U01-B1"));
    expect(new Set(page.rows.map((r) => r.org.name)).size).toBe(1);
  });

  it("answers not found for another unit's item, and leaves it unchanged when written to", async () => {
    const secretary = await actorFor("u01-secretary");
    const foreign = await itemOf("U02-B1", "NOT_STARTED");
    await expect(getChecklistItem(secretary, foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitItem(secretary, { itemId: foreign.id, expectedVersion: foreign.version, note: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const after = await prisma.checklistItem.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(after.status).toBe("NOT_STARTED");
    expect(after.version).toBe(foreign.version);
  });

  it("lets a supervisor read any unit's item but not tick it", async () => {
    const supervisor = await actorFor("supervisor");
    const item = await itemOf("U03-B1", "NOT_STARTED");
    const detail = await getChecklistItem(supervisor, item.id);
    expect(detail.canWrite).toBe(false);
    await expect(submitItem(supervisor, { itemId: item.id, expectedVersion: item.version, note: "" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("filters, paging and progress", () => {
  it("pages in the database and filters by kind, status and organization", async () => {
    const secretary = await actorFor("u01-secretary");
    const first = await listChecklistItems(secretary, { periodId, page: 1, pageSize: 10, now: TEST_NOW });
    const second = await listChecklistItems(secretary, { periodId, page: 2, pageSize: 10, now: TEST_NOW });
    expect(first.rows).toHaveLength(10);
    expect(second.rows[0]?.id).not.toBe(first.rows[0]?.id);
    expect(first.pageCount).toBe(Math.ceil(first.total / 10));

    const main = await listChecklistItems(secretary, { periodId, kind: "MAIN", pageSize: 1000, now: TEST_NOW });
    // The party group's twelve main responsibilities, some of them recurring within the year.
    expect(new Set(main.rows.map((r) => r.duty.code)).size).toBe(12);
    expect(main.total).toBeGreaterThan(12);
    expect(main.rows.every((r) => r.duty.kind === "MAIN")).toBe(true);

    const overdue = await listChecklistItems(secretary, { periodId, status: "overdue", pageSize: 1000, now: TEST_NOW });
    expect(overdue.rows.every((r) => r.status !== "DONE" && r.dueDate < today(TEST_NOW) && r.isOverdue)).toBe(true);

    const branchId = (await prisma.org.findUniqueOrThrow({ where: { code: "U01-B2" } })).id;
    const oneOrg = await listChecklistItems(secretary, { periodId, org: branchId, pageSize: 1000, now: TEST_NOW });
    expect(oneOrg.total).toBe(await subtreeCount("U01-B2"));
  });

  it("counts the summary in SQL to the same numbers as the rows", async () => {
    const secretary = await actorFor("u01-secretary");
    const all = await listChecklistItems(secretary, { periodId, pageSize: 5000, now: TEST_NOW });
    const summary = await getChecklistSummary(secretary, { periodId, now: TEST_NOW });
    expect(summary.total).toBe(all.total);
    expect(summary.done).toBe(all.rows.filter((r) => r.status === "DONE").length);
    expect(summary.overdue).toBe(all.rows.filter((r) => r.isOverdue).length);
    expect(summary.overdue).toBeGreaterThan(0);
    expect(summary.byKind.map((k) => k.kind)).toEqual(["MAIN", "IMPLEMENTING"]);
  });

  it("rolls progress up the tree for the supervisor, sortable", async () => {
    const supervisor = await actorFor("supervisor");
    const byName = await getProgress(supervisor, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(byName.rows).toHaveLength(8);
    expect(byName.parent?.total).toBe(await prisma.checklistItem.count({ where: { periodId } }));
    const u01 = byName.rows.find((r) => r.name.startsWith("省发展和改革委员会"));
    expect(u01?.total).toBe(await subtreeCount("U01"));
    const done = await prisma.checklistItem.count({ where: { periodId, status: "DONE", org: { path: { startsWith: (await prisma.org.findUniqueOrThrow({ where: { code: "U01" } })).path } } } });
    expect(u01?.done).toBe(done);

    const byRate = await getProgress(supervisor, "progress.read", periodId, { sort: "rate", dir: "desc", page: 1 }, TEST_NOW);
    const rates = byRate.rows.map((r) => r.rate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    // Another unit's subtree stays closed to a unit secretary, even asked for by id.
    const secretary = await actorFor("u01-secretary");
    const u02 = await prisma.org.findUniqueOrThrow({ where: { code: "U02" } });
    const foreign = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1, parentId: u02.id }, TEST_NOW);
    expect(foreign).toMatchObject({ parent: null, rows: [], total: 0 });
    const own = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(own.parent?.name).toBe("省发展和改革委员会党组");
    expect(own.rows.map((r) => r.type)).toEqual(["ORGAN_PARTY_COMMITTEE"]);

    const byOverdue = await getProgress(supervisor, "progress.read", periodId, { sort: "overdue", dir: "asc", page: 1 }, TEST_NOW);
    const overdue = byOverdue.rows.map((r) => r.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => a - b));
  });
});

describe("ticking off", () => {
  it("submits an item with the note for review, bumps its version and writes the audit row; approval makes it done", async () => {
    const secretary = await actorFor("u01-secretary");
    const item = await itemOf("U01", "NOT_STARTED");
    await withEvidence(item.id);
    const auditBefore = await prisma.auditLog.count({ where: { entityId: item.id } });
    const state = await submitItem(secretary, { itemId: item.id, expectedVersion: item.version, note: "会议纪要已归档" });
    expect(state).toMatchObject({ status: "SUBMITTED", version: item.version + 1, note: "会议纪要已归档", submittedById: secretary.id });

    const audit = await prisma.auditLog.findMany({ where: { entityId: item.id }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      actorId: secretary.id,
      action: "checklist.submit",
      entityType: "ChecklistItem",
      before: expect.objectContaining({ status: "NOT_STARTED", version: item.version }),
      after: expect.objectContaining({ status: "SUBMITTED", version: item.version + 1, note: "会议纪要已归档" }),
    });

    // The working committee reviews unit party groups.
    const committee = await actorFor("wc-secretary");
    const approved = await approveItem(committee, { itemId: item.id, expectedVersion: state.version, comment: "" });
    expect(approved).toMatchObject({ status: "DONE", version: item.version + 2 });
    expect(approved.completedBy?.id).toBe(secretary.id);

    const reopened = await reopenItem(committee, { itemId: item.id, expectedVersion: approved.version });
    expect(reopened).toMatchObject({ status: "IN_PROGRESS", version: item.version + 3, completedAt: null, completedBy: null });
    const last = await prisma.auditLog.findFirstOrThrow({ where: { entityId: item.id }, orderBy: { createdAt: "desc" } });
    expect(last.action).toBe("checklist.reopen");
  });

  it("writes the change and its audit row in one transaction: no audit, no change", async () => {
    const secretary = await actorFor("u01-secretary");
    const item = await itemOf("U01-OPC", "NOT_STARTED");
    await withEvidence(item.id);
    // An actor id that no user has makes the audit insert fail on its foreign key.
    const ghost = { ...secretary, id: "ghost-user-id" };
    await expect(submitItem(ghost, { itemId: item.id, expectedVersion: item.version, note: "" })).rejects.toThrow();
    const after = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after).toMatchObject({ status: "NOT_STARTED", version: item.version, completedById: null });
  });

  it("gives the second of two simultaneous ticks a conflict with the current state, losing nothing", async () => {
    const secretary = await actorFor("u01-secretary");
    const staff = await actorFor("u01-staff");
    const item = await itemOf("U01-B1", "NOT_STARTED");
    await withEvidence(item.id);
    const results = await Promise.allSettled([
      submitItem(secretary, { itemId: item.id, expectedVersion: item.version, note: "first" }),
      submitItem(staff, { itemId: item.id, expectedVersion: item.version, note: "second" }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const conflict = failed[0]?.reason as ConflictError<{ status: string; version: number; note: string }>;
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.current).toMatchObject({ status: "SUBMITTED", version: item.version + 1 });

    const stored = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(stored.version).toBe(item.version + 1);
    expect(stored.note).toBe(conflict.current.note);
    expect(await prisma.auditLog.count({ where: { entityId: item.id, action: "checklist.submit" } })).toBe(1);

    // A stale write after the fact is refused the same way.
    await expect(submitItem(staff, { itemId: item.id, expectedVersion: item.version, note: "late" })).rejects.toBeInstanceOf(ConflictError);
  });
});
