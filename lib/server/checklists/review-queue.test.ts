import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { getNextInReviewQueue, listReviewQueue } from "@/lib/server/checklists/review-queue";
import { DUTY_KINDS } from "@/lib/validation/checklists";
import { approveMany, returnItem, submitItem } from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;
// staff reviews the branches of U01's organ party committee; u02staff those of U02.
let staff: Actor;
let branch: Actor;
let u02staff: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("review-queue");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  [staff, branch, u02staff] = await Promise.all([actorFor("u01-staff"), actorFor("u01-branch"), actorFor("u02-staff")]);
});
afterAll(() => drop());

/** Submits a fresh open item of the organization as `actor`, at `at`. */
async function submitted(code: string, actor: Actor, at: Date) {
  const item = await prisma.checklistItem.findFirstOrThrow({
    where: { org: { code }, periodId, status: "NOT_STARTED", submittedById: null, evidence: { none: {} } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  await withEvidence(item.id);
  const state = await submitItem(actor, { itemId: item.id, expectedVersion: item.version, note: "" }, at);
  return { id: item.id, version: state.version };
}

const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

describe("the next item in the review queue", () => {
  it("follows the queue's order, keeps an item's place once it is reviewed, wraps round, and never leaves the reviewer's scope", async () => {
    const a = await submitted("U01-B1", branch, minutes(1));
    // Another unit's item, submitted between two of ours.
    const foreign = await submitted("U02-B1", await actorFor("u02-secretary"), minutes(2));
    const b = await submitted("U01-B2", await actorFor("u01-secretary"), minutes(3));
    const c = await submitted("U01-B1", branch, minutes(4));

    const queue = (await listReviewQueue(staff, { page: 1 })).rows.map((r) => r.id);
    expect(queue).not.toContain(foreign.id);
    // Ours are the latest submissions: the end of the queue, in order.
    expect(queue.slice(-3)).toEqual([a.id, b.id, c.id]);
    for (const [index, id] of queue.entries()) {
      const next = await getNextInReviewQueue(staff, id, { page: 1 });
      // Past the last one, back to the first.
      expect(next).toEqual({ nextId: queue[(index + 1) % queue.length] ?? null, remaining: queue.length - 1 });
    }

    // Once a is returned it leaves the queue, and its next is still b.
    await returnItem(staff, { itemId: a.id, expectedVersion: a.version, comment: "请补充材料" });
    expect(await getNextInReviewQueue(staff, a.id, { page: 1 })).toEqual({ nextId: b.id, remaining: queue.length - 1 });
    // The queue's filters hold: within branch U01-B1, c follows a.
    expect((await getNextInReviewQueue(staff, a.id, { page: 1, org: await orgId("U01-B1") }))?.nextId).toBe(c.id);

    // The other unit's reviewer is led to its own item only, never into U01.
    const theirs = (await listReviewQueue(u02staff, { page: 1 })).rows.map((r) => r.id);
    expect(theirs).toContain(foreign.id);
    expect((await getNextInReviewQueue(u02staff, a.id, { page: 1 }))?.nextId).toBe(foreign.id);
    for (const id of [a.id, b.id, c.id, foreign.id]) {
      const next = (await getNextInReviewQueue(u02staff, id, { page: 1 }))?.nextId ?? null;
      expect([null, ...theirs]).toContain(next);
      expect([a.id, b.id, c.id]).not.toContain(next);
    }
    // Someone who reviews nothing gets no queue to walk.
    expect(await getNextInReviewQueue(await actorFor("supervisor"), b.id, { page: 1 })).toBeNull();
  });
});

describe("approving many at once", () => {
  it("stores the one comment on every item approved, and none when it is left empty", async () => {
    const a = await submitted("U01-B1", branch, minutes(10));
    const b = await submitted("U01-B2", await actorFor("u01-secretary"), minutes(11));
    const result = await approveMany(staff, {
      items: [a, b].map((i) => ({ itemId: i.id, expectedVersion: i.version })),
      comment: "  材料齐全，同意。 ",
    });
    expect(result).toEqual({ approved: [a.id, b.id], failed: [] });
    const items = await prisma.checklistItem.findMany({ where: { id: { in: [a.id, b.id] } }, select: { status: true, reviewComment: true, reviewedById: true } });
    expect(items).toEqual([
      { status: "DONE", reviewComment: "材料齐全，同意。", reviewedById: staff.id },
      { status: "DONE", reviewComment: "材料齐全，同意。", reviewedById: staff.id },
    ]);
    // The submitters hear of it with the comment.
    const notice = await prisma.notification.findFirstOrThrow({ where: { itemId: a.id, kind: "ITEM_APPROVED" } });
    expect(notice.payload).toEqual({ comment: "材料齐全，同意。" });

    const c = await submitted("U01-B1", branch, minutes(12));
    await approveMany(staff, { items: [{ itemId: c.id, expectedVersion: c.version }], comment: "   " });
    expect((await prisma.checklistItem.findUniqueOrThrow({ where: { id: c.id } })).reviewComment).toBeNull();
  });
});

describe("the review queue's filters", () => {
  it("narrows to one kind of duty, and the kinds together give the whole queue", async () => {
    await submitted("U01-B2", await actorFor("u01-secretary"), minutes(10));
    const all = await listReviewQueue(staff, { page: 1 });
    expect(all.total).toBeGreaterThan(0);
    expect(all.rows).toHaveLength(all.total);
    let together = 0;
    for (const kind of DUTY_KINDS) {
      const narrowed = await listReviewQueue(staff, { page: 1, kind });
      expect(narrowed.rows.map((r) => r.duty.kind), kind).toEqual(narrowed.rows.map(() => kind));
      expect(narrowed.total, kind).toBe(all.rows.filter((r) => r.duty.kind === kind).length);
      together += narrowed.total;
    }
    expect(together).toBe(all.total);
  });
});
