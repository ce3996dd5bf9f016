import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { delegateItem } from "@/lib/server/checklists/delegate-item";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { listReviewQueue } from "@/lib/server/checklists/review-queue";
import {
  approveItem,
  approveMany,
  recallSubmission,
  reopenItem,
  requestNotApplicable,
  returnItem,
  saveProgress,
  submitItem,
} from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;
// u01: the unit's party group secretary; staff: on its organ party committee; branch: secretary of branch U01-B1.
let u01: Actor;
let staff: Actor;
let branch: Actor;
let committee: Actor;
let stranger: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("transitions");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  [u01, staff, branch, committee, stranger] = await Promise.all([
    actorFor("u01-secretary"),
    actorFor("u01-staff"),
    actorFor("u01-branch"),
    actorFor("wc-secretary"),
    actorFor("u02-staff"),
  ]);
});
afterAll(() => drop());

/** A fresh open item of the organization, with evidence unless asked not to. */
async function openItem(code: string, evidence = true) {
  const item = await prisma.checklistItem.findFirstOrThrow({
    where: { org: { code }, periodId, status: "NOT_STARTED", submittedById: null, evidence: { none: {} } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  if (evidence) await withEvidence(item.id);
  return item;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return Object.values(error.fieldErrors)[0]?.[0] ?? "validation";
    if (error instanceof NotFoundError) return "not_found";
    if (error instanceof ConflictError) return "conflict";
    throw error;
  }
  return "allowed";
}

const noticesOf = (userId: string, itemId: string) => prisma.notification.findMany({ where: { userId, itemId }, orderBy: { createdAt: "asc" } });

describe("the life of an item", () => {
  it("goes not started → in progress → submitted → returned → submitted → done, each step in its history", async () => {
    const item = await openItem("U01-B1");
    const saved = await saveProgress(branch, { itemId: item.id, expectedVersion: item.version, note: "已起草方案" });
    expect(saved.status).toBe("IN_PROGRESS");
    const submitted = await submitItem(branch, { itemId: item.id, expectedVersion: saved.version, note: "已召开支委会" }, TEST_NOW);
    expect(submitted).toMatchObject({ status: "SUBMITTED", submittedById: branch.id });
    // The organ party committee reviews its branches: its staff member hears of it, the submitter does not.
    expect((await noticesOf(staff.id, item.id)).map((n) => n.kind)).toEqual(["ITEM_SUBMITTED"]);
    expect(await noticesOf(branch.id, item.id)).toEqual([]);

    const returned = await returnItem(staff, { itemId: item.id, expectedVersion: submitted.version, comment: "请补充会议记录" });
    expect(returned).toMatchObject({ status: "RETURNED", reviewComment: "请补充会议记录" });
    const [notice] = await noticesOf(branch.id, item.id);
    expect(notice).toMatchObject({ kind: "ITEM_RETURNED", actorId: staff.id, payload: { comment: "请补充会议记录" } });

    // Saving keeps it returned: the lists still show that the reviewer sent it back, until it is resubmitted.
    const corrected = await saveProgress(branch, { itemId: item.id, expectedVersion: returned.version, note: "正在补充会议记录" });
    expect(corrected.status).toBe("RETURNED");
    const again = await submitItem(branch, { itemId: item.id, expectedVersion: corrected.version, note: "已补充会议记录" });
    const done = await approveItem(staff, { itemId: item.id, expectedVersion: again.version, comment: "" });
    expect(done).toMatchObject({ status: "DONE", completedBy: { id: branch.id } });

    const history = await prisma.auditLog.findMany({ where: { entityId: item.id, action: { startsWith: "checklist." } }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.action, (h.before as { status: string }).status, (h.after as { status: string }).status])).toEqual([
      ["checklist.save", "NOT_STARTED", "IN_PROGRESS"],
      ["checklist.submit", "IN_PROGRESS", "SUBMITTED"],
      ["checklist.return", "SUBMITTED", "RETURNED"],
      ["checklist.save", "RETURNED", "RETURNED"],
      ["checklist.submit", "RETURNED", "SUBMITTED"],
      ["checklist.approve", "SUBMITTED", "DONE"],
    ]);
    expect(history[2]?.after).toMatchObject({ reviewComment: "请补充会议记录" });
  });

  it("refuses steps that do not fit the status", async () => {
    const item = await openItem("U01-B2");
    const v = item.version;
    expect(await refusal(approveItem(staff, { itemId: item.id, expectedVersion: v, comment: "" }))).toBe("notSubmitted");
    expect(await refusal(recallSubmission(branch, { itemId: item.id, expectedVersion: v }))).toBe("not_found"); // U01-B2 is not this branch's
    expect(await refusal(recallSubmission(u01, { itemId: item.id, expectedVersion: v }))).toBe("notSubmitted");
    expect(await refusal(reopenItem(staff, { itemId: item.id, expectedVersion: v }))).toBe("notSettled");
    const submitted = await submitItem(u01, { itemId: item.id, expectedVersion: v, note: "" });
    expect(await refusal(submitItem(u01, { itemId: item.id, expectedVersion: submitted.version, note: "" }))).toBe("notOpen");
    expect(await refusal(saveProgress(u01, { itemId: item.id, expectedVersion: submitted.version, note: "" }))).toBe("notOpen");
    // A stale version is a conflict, whatever the step.
    expect(await refusal(recallSubmission(u01, { itemId: item.id, expectedVersion: v }))).toBe("conflict");
    const recalled = await recallSubmission(u01, { itemId: item.id, expectedVersion: submitted.version });
    expect(recalled.status).toBe("IN_PROGRESS");
    // A withdrawn item takes no step at all.
    await prisma.checklistItem.update({ where: { id: item.id }, data: { status: "WITHDRAWN" } });
    expect(await refusal(submitItem(u01, { itemId: item.id, expectedVersion: recalled.version, note: "" }))).toBe("notOpen");
  });

  it("needs evidence before a duty that requires it is submitted, but not to ask for not applicable", async () => {
    const item = await openItem("U01-B1", false);
    expect(await refusal(submitItem(branch, { itemId: item.id, expectedVersion: item.version, note: "" }))).toBe("evidenceRequired");
    expect((await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version);
    const asked = await requestNotApplicable(branch, { itemId: item.id, expectedVersion: item.version, reason: "本支部无此项工作" });
    expect(asked).toMatchObject({ status: "SUBMITTED", requestedNotApplicable: true, naReason: "本支部无此项工作" });
    const settled = await approveItem(staff, { itemId: item.id, expectedVersion: asked.version, comment: "同意" });
    expect(settled.status).toBe("NOT_APPLICABLE");
    // Not applicable is out of the count: the branch's total drops by one.
    const total = await prisma.checklistItem.count({ where: { org: { code: "U01-B1" }, periodId, status: { notIn: ["NOT_APPLICABLE", "WITHDRAWN"] } } });
    const progress = await getProgress(branch, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(progress.parent?.total).toBe(total);
  });
});

describe("the reviewer rule", () => {
  it("is the organization above by default: never the submitter, never another unit, never the unit itself", async () => {
    const item = await openItem("U01-B1");
    const submitted = await submitItem(staff, { itemId: item.id, expectedVersion: item.version, note: "" });
    const input = { itemId: item.id, expectedVersion: submitted.version, comment: "" };
    expect(await refusal(approveItem(staff, input))).toBe("ownSubmission");
    expect(await refusal(approveItem(branch, input))).toBe("notReviewer");
    expect(await refusal(approveItem(stranger, input))).toBe("not_found");
    expect(await refusal(approveItem(await actorFor("supervisor"), input))).toBe("not_found");
    // Above the reviewer organization reviews too.
    expect((await approveItem(u01, input)).status).toBe("DONE");
    expect(await refusal(reopenItem(branch, { itemId: item.id, expectedVersion: submitted.version + 1 }))).toBe("reviewerOnly");
    expect((await reopenItem(staff, { itemId: item.id, expectedVersion: submitted.version + 1 })).status).toBe("IN_PROGRESS");
  });

  it("follows the assignment: a named organization above, or nobody", async () => {
    const item = await openItem("U01-B2");
    const assignment = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id }, select: { assignmentId: true } });
    await prisma.assignment.update({ where: { id: assignment.assignmentId }, data: { reviewMode: "ORG", reviewerOrgId: await orgId("U01") } });
    const submitted = await submitItem(u01, { itemId: item.id, expectedVersion: item.version, note: "" });
    // The organ party committee is not the reviewer now; the party group is, and u01 submitted it.
    expect(await refusal(approveItem(staff, { itemId: item.id, expectedVersion: submitted.version, comment: "" }))).toBe("notReviewer");
    expect((await getChecklistItem(staff, item.id, TEST_NOW)).canReview).toBe(false);
    expect((await getChecklistItem(committee, item.id, TEST_NOW)).canReview).toBe(true);
    expect((await noticesOf(u01.id, item.id)).length).toBe(0);
    expect((await approveItem(committee, { itemId: item.id, expectedVersion: submitted.version, comment: "" })).status).toBe("DONE");

    const other = await openItem("U01-OPC");
    const otherAssignment = await prisma.checklistItem.findUniqueOrThrow({ where: { id: other.id }, select: { assignmentId: true } });
    await prisma.assignment.update({ where: { id: otherAssignment.assignmentId }, data: { reviewMode: "NONE" } });
    const settled = await submitItem(staff, { itemId: other.id, expectedVersion: other.version, note: "" });
    expect(settled).toMatchObject({ status: "DONE", completedBy: { id: staff.id } });
    // Without a reviewer the unit undoes its own.
    expect((await reopenItem(staff, { itemId: other.id, expectedVersion: settled.version })).status).toBe("IN_PROGRESS");
  });
});

describe("the review queue", () => {
  it("lists what waits for the actor across their subtree, less their own, and approves many at once", async () => {
    const a = await openItem("U01-B1");
    const b = await openItem("U01-GB1-B1");
    const own = await openItem("U01-B2");
    const foreign = await openItem("U02-B1");
    await submitItem(branch, { itemId: a.id, expectedVersion: a.version, note: "" });
    await submitItem(u01, { itemId: b.id, expectedVersion: b.version, note: "" });
    await submitItem(staff, { itemId: own.id, expectedVersion: own.version, note: "" });
    await submitItem(await actorFor("u02-secretary"), { itemId: foreign.id, expectedVersion: foreign.version, note: "" });

    const queue = await listReviewQueue(staff, { page: 1 });
    const ids = queue.rows.map((r) => r.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(own.id);
    expect(ids).not.toContain(foreign.id);
    expect(queue.total).toBe(queue.rows.length);
    // A general branch reviews its own branches; the organ party committee above it may too.
    expect(ids).toContain(b.id);
    const byOrg = await listReviewQueue(staff, { page: 1, org: await orgId("U01-B1") });
    expect(byOrg.rows.map((r) => r.id)).toEqual([a.id]);

    const rows = queue.rows.filter((r) => r.id === a.id || r.id === b.id);
    const result = await approveMany(staff, {
      items: [...rows.map((r) => ({ itemId: r.id, expectedVersion: r.version })), { itemId: foreign.id, expectedVersion: foreign.version + 1 }],
    });
    expect(result.approved.sort()).toEqual([a.id, b.id].sort());
    expect(result.failed).toEqual([{ itemId: foreign.id, reason: "refused" }]);
    expect((await listReviewQueue(staff, { page: 1 })).rows.map((r) => r.id)).not.toContain(a.id);
  });
});

describe("notices", () => {
  it("reach the delegate, and not those who turned the kind off", async () => {
    const item = await openItem("U01");
    await prisma.notificationOptOut.create({ data: { userId: branch.id, kind: "ITEM_DELEGATED" } });
    await delegateItem(u01, { itemId: item.id, expectedVersion: item.version, target: `org:${await orgId("U01-B1")}` });
    expect(await noticesOf(branch.id, item.id)).toEqual([]);
    await prisma.notificationOptOut.deleteMany({ where: { userId: branch.id } });

    const next = await openItem("U01");
    await delegateItem(u01, { itemId: next.id, expectedVersion: next.version, target: `org:${await orgId("U01-B1")}` });
    expect((await noticesOf(branch.id, next.id)).map((n) => n.kind)).toEqual(["ITEM_DELEGATED"]);
    const staffItem = await openItem("U01");
    await delegateItem(u01, { itemId: staffItem.id, expectedVersion: staffItem.version, target: `user:${staff.id}` });
    expect((await noticesOf(staff.id, staffItem.id)).map((n) => n.kind)).toEqual(["ITEM_DELEGATED"]);
  });
});
