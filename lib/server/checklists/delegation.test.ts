import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/server/access/authorize";
import { listEntityHistory } from "@/lib/server/audit/list-entity-history";
import type { Actor } from "@/lib/server/auth/actor";
import { submitItem } from "@/lib/server/checklists/transitions";
import { DELEGATION_TARGET_LIMIT, delegateItem, listDelegationTargets, revokeDelegation } from "@/lib/server/checklists/delegate-item";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { getChecklistSummary, listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, itemOf, orgId, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;
let secretary: Actor;
let branch: Actor;
let staff: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("delegation");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  [secretary, branch, staff] = await Promise.all([actorFor("u01-secretary"), actorFor("u01-branch"), actorFor("u01-staff")]);
});
afterAll(() => drop());

async function version(itemId: string) {
  return (await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).version;
}

async function fieldError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return Object.values(error.fieldErrors)[0]?.[0];
    throw error;
  }
  return undefined;
}

const sees = (actor: Actor, itemId: string) =>
  getChecklistItem(actor, itemId, TEST_NOW).then(
    () => true,
    (e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e)),
  );

describe("delegation to a child organization", () => {
  it("shows the item on both sides; the delegate works on it, the owner still answers for it", async () => {
    const item = await itemOf("U01", "NOT_STARTED");
    const b1 = await orgId("U01-B1");
    expect(await sees(branch, item.id)).toBe(false);
    const before = await listChecklistItems(branch, { periodId, pageSize: 1000, now: TEST_NOW });
    const progressBefore = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);

    await delegateItem(secretary, { itemId: item.id, expectedVersion: item.version, target: `org:${b1}` });

    // The delegate's side: listed, counted, filterable by their organization, and readable.
    const after = await listChecklistItems(branch, { periodId, pageSize: 1000, now: TEST_NOW });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.some((r) => r.id === item.id)).toBe(true);
    const summary = await getChecklistSummary(branch, { periodId, now: TEST_NOW });
    expect(summary.total).toBe(after.total);
    const byOrg = await listChecklistItems(branch, { periodId, org: b1, pageSize: 1000, now: TEST_NOW });
    expect(byOrg.rows.some((r) => r.id === item.id)).toBe(true);
    const seen = await getChecklistItem(branch, item.id, TEST_NOW);
    expect(seen).toMatchObject({ viaDelegation: true, canWrite: true, canDelegate: false });
    expect(seen.delegatedOrg?.id).toBe(b1);

    // The owner's side: still theirs, still in their progress, marked as delegated.
    const owner = await getChecklistItem(secretary, item.id, TEST_NOW);
    expect(owner).toMatchObject({ viaDelegation: false, canDelegate: true });
    const progressAfter = await getProgress(secretary, "progress.read", periodId, { sort: "name", dir: "asc", page: 1 }, TEST_NOW);
    expect(progressAfter.parent?.total).toBe(progressBefore.parent?.total);
    expect((await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).orgId).toBe(await orgId("U01"));

    // The delegate submits it; the owner sees it submitted.
    await withEvidence(item.id);
    await submitItem(branch, { itemId: item.id, expectedVersion: await version(item.id), note: "支部已落实" });
    expect((await getChecklistItem(secretary, item.id, TEST_NOW)).status).toBe("SUBMITTED");
    const actions = (await listEntityHistory("ChecklistItem", item.id)).map((h) => h.action);
    expect(actions.slice(0, 2)).toEqual(["checklist.submit", "checklist.delegate"]);
  });

  it("does not let the delegate pass the item on or take it back", async () => {
    const item = await itemOf("U01", "NOT_STARTED");
    const b1 = await orgId("U01-B1");
    await delegateItem(secretary, { itemId: item.id, expectedVersion: item.version, target: `org:${b1}` });
    const v = await version(item.id);
    await expect(delegateItem(branch, { itemId: item.id, expectedVersion: v, target: `user:${staff.id}` })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeDelegation(branch, { itemId: item.id, expectedVersion: v })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDelegationTargets(branch, item.id)).rejects.toBeInstanceOf(NotFoundError);
    // The registry's rules say the same for the pages and actions.
    await expect(authorize(branch, "page:/checklists/[itemId]", { itemId: item.id })).resolves.toBe(branch);
    await expect(authorize(branch, "action:submitItem", { itemId: item.id })).resolves.toBe(branch);
    await expect(authorize(branch, "action:delegateItem", { itemId: item.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(branch, "action:revokeDelegation", { itemId: item.id })).rejects.toBeInstanceOf(NotFoundError);

    // Taking it back ends the delegate's access; the history keeps both steps.
    await revokeDelegation(secretary, { itemId: item.id, expectedVersion: v });
    expect(await sees(branch, item.id)).toBe(false);
    await expect(authorize(branch, "page:/checklists/[itemId]", { itemId: item.id })).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await listEntityHistory("ChecklistItem", item.id)).map((h) => h.action);
    expect(actions.slice(0, 2)).toEqual(["checklist.undelegate", "checklist.delegate"]);
  });
});

describe("delegation to a person", () => {
  it("lets a staff member in the subtree work on a party group item they could not see before", async () => {
    const item = await itemOf("U01", "NOT_STARTED");
    expect(await sees(staff, item.id)).toBe(false);
    const targets = await listDelegationTargets(secretary, item.id);
    expect(targets.people.map((p) => p.id)).toContain(staff.id);
    expect(targets.people.map((p) => p.id)).not.toContain(secretary.id);
    await delegateItem(secretary, { itemId: item.id, expectedVersion: item.version, target: `user:${staff.id}` });
    expect(await getChecklistItem(staff, item.id, TEST_NOW)).toMatchObject({ viaDelegation: true, canWrite: true });
    // Nobody else in the staff member's organization gains anything.
    expect(await sees(branch, item.id)).toBe(false);
  });
});

describe("delegation rules", () => {
  it("refuses targets outside the item's subtree, the item's own organization, oneself and closed items", async () => {
    const item = await itemOf("U01-OPC", "NOT_STARTED");
    const input = { itemId: item.id, expectedVersion: item.version };
    expect(await fieldError(delegateItem(secretary, { ...input, target: `org:${await orgId("U02-B1")}` }))).toBe("notBelow");
    expect(await fieldError(delegateItem(secretary, { ...input, target: `org:${await orgId("U01-OPC")}` }))).toBe("notBelow");
    expect(await fieldError(delegateItem(secretary, { ...input, target: `org:${await orgId("U01")}` }))).toBe("notBelow");
    const foreigner = await actorFor("u02-branch");
    expect(await fieldError(delegateItem(secretary, { ...input, target: `user:${foreigner.id}` }))).toBe("notInSubtree");
    expect(await fieldError(delegateItem(secretary, { ...input, target: `user:${secretary.id}` }))).toBe("self");
    // Someone above the item's organization is not "in its subtree" either.
    const itemOfBranch = await itemOf("U01-B1", "NOT_STARTED");
    expect(
      await fieldError(delegateItem(secretary, { itemId: itemOfBranch.id, expectedVersion: itemOfBranch.version, target: `user:${staff.id}` })),
    ).toBe("notInSubtree");
    const done = await itemOf("U01", "DONE");
    expect(await fieldError(delegateItem(secretary, { itemId: done.id, expectedVersion: done.version, target: `org:${await orgId("U01-B1")}` }))).toBe(
      "closed",
    );
    expect(await version(item.id)).toBe(item.version);
  });

  it("is only for secretaries of the item's organization or above", async () => {
    const item = await itemOf("U01-OPC", "NOT_STARTED");
    const b1 = await orgId("U01-B1");
    // Staff work on items but do not hand them out; another unit's secretary does not reach them.
    await expect(delegateItem(staff, { itemId: item.id, expectedVersion: item.version, target: `org:${b1}` })).rejects.toBeInstanceOf(NotFoundError);
    const other = await actorFor("u02-secretary");
    await expect(delegateItem(other, { itemId: item.id, expectedVersion: item.version, target: `org:${b1}` })).rejects.toBeInstanceOf(NotFoundError);
    const admin = await actorFor("admin");
    await expect(delegateItem(admin, { itemId: item.id, expectedVersion: item.version, target: `org:${b1}` })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("whom to delegate to", () => {
  it("lists the first organizations and people below, and finds the others by name, code or user name", async () => {
    const item = await itemOf("U01", "NOT_STARTED");
    const unit = await prisma.org.findUniqueOrThrow({ where: { code: "U01" }, select: { id: true, path: true, depth: true } });
    // More branches below the unit than a select lists; the last by path is past the limit.
    const ids = Array.from({ length: DELEGATION_TARGET_LIMIT + 1 }, (_, i) => `dtbranch${String(i).padStart(4, "0")}`);
    await prisma.org.createMany({
      data: ids.map((id, i) => ({
        id,
        code: `U01-DT${String(i).padStart(4, "0")}`,
        name: `交办测试第${i}支部`,
        type: "BRANCH" as const,
        parentId: unit.id,
        path: `${unit.path}${id}/`,
        depth: unit.depth + 1,
      })),
    });
    try {
      const first = await listDelegationTargets(secretary, item.id);
      expect(first.isTruncated).toBe(true);
      expect(first.orgs).toHaveLength(DELEGATION_TARGET_LIMIT);
      expect(first.orgs.map((o) => o.id)).not.toContain(ids.at(-1));
      expect(first.orgs.find((o) => o.id === ids[0])).toMatchObject({ name: "交办测试第0支部", depth: 0 });

      const last = ids.length - 1;
      for (const words of [`U01-DT${String(last).padStart(4, "0")}`, `第${last}支部`, `dt${String(last).padStart(4, "0")}`]) {
        const found = await listDelegationTargets(secretary, item.id, words);
        expect(found.orgs.map((o) => o.id), words).toStrictEqual([ids[last]]);
        expect(found.isTruncated).toBe(false);
      }
      // People by name or user name; the searcher is never among them.
      const byUsername = await listDelegationTargets(secretary, item.id, "U01-STAFF");
      expect(byUsername).toMatchObject({ orgs: [], people: [{ id: staff.id }], isTruncated: false });
      const byName = await listDelegationTargets(secretary, item.id, staff.name);
      expect(byName.people.map((p) => p.id)).toContain(staff.id);
      expect((await listDelegationTargets(secretary, item.id, "u01-secretary")).people).toStrictEqual([]);
      // What was typed matches itself, and nothing outside the unit is found.
      expect(await listDelegationTargets(secretary, item.id, "%")).toStrictEqual({ orgs: [], people: [], isTruncated: false });
      expect(await listDelegationTargets(secretary, item.id, "U02")).toStrictEqual({ orgs: [], people: [], isTruncated: false });
      // The search is the delegation's own: whoever may not delegate the item may not search for it.
      await expect(authorize(secretary, "action:findDelegationTargets", { itemId: item.id })).resolves.toBe(secretary);
      await expect(authorize(staff, "action:findDelegationTargets", { itemId: item.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listDelegationTargets(staff, item.id, "U01")).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await prisma.org.deleteMany({ where: { id: { in: ids } } });
    }
  });
});
