import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/env";
import type { Actor } from "@/lib/server/auth/actor";
import { countChecklistItems, getChecklistSummary, listChecklistItemIds, listItemOwners } from "@/lib/server/checklists/list-checklist-items";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { countReviewQueue, listReviewQueue } from "@/lib/server/checklists/review-queue";
import { closeConnection, prisma } from "@/lib/server/db";
import { openDatabase } from "@/lib/server/db/connect";
import { migrate } from "@/lib/server/db/migrate";
import { countUnread } from "@/lib/server/notifications/list-notifications";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW } from "@/lib/test/seeded-database";
import { createTestDatabase } from "@/lib/test/test-database";
import { seedDemo } from "@/prisma/seed/seed-demo";

// The migration that reshaped the indexes of the large tables for province scale (dropped the unused
// ones, re-keyed the item's unique key on its assignment, made the mostly-null ones partial). Indexes
// change how an answer is found, never the answer: every list, count and summary is asked on the
// migrated schema, and again on the same data with the indexes as they were before it.
const SCHEMA_CHANGE = "20261205082347_scale_indexes";
const INDEXES_BEFORE = `
  DROP INDEX "ChecklistItem_orgId_periodId_status_idx";
  DROP INDEX "ChecklistItem_submitted_idx";
  DROP INDEX "ChecklistItem_ownerId_idx";
  DROP INDEX "ChecklistItem_delegatedOrgId_idx";
  DROP INDEX "ChecklistItem_delegatedToId_idx";
  DROP INDEX "ChecklistItem_assignmentId_dutyId_occurrence_key";
  DROP INDEX "Notification_pending_digest_idx";
  DROP INDEX "Notification_orgId_idx";
  CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");
  CREATE INDEX "ChecklistItem_assignmentId_idx" ON "ChecklistItem"("assignmentId");
  CREATE INDEX "ChecklistItem_completedById_idx" ON "ChecklistItem"("completedById");
  CREATE INDEX "ChecklistItem_delegatedOrgId_idx" ON "ChecklistItem"("delegatedOrgId");
  CREATE INDEX "ChecklistItem_delegatedToId_idx" ON "ChecklistItem"("delegatedToId");
  CREATE UNIQUE INDEX "ChecklistItem_orgId_dutyId_periodId_occurrence_key" ON "ChecklistItem"("orgId", "dutyId", "periodId", "occurrence");
  CREATE INDEX "ChecklistItem_ownerId_idx" ON "ChecklistItem"("ownerId");
  CREATE INDEX "ChecklistItem_periodId_orgId_status_idx" ON "ChecklistItem"("periodId", "orgId", "status");
  CREATE INDEX "ChecklistItem_status_periodId_idx" ON "ChecklistItem"("status", "periodId");
  CREATE INDEX "Notification_emailedAt_idx" ON "Notification"("emailedAt");
  CREATE INDEX "Notification_orgId_idx" ON "Notification"("orgId");`;

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase("scale-indexes");
  const applied = await migrate({ target: parseDatabaseUrl(database.url), migrationsDir: path.resolve("prisma/migrations") });
  expect(applied.applied).toContain(SCHEMA_CHANGE);
  const seeding = openDatabase(database.url);
  try {
    await seedDemo(seeding.prisma, { now: TEST_NOW });
  } finally {
    await seeding.close();
  }
  process.env.DATABASE_URL = database.url;
  await everyIndexedCaseTaken();
});

afterAll(async () => {
  await closeConnection();
  await database.drop();
});

/** Rows for each index the change touched: owners, items handed to a branch and to a person, submissions, notices about an organization and owed to a digest. */
async function everyIndexedCaseTaken() {
  const periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  const branch = await actorFor("u01-branch");
  const items = await prisma.checklistItem.findMany({ where: { periodId, org: { code: "U01-OPC" } }, select: { id: true }, orderBy: { id: "asc" }, take: 6 });
  const b1 = await orgId("U01-B1");
  await prisma.checklistItem.updateMany({ where: { id: { in: items.slice(0, 2).map((i) => i.id) } }, data: { delegatedOrgId: b1 } });
  await prisma.checklistItem.updateMany({ where: { id: { in: items.slice(2, 4).map((i) => i.id) } }, data: { delegatedToId: branch.id } });
  await prisma.checklistItem.updateMany({ where: { id: { in: items.slice(3, 6).map((i) => i.id) } }, data: { ownerId: branch.id } });
  // Submitted items for U01's reviewers.
  const submitted = await prisma.checklistItem.findMany({ where: { periodId, org: { code: "U01-B1" }, status: "NOT_STARTED" }, select: { id: true }, orderBy: { id: "asc" }, take: 2 });
  for (const [n, item] of submitted.entries()) {
    await prisma.checklistItem.update({ where: { id: item.id }, data: { status: "SUBMITTED", submittedById: branch.id, submittedAt: new Date(TEST_NOW.getTime() - n * 60_000) } });
  }
  await prisma.notification.createMany({
    data: [
      { userId: branch.id, kind: "TERM_DUE", orgId: b1 },
      { userId: branch.id, kind: "ITEM_DELEGATED", itemId: items[2]!.id },
      { userId: branch.id, kind: "ITEM_DELEGATED", itemId: items[3]!.id, readAt: TEST_NOW },
    ],
  });
}

/** Everything a page asks of the tables the change touched, for people at each level. */
async function answers() {
  const periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  const people: Actor[] = await Promise.all(["supervisor", "wc-secretary", "u01-secretary", "u01-staff", "u01-branch"].map(actorFor));
  const b1 = await orgId("U01-B1");
  const out: Record<string, unknown> = {};
  for (const actor of people) {
    const q = { periodId, now: TEST_NOW };
    const filters = [q, { ...q, status: "delegated" as const }, { ...q, owner: "mine" as const }, { ...q, org: b1 }, { ...q, status: "open" as const, q: "党" }];
    out[actor.username] = {
      counts: await Promise.all(filters.map((f) => countChecklistItems(actor, f))),
      ids: await Promise.all(filters.map((f) => listChecklistItemIds(actor, f, { limit: 500, offset: 0 }))),
      summary: await getChecklistSummary(actor, q),
      owners: await listItemOwners(actor, { periodId }),
      reviews: await countReviewQueue(actor),
      queue: (await listReviewQueue(actor, { page: 1 })).rows.map((r) => r.id),
      unread: await countUnread(actor),
      progress: actor.grants.some((g) => g.role === "SUPERVISOR")
        ? await getProgress(actor, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW)
        : null,
    };
  }
  return out;
}

async function partialIndexes(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ indexname: string }[]>`
    SELECT indexname FROM pg_indexes WHERE tablename IN ('ChecklistItem', 'Notification') AND indexdef LIKE '% WHERE %' ORDER BY indexname`;
  return rows.map((r) => r.indexname);
}

describe("the province-scale indexes", () => {
  it("change no list, count, summary, queue or progress row", async () => {
    expect(await partialIndexes()).toEqual([
      "ChecklistItem_delegatedOrgId_idx",
      "ChecklistItem_delegatedToId_idx",
      "ChecklistItem_ownerId_idx",
      "ChecklistItem_submitted_idx",
      "Notification_orgId_idx",
      "Notification_pending_digest_idx",
    ]);
    const migrated = await answers();
    const branch = migrated["u01-branch"] as { counts: number[] };
    // The cases the partial indexes cover are there to be found.
    expect(branch.counts[1]).toBeGreaterThan(0);
    expect(branch.counts[2]).toBeGreaterThan(0);
    expect((migrated["u01-staff"] as { reviews: number }).reviews).toBeGreaterThan(0);

    for (const statement of INDEXES_BEFORE.split(";").map((s) => s.trim()).filter(Boolean)) await prisma.$executeRawUnsafe(statement);
    expect(await partialIndexes()).toEqual([]);
    expect(await answers()).toEqual(migrated);
  });
});
