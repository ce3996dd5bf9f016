import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actingOrgCookieValue, defaultSubtree, resolveActingOrg } from "@/lib/server/auth/acting-org";
import { listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { actorFor, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let twoRoles: Actor;
beforeAll(async () => {
  drop = await useSeededDatabase("acting-org");
  // A unit secretary who is also secretary of a branch of another unit.
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "u02-secretary" } });
  await prisma.roleGrant.create({ data: { userId: user.id, orgId: await orgId("U03-B1"), role: "SECRETARY" } });
  twoRoles = (await loadActor(user.id)) as Actor;
});
afterAll(() => drop());

describe("the organization a user acts in", () => {
  it("is the first of their organizations until they choose, then the one they chose", async () => {
    const u02 = await orgId("U02");
    const b1 = await orgId("U03-B1");
    expect(resolveActingOrg(twoRoles, undefined).choices.map((c) => c.orgId)).toEqual([u02, b1]);
    expect(resolveActingOrg(twoRoles, undefined).current?.orgId).toBe(u02);
    expect(resolveActingOrg(twoRoles, actingOrgCookieValue(twoRoles, b1)).current?.orgId).toBe(b1);
  });

  it("narrows 我的职责 to its subtree for a user with several organizations, with the whole scope on request", async () => {
    const b1 = await orgId("U03-B1");
    const acting = resolveActingOrg(twoRoles, actingOrgCookieValue(twoRoles, b1));
    const root = defaultSubtree(acting, undefined);
    expect(root?.orgId).toBe(b1);
    expect(defaultSubtree(acting, "all")).toBeNull();
    expect(defaultSubtree(resolveActingOrg(await actorFor("u03-branch"), undefined), undefined)).toBeNull();
    const period = await prisma.period.findFirstOrThrow({ where: { quarter: 0 } });
    const narrowed = await listChecklistItems(twoRoles, { periodId: period.id, rootPath: root?.orgPath, pageSize: 500 });
    const whole = await listChecklistItems(twoRoles, { periodId: period.id, pageSize: 500 });
    expect(narrowed.total).toBeGreaterThan(0);
    expect(whole.total).toBeGreaterThan(narrowed.total);
    expect(new Set(narrowed.rows.map((r) => r.org.id))).toEqual(new Set([b1]));
  });

  it("ignores a choice remembered for someone else on the same browser, or a role no longer held", async () => {
    const b1 = await orgId("U03-B1");
    const other = await actorFor("u03-secretary");
    expect(resolveActingOrg(twoRoles, actingOrgCookieValue(other, b1)).current?.orgId).toBe(await orgId("U02"));
    expect(resolveActingOrg(twoRoles, actingOrgCookieValue(twoRoles, await orgId("U04"))).current?.orgId).toBe(await orgId("U02"));
    expect(resolveActingOrg(twoRoles, "garbage").current?.orgId).toBe(await orgId("U02"));
    await prisma.roleGrant.deleteMany({ where: { userId: twoRoles.id, orgId: b1 } });
    const revoked = (await loadActor(twoRoles.id)) as Actor;
    expect(resolveActingOrg(revoked, actingOrgCookieValue(revoked, b1))).toMatchObject({ current: { orgId: await orgId("U02") }, choices: [{ orgId: await orgId("U02") }] });
  });

  it("is nothing for a user without any role", () => {
    expect(resolveActingOrg({ id: "x", grants: [] }, undefined)).toEqual({ current: null, choices: [] });
  });
});
