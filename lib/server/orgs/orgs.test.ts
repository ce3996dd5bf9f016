import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayHold, typesAllowed } from "@/lib/orgs/org-rules";
import { authorize } from "@/lib/server/access/authorize";
import { reachesPath } from "@/lib/server/access/scope";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getAdminOrg, listOrgLevel, listTargets, searchOrgs } from "@/lib/server/orgs/browse-orgs";
import { createOrg, updateOrg } from "@/lib/server/orgs/manage-orgs";
import { closeOrg, mergeOrg, moveOrg, planRestructure } from "@/lib/server/orgs/restructure";
import { actorFor, actorWithRole, orgId, withEvidence } from "@/lib/test/actors";
import { reportOn, roundOn } from "@/lib/test/inspections";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { ZCreateOrg, ZOrgQuery, ZUpdateOrg } from "@/lib/validation/orgs";

let drop: () => Promise<void>;
let admin: Actor;
/** An administrator granted on unit U01: manages U01's subtree only. */
let subtreeAdmin: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("orgs");
  admin = await actorFor("admin");
  subtreeAdmin = await actorWithRole("ADMIN", "U01");
});
afterAll(() => drop());

async function org(code: string) {
  return prisma.org.findUniqueOrThrow({ where: { code }, select: { id: true, path: true, depth: true, parentId: true, version: true, closedAt: true, mergedIntoId: true } });
}

/** Everything keyed by an organization, counted over a subtree: what a restructuring must not lose. */
async function census(path: string) {
  const inTree = { org: { path: { startsWith: path } } };
  return {
    items: await prisma.checklistItem.count({ where: inTree }),
    done: await prisma.checklistItem.count({ where: { ...inTree, status: "DONE" } }),
    evidence: await prisma.evidence.count({ where: inTree }),
    findings: await prisma.finding.count({ where: inTree }),
    grants: await prisma.roleGrant.count({ where: inTree }),
    terms: await prisma.orgTerm.count({ where: inTree }),
  };
}

async function fresh(actor: Actor): Promise<Actor> {
  const loaded = await loadActor(actor.id);
  if (!loaded) throw new Error("no actor");
  return loaded;
}

describe("the type rule", () => {
  it("puts each type only under a higher level, and only a working committee at the top", () => {
    expect(mayHold(null, "WORKING_COMMITTEE")).toBe(true);
    expect(mayHold(null, "BRANCH")).toBe(false);
    expect(mayHold("ORGAN_PARTY_COMMITTEE", "BRANCH")).toBe(true);
    expect(mayHold("GENERAL_BRANCH", "BRANCH")).toBe(true);
    expect(mayHold("BRANCH", "BRANCH")).toBe(false);
    expect(mayHold("GENERAL_BRANCH", "ORGAN_PARTY_COMMITTEE")).toBe(false);
    // A general branch holding branches may not become a branch; under an organ party committee it may become nothing higher.
    expect(typesAllowed("ORGAN_PARTY_COMMITTEE", ["BRANCH"])).toEqual(["GENERAL_BRANCH"]);
  });
});

describe("creating and editing organizations", () => {
  it("adds a branch under an organ party committee, audited, in the tree at once", async () => {
    const parent = await org("U02-OPC");
    const { orgId: id } = await createOrg(admin, ZCreateOrg.parse({ parentId: parent.id, code: "U02-B9", name: "新建党支部", nameEn: "", type: "BRANCH" }));
    const created = await prisma.org.findUniqueOrThrow({ where: { id } });
    expect(created).toMatchObject({ parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1, type: "BRANCH", nameEn: null });
    expect(await prisma.auditLog.count({ where: { entityType: "Org", entityId: id, action: "org.create" } })).toBe(1);
    const level = await listOrgLevel(admin, parent.id);
    expect(level.nodes.map((n) => n.code)).toContain("U02-B9");
  });

  it("refuses a taken code, a type that cannot sit there, and a parent outside the subtree", async () => {
    const parent = await org("U01-OPC");
    const input = (code: string, type: string) => ZCreateOrg.parse({ parentId: parent.id, code, name: "某支部", nameEn: "", type });
    await expect(createOrg(admin, input("U02-B1", "BRANCH"))).rejects.toMatchObject({ fieldErrors: { code: ["orgCodeTaken"] } });
    await expect(createOrg(admin, input("U01-X1", "PARTY_GROUP"))).rejects.toMatchObject({ fieldErrors: { type: ["typeUnderParent"] } });
    const elsewhere = await org("U02-OPC");
    await expect(createOrg(subtreeAdmin, { ...input("U02-X1", "BRANCH"), parentId: elsewhere.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(ZCreateOrg.safeParse({ parentId: parent.id, code: "a b", name: "x", nameEn: "", type: "BRANCH" }).success).toBe(false);
  });

  it("renames and re-codes at the version seen; a stale page is a conflict; the type must fit parent and children", async () => {
    const target = await org("U01-B1");
    const input = (expectedVersion: number, type = "BRANCH") =>
      ZUpdateOrg.parse({ orgId: target.id, expectedVersion, code: "U01-B1X", name: "更名后的党支部", nameEn: "Renamed Branch", type });
    const { version } = await updateOrg(subtreeAdmin, input(target.version));
    expect(version).toEqual({ from: target.version, to: target.version + 1 });
    await expect(updateOrg(subtreeAdmin, input(target.version))).rejects.toBeInstanceOf(ConflictError);
    const gb = await org("U01-GB1");
    await expect(
      updateOrg(admin, ZUpdateOrg.parse({ orgId: gb.id, expectedVersion: gb.version, code: "U01-GB1", name: "总支", nameEn: "", type: "BRANCH" })),
    ).rejects.toMatchObject({ fieldErrors: { type: ["typeDoesNotFit"] } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: target.id, action: "org.update" } });
    expect(audit.before).toMatchObject({ code: "U01-B1" });
    expect(audit.after).toMatchObject({ code: "U01-B1X", name: "更名后的党支部" });
    // Back, so that later tests find the demo codes.
    await updateOrg(admin, { ...input(target.version + 1), code: "U01-B1", name: "办公室党支部" });
  });

  it("browses and searches only the administrator's subtree", async () => {
    const top = await listOrgLevel(subtreeAdmin, null);
    expect(top.nodes.map((n) => n.code)).toEqual(["U01"]);
    expect(top.nodes[0]?.childCount).toBe(1);
    const found = await searchOrgs(subtreeAdmin, ZOrgQuery.parse({ q: "B1" }));
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits.every((h) => h.code.startsWith("U01"))).toBe(true);
    expect(found.hits.find((h) => h.code === "U01-GB1-B1")?.trail).toHaveLength(4);
    await expect(listOrgLevel(subtreeAdmin, await orgId("U02"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAdminOrg(subtreeAdmin, await orgId("U02-B1"))).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAdminOrg(subtreeAdmin, await orgId("U01"))).isScopeRoot).toBe(true);
    expect((await getAdminOrg(admin, await orgId("U01"))).isScopeRoot).toBe(false);
  });
});

describe("moving a subtree", () => {
  it("plans, then moves a general branch with its branches: items, evidence, findings, roles and terms follow; scopes change at once", async () => {
    const moving = await org("U03-GB1");
    const from = await org("U03-OPC");
    const to = await org("U04-OPC");
    const before = await census(moving.path);
    const unitBefore = { from: await census(from.path), to: await census(to.path) };
    // A secretary of the new unit does not reach the branch yet; one of the old unit does.
    const newSecretary = await actorWithRole("SECRETARY", "U04-OPC");
    const oldSecretary = await actorWithRole("SECRETARY", "U03-OPC");
    expect(reachesPath(newSecretary, "checklist.read", moving.path)).toBe(false);

    const plan = await planRestructure(admin, "move", { orgId: moving.id, targetId: to.id });
    expect(plan.problems).toEqual([]);
    expect(plan.orgsMoved).toBe(3);
    expect(plan.liveItems + plan.settledItems).toBeLessThanOrEqual(before.items);
    expect(plan.evidence).toBe(before.evidence);

    const { version } = await moveOrg(admin, { orgId: moving.id, targetId: to.id, expectedVersion: moving.version });
    expect(version.to).toBe(moving.version + 1);
    const moved = await org("U03-GB1");
    expect(moved.parentId).toBe(to.id);
    expect(moved.path).toBe(`${to.path}${moving.id}/`);
    expect(moved.depth).toBe(to.depth + 1);
    const child = await org("U03-GB1-B1");
    expect(child.path).toBe(`${moved.path}${child.id}/`);
    expect(child.depth).toBe(moved.depth + 1);

    // Nothing lost: the same counts under the new path; the units' totals shift by exactly that.
    expect(await census(moved.path)).toEqual(before);
    const after = { from: await census(from.path), to: await census(to.path) };
    expect(after.from.items).toBe(unitBefore.from.items - before.items);
    expect(after.to.items).toBe(unitBefore.to.items + before.items);

    // Scope is read from the tree at each request.
    expect(reachesPath(await fresh(newSecretary), "checklist.read", moved.path)).toBe(true);
    expect(reachesPath(await fresh(oldSecretary), "checklist.read", moved.path)).toBe(false);
    await expect(authorize(await fresh(newSecretary), "page:/orgs/[orgId]", { orgId: child.id })).resolves.toBeTruthy();

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: moving.id, action: "org.move" } });
    expect(audit.before).toMatchObject({ parentId: from.id });
    expect(audit.after).toMatchObject({ parentId: to.id, orgsMoved: 3 });
  });

  it("takes back items handed down into the subtree from the old line", async () => {
    const branch = await org("U05-B1");
    const opc = await org("U05-OPC");
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { orgId: opc.id, status: "NOT_STARTED" }, select: { id: true, version: true } });
    await prisma.checklistItem.update({ where: { id: item.id }, data: { delegatedOrgId: branch.id, delegatedAt: new Date() } });
    const plan = await planRestructure(admin, "move", { orgId: branch.id, targetId: await orgId("U06-OPC") });
    expect(plan.delegationsEnded).toBe(1);
    await moveOrg(admin, { orgId: branch.id, targetId: await orgId("U06-OPC"), expectedVersion: branch.version });
    const after = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id }, select: { delegatedOrgId: true, version: true } });
    expect(after).toEqual({ delegatedOrgId: null, version: item.version + 1 });
    expect(await prisma.auditLog.count({ where: { entityId: item.id, action: "checklist.undelegate" } })).toBe(1);
  });

  it("refuses a move into its own subtree, under the same parent, under a type that cannot hold it, at a stale version, and outside the subtree", async () => {
    const gb = await org("U01-GB1");
    const plan = (targetId: string) => planRestructure(admin, "move", { orgId: gb.id, targetId });
    expect((await plan(await orgId("U01-GB1-B1"))).problems).toEqual(expect.arrayContaining(["targetInside", "typeUnderParent"]));
    expect((await plan(await orgId("U01-OPC"))).problems).toEqual(["sameParent"]);
    expect((await plan(await orgId("U02-B1"))).problems).toEqual(["typeUnderParent"]);
    await expect(moveOrg(admin, { orgId: gb.id, targetId: await orgId("U01-GB1-B1"), expectedVersion: gb.version })).rejects.toBeInstanceOf(ValidationError);
    await expect(moveOrg(admin, { orgId: gb.id, targetId: await orgId("U02-OPC"), expectedVersion: gb.version + 7 })).rejects.toBeInstanceOf(ConflictError);
    // A unit's administrator can neither move their own unit nor reach a parent outside it.
    expect((await planRestructure(subtreeAdmin, "move", { orgId: await orgId("U01"), targetId: await orgId("U01-OPC") })).problems).toContain("orgIsScopeRoot");
    await expect(planRestructure(subtreeAdmin, "move", { orgId: gb.id, targetId: await orgId("U02-OPC") })).rejects.toBeInstanceOf(NotFoundError);
    const targets = await listTargets(subtreeAdmin, gb.id, "move");
    // Within U01, a general branch may sit only right under the unit's party group.
    expect(targets.orgs.map((o) => o.code)).toEqual(["U01"]);
    expect((await listTargets(admin, gb.id, "move")).orgs.map((o) => o.code)).toContain("U02-OPC");
  });
});

describe("merging and closing", () => {
  it("merges a branch into its sibling: open items and findings go over or are withdrawn, settled ones stay, roles end", async () => {
    // A branch with an open finding (the demo's findings are the units'; one is given to the branch) and evidence, merged into a sibling.
    const merged = await prisma.org.findUniqueOrThrow({ where: { code: "U02-B1" }, select: { id: true, code: true, parentId: true, version: true, path: true } });
    const survivor = await prisma.org.findUniqueOrThrow({ where: { code: "U02-B2" }, select: { id: true, path: true } });
    const inspector = await actorWithRole("INSPECTOR", "WC");
    const roundId = await roundOn(inspector, ["U02-B1"]);
    const report = await reportOn(roundId, "U02-B1");
    await prisma.finding.create({ data: { reportId: report.id, roundId, orgId: merged.id, seq: 1, description: "三会一课记录不全", categoryId: "fcat-theory" } });
    // The survivor holds the same duties, but not this one: its item goes over, with the evidence only it uses.
    const liveItem = await prisma.checklistItem.findFirstOrThrow({ where: { orgId: merged.id, status: "NOT_STARTED" }, select: { id: true, dutyId: true, periodId: true, occurrence: true } });
    await prisma.checklistItem.deleteMany({ where: { orgId: survivor.id, dutyId: liveItem.dutyId, periodId: liveItem.periodId, occurrence: liveItem.occurrence } });
    await withEvidence(liveItem.id, "支部会议记录");
    const secretary = await actorWithRole("SECRETARY", merged.code);
    const parentPath = (await prisma.org.findUniqueOrThrow({ where: { id: merged.parentId ?? "" }, select: { path: true } })).path;
    const unitBefore = await census(parentPath);
    const mergedBefore = await census(merged.path);
    const liveBefore = await prisma.checklistItem.count({ where: { orgId: merged.id, status: { in: ["NOT_STARTED", "IN_PROGRESS", "RETURNED", "SUBMITTED"] } } });
    const settledBefore = await prisma.checklistItem.count({ where: { orgId: merged.id, status: { in: ["DONE", "NOT_APPLICABLE"] } } });
    const openFindings = await prisma.finding.count({ where: { orgId: merged.id, state: { not: "CLOSED" } } });

    const plan = await planRestructure(admin, "merge", { orgId: merged.id, targetId: survivor.id });
    expect(plan.problems).toEqual([]);
    expect(plan.liveItems).toBe(liveBefore);
    expect(plan.transferItems + plan.withdrawItems).toBe(liveBefore);
    expect(plan.openFindings).toBe(openFindings);
    expect(plan.grants).toBeGreaterThanOrEqual(1);
    expect(plan.transferItems).toBe(1);
    expect(plan.withdrawItems).toBeGreaterThan(0);
    expect(plan.evidence).toBe(1);

    await mergeOrg(admin, { orgId: merged.id, targetId: survivor.id, expectedVersion: merged.version });
    const closed = await org(merged.code);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.mergedIntoId).toBe(survivor.id);
    // Settled items stay with the merged branch, readable; no live item is left on it.
    expect(await prisma.checklistItem.count({ where: { orgId: merged.id, status: { in: ["DONE", "NOT_APPLICABLE"] } } })).toBe(settledBefore);
    expect(await prisma.checklistItem.count({ where: { orgId: merged.id, status: { in: ["NOT_STARTED", "IN_PROGRESS", "RETURNED", "SUBMITTED"] } } })).toBe(0);
    expect(await prisma.checklistItem.count({ where: { orgId: merged.id, status: "WITHDRAWN" } })).toBeGreaterThanOrEqual(plan.withdrawItems);
    // Every transferred item sits in an assignment of the survivor.
    const transferred = await prisma.auditLog.findMany({ where: { action: "checklist.transfer", after: { path: ["mergedFromId"], equals: merged.id } }, select: { entityId: true } });
    expect(transferred).toHaveLength(plan.transferItems);
    const misplaced = await prisma.checklistItem.count({ where: { id: { in: transferred.map((t) => t.entityId) }, OR: [{ orgId: { not: survivor.id } }, { assignment: { orgId: { not: survivor.id } } }] } });
    expect(misplaced).toBe(0);
    expect(await prisma.evidence.count({ where: { orgId: survivor.id, title: "支部会议记录" } })).toBe(1);
    expect(await prisma.checklistItem.findUniqueOrThrow({ where: { id: liveItem.id }, select: { orgId: true } })).toEqual({ orgId: survivor.id });
    expect(await prisma.finding.count({ where: { orgId: survivor.id, state: { not: "CLOSED" } } })).toBeGreaterThanOrEqual(openFindings);
    expect(await prisma.finding.count({ where: { orgId: merged.id, state: { not: "CLOSED" } } })).toBe(0);
    // The report goes with its open finding: who reads and rectifies it follows.
    expect(await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { orgId: true } })).toEqual({ orgId: survivor.id });
    // Nothing left the unit: the same items, evidence and findings under its path.
    const unitAfter = await census(parentPath);
    expect({ ...unitAfter, grants: 0 }).toEqual({ ...unitBefore, grants: 0 });
    expect(unitAfter.grants).toBe(unitBefore.grants - mergedBefore.grants);
    // The secretary of the merged branch loses that role at their next request.
    expect((await fresh(secretary)).grants).toHaveLength(0);
    // Closed: it stays readable, takes no more changes and is no longer a target.
    expect((await getAdminOrg(admin, merged.id)).closedAt).not.toBeNull();
    await expect(planRestructure(admin, "close", { orgId: merged.id })).rejects.toMatchObject({ fieldErrors: { _: ["orgClosed"] } });
    expect((await listTargets(admin, survivor.id, "merge")).orgs.map((o) => o.id)).not.toContain(merged.id);
  });

  it("refuses a merge into another type or into its own subtree", async () => {
    const gb = await org("U07-GB1");
    expect((await planRestructure(admin, "merge", { orgId: gb.id, targetId: await orgId("U07-B1") })).problems).toEqual(["mergeTypeDiffers"]);
    expect((await planRestructure(admin, "merge", { orgId: await orgId("U07-OPC"), targetId: await orgId("U07-OPC") })).problems).toEqual(["targetIsSelf"]);
  });

  it("merging a general branch hangs its branches under the survivor", async () => {
    const gb = await org("U07-GB1");
    const survivor = await prisma.org.create({
      data: { id: "cmergesurvivorgb000000001", code: "U07-GB2", name: "第二党总支", type: "GENERAL_BRANCH", parentId: (await org("U07-OPC")).id, path: `${(await org("U07-OPC")).path}cmergesurvivorgb000000001/`, depth: gb.depth },
    });
    const plan = await planRestructure(admin, "merge", { orgId: gb.id, targetId: survivor.id });
    expect(plan.orgsMoved).toBe(2);
    await mergeOrg(admin, { orgId: gb.id, targetId: survivor.id, expectedVersion: gb.version });
    const branch = await org("U07-GB1-B1");
    expect(branch.parentId).toBe(survivor.id);
    expect(branch.path).toBe(`${survivor.path}${branch.id}/`);
  });

  it("closes only an organization without open children; its open items are withdrawn, its findings go up", async () => {
    expect((await planRestructure(admin, "close", { orgId: await orgId("U08-OPC") })).problems).toEqual(["hasOpenChildren"]);
    const branch = await org("U08-B1");
    const live = await prisma.checklistItem.count({ where: { orgId: branch.id, status: { in: ["NOT_STARTED", "IN_PROGRESS", "RETURNED", "SUBMITTED"] } } });
    const done = await prisma.checklistItem.count({ where: { orgId: branch.id, status: "DONE" } });
    expect(live).toBeGreaterThan(0);
    const plan = await planRestructure(admin, "close", { orgId: branch.id });
    expect(plan.problems).toEqual([]);
    expect(plan.withdrawItems).toBe(live);
    await expect(closeOrg(admin, { orgId: branch.id, expectedVersion: branch.version + 5 })).rejects.toBeInstanceOf(ConflictError);
    await closeOrg(admin, { orgId: branch.id, expectedVersion: branch.version });
    expect((await org("U08-B1")).closedAt).not.toBeNull();
    expect(await prisma.checklistItem.count({ where: { orgId: branch.id, status: "DONE" } })).toBe(done);
    expect(await prisma.checklistItem.count({ where: { orgId: branch.id, status: "WITHDRAWN" } })).toBeGreaterThanOrEqual(live);
    expect(await prisma.roleGrant.count({ where: { orgId: branch.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: branch.id, action: "org.close" } })).toBe(1);
    // Its items' history says why they left.
    const withdrawn = await prisma.checklistItem.findFirst({ where: { orgId: branch.id, status: "WITHDRAWN" }, select: { id: true } });
    expect(await prisma.auditLog.count({ where: { entityId: withdrawn?.id, action: "checklist.withdraw" } })).toBe(1);
    // A subtree administrator cannot close the top of their own subtree.
    expect((await planRestructure(subtreeAdmin, "close", { orgId: await orgId("U01") })).problems).toContain("orgIsScopeRoot");
  });
});
