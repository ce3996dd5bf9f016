import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { getChecklistSummary, listChecklistItems, type ChecklistQuery } from "@/lib/server/checklists/list-checklist-items";
import { returnItem, saveProgress, submitItem } from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let branch: Actor;
let staff: Actor;
let secretary: Actor;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("returned");
  [branch, staff, secretary] = await Promise.all([actorFor("u01-branch"), actorFor("u01-staff"), actorFor("u01-secretary")]);
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
});
afterAll(() => drop());

/** An open item of branch U01-B1, backed by evidence, submitted and sent back by the organ party committee. */
async function returnedItem() {
  const item = await prisma.checklistItem.findFirstOrThrow({
    where: { org: { code: "U01-B1" }, periodId, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  await withEvidence(item.id);
  const submitted = await submitItem(branch, { itemId: item.id, expectedVersion: item.version, note: "已完成" }, TEST_NOW);
  return returnItem(staff, { itemId: item.id, expectedVersion: submitted.version, comment: "请补充会议记录" });
}

const query = (over: Partial<ChecklistQuery> = {}): ChecklistQuery => ({ periodId, now: TEST_NOW, pageSize: 500, ...over });

describe("a returned item", () => {
  it("is worked on by the branch again, not by the reviewers who sent it back", async () => {
    const returned = await returnedItem();
    expect(returned.status).toBe("RETURNED");
    expect((await getChecklistItem(branch, returned.id, TEST_NOW)).canWrite).toBe(true);
    // The organ party committee's staff returned it; the unit's secretary reviews through the committee too.
    for (const reviewer of [staff, secretary]) {
      const seen = await getChecklistItem(reviewer, returned.id, TEST_NOW);
      expect(seen.status).toBe("RETURNED");
      expect(seen.canWrite).toBe(false);
      await expect(saveProgress(reviewer, { itemId: returned.id, expectedVersion: returned.version, note: "代为修改" })).rejects.toBeInstanceOf(NotFoundError);
    }
    const saved = await saveProgress(branch, { itemId: returned.id, expectedVersion: returned.version, note: "正在补充" });
    expect(saved.status).toBe("RETURNED");
  });

  it("shows as returned in the list, its filter, the summary and the progress roll-up, with the reviewer's comment", async () => {
    const returned = await returnedItem();
    const list = await listChecklistItems(branch, query({ status: "RETURNED" }));
    expect(list.rows.map((r) => r.id)).toContain(returned.id);
    expect(list.rows.every((r) => r.status === "RETURNED")).toBe(true);
    expect(list.rows.find((r) => r.id === returned.id)?.reviewComment).toBe("请补充会议记录");
    const submitted = await listChecklistItems(branch, query({ status: "SUBMITTED" }));
    expect(submitted.rows.every((r) => r.status === "SUBMITTED")).toBe(true);

    const summary = await getChecklistSummary(branch, query());
    expect(summary.returned).toBe(list.total);
    const progress = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1, parentId: await orgId("U01-OPC") }, TEST_NOW);
    expect(progress.rows.find((r) => r.name.endsWith("办公室党支部"))?.returned).toBe(list.total);
  });
});

describe("the progress table", () => {
  it("shows a unit's own items as a row beside its subtrees, so that the rows add up to the unit's total", async () => {
    const progress = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(progress.parent).not.toBeNull();
    expect(progress.own).not.toBeNull();
    const own = await prisma.checklistItem.count({ where: { periodId, orgId: progress.parent!.id, status: { notIn: ["NOT_APPLICABLE", "WITHDRAWN"] } } });
    expect(progress.own!.total).toBe(own);
    const sum = (key: "total" | "done" | "overdue" | "red" | "yellow") => progress.rows.reduce((s, r) => s + r[key], progress.own![key]);
    for (const key of ["total", "done", "overdue", "red", "yellow"] as const) expect(sum(key)).toBe(progress.parent![key]);
  });
});

describe("the migration that brings RETURNED", () => {
  it("marks as returned the items whose last status step was a return, and no other", async () => {
    const [wasReturned, wasResubmitted] = await prisma.checklistItem.findMany({
      where: { org: { code: "U02-B1" }, periodId, status: "NOT_STARTED" },
      select: { id: true, orgId: true },
      orderBy: { id: "asc" },
      take: 2,
    });
    const audit = (entityId: string, action: string, at: string) =>
      prisma.auditLog.create({ data: { action, entityType: "ChecklistItem", entityId, createdAt: new Date(at) } });
    for (const item of [wasReturned!, wasResubmitted!]) {
      await prisma.checklistItem.update({ where: { id: item.id }, data: { status: "IN_PROGRESS" } });
      await audit(item.id, "checklist.submit", "2026-11-01T01:00:00Z");
      await audit(item.id, "checklist.return", "2026-11-02T01:00:00Z");
    }
    // Saving after the return does not change what the last status step was; a later recall does.
    await audit(wasReturned!.id, "checklist.save", "2026-11-03T01:00:00Z");
    await audit(wasResubmitted!.id, "checklist.submit", "2026-11-03T01:00:00Z");
    await audit(wasResubmitted!.id, "checklist.recall", "2026-11-04T01:00:00Z");

    const dir = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_item_returned_backfill"));
    await prisma.$executeRawUnsafe(fs.readFileSync(path.join("prisma/migrations", dir!, "migration.sql"), "utf8"));
    const status = async (id: string) => (await prisma.checklistItem.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    expect(await status(wasReturned!.id)).toBe("RETURNED");
    expect(await status(wasResubmitted!.id)).toBe("IN_PROGRESS");
  });
});
