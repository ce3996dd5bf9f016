import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { delegateItem } from "@/lib/server/checklists/delegate-item";
import { countChecklistItems, getChecklistSummary, listChecklistItemIds, type ChecklistQuery } from "@/lib/server/checklists/list-checklist-items";
import { approveItem, returnItem, submitItem } from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, itemOf, withEvidence } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

// An unfiltered checklist's count and summary read the subtree tallies (and the items delegated in
// from outside); here they are held to the same count made item by item, for every kind of scope:
// a tree's top, a unit, a branch, a person given items in person, two grants at once, and a list
// narrowed to a subtree, inside the scope or not.

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("tallied-counts");
  periodId = (await getCurrentPeriod(TEST_NOW))!.id;
});
afterAll(() => drop());

const path = async (code: string) => (await prisma.org.findUniqueOrThrow({ where: { code }, select: { path: true } })).path;

async function expectSameAsItems(actor: Actor, rootPath?: string) {
  const q: ChecklistQuery = { periodId, rootPath, now: TEST_NOW };
  const label = `${actor.grants.map((g) => g.orgName).join("+")} ${rootPath ?? "(whole scope)"}`;
  expect(await getChecklistSummary(actor, q), label).toStrictEqual(await getChecklistSummary(actor, q, "items"));
  const total = await countChecklistItems(actor, q);
  expect(total, label).toBe(await countChecklistItems(actor, q, "items"));
  // Every page of the list, sorted among the groups it spans, as when the whole list is sorted; and past the end.
  const everything = await listChecklistItemIds(actor, q, { limit: total + 1, offset: 0 }, "items");
  expect(everything, label).toHaveLength(total);
  for (const limit of [7, 25]) {
    for (let offset = 0; offset <= total; offset += limit) {
      expect(await listChecklistItemIds(actor, q, { limit, offset }), `${label} ${offset}+${limit}`).toEqual(everything.slice(offset, offset + limit));
    }
  }
}

describe("an unfiltered checklist counted from the tallies", () => {
  it("says what the items say, for every kind of scope, through delegations in and out and the steps of the work", async () => {
    const [committee, unit, branch, staff, supervisor] = await Promise.all([
      actorFor("wc-secretary"),
      actorFor("u01-secretary"),
      actorFor("u01-branch"),
      actorFor("u01-staff"),
      actorFor("supervisor"),
    ]);
    // A unit's items handed down: one to a branch, one to a person of its organ party committee.
    const toBranch = await itemOf("U01", "NOT_STARTED");
    await delegateItem(unit, { itemId: toBranch.id, expectedVersion: toBranch.version, target: `org:${(await prisma.org.findUniqueOrThrow({ where: { code: "U01-B1" } })).id}` });
    const toStaff = await prisma.checklistItem.findFirstOrThrow({
      where: { org: { code: "U01" }, status: "NOT_STARTED", delegatedOrgId: null },
      orderBy: { id: "desc" },
      select: { id: true, version: true },
    });
    await delegateItem(unit, { itemId: toStaff.id, expectedVersion: toStaff.version, target: `user:${staff.id}` });
    // Work moving the counts: a branch's item submitted and returned, another approved.
    const [returned, approved] = await prisma.checklistItem.findMany({
      where: { org: { code: "U01-B1" }, periodId, status: "NOT_STARTED", delegatedOrgId: null },
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, version: true },
    });
    const reviewer = await actorWithRole("SECRETARY", "U01");
    for (const item of [returned!, approved!]) {
      await withEvidence(item.id);
      await submitItem(branch, { itemId: item.id, expectedVersion: item.version, note: "" }, TEST_NOW);
    }
    await returnItem(reviewer, { itemId: returned!.id, expectedVersion: returned!.version + 1, comment: "补充材料" }, TEST_NOW);
    await approveItem(reviewer, { itemId: approved!.id, expectedVersion: approved!.version + 1, comment: "" }, TEST_NOW);
    // Someone with grants on two units at once.
    const twoUnits = await prisma.user.create({
      data: {
        username: "t-two-units",
        name: "两单位",
        passwordHash: "x",
        roles: { create: [{ orgId: (await prisma.org.findUniqueOrThrow({ where: { code: "U01" } })).id, role: "SECRETARY" }, { orgId: (await prisma.org.findUniqueOrThrow({ where: { code: "U02-B1" } })).id, role: "SECRETARY" }] },
      },
    });
    const both = (await loadActor(twoUnits.id))!;

    for (const actor of [committee, unit, branch, staff, supervisor, both]) await expectSameAsItems(actor);
    // Narrowed to a subtree: a unit's from the top, a branch's from its unit (the delegated item comes in), one outside the scope.
    await expectSameAsItems(committee, await path("U01"));
    await expectSameAsItems(unit, await path("U01-B1"));
    await expectSameAsItems(unit, await path("U01-OPC"));
    await expectSameAsItems(unit, await path("U02"));
    await expectSameAsItems(both, await path("U02-B1"));

    // The branch's list holds the unit's item handed down to it, the staff member's the one given in person.
    const branchCount = await countChecklistItems(branch, { periodId, now: TEST_NOW });
    const branchOwn = await prisma.checklistItem.count({ where: { periodId, org: { code: "U01-B1" }, status: { not: "WITHDRAWN" } } });
    expect(branchCount).toBe(branchOwn + 1);
  });
});
