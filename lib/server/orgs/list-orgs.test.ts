import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrgOptions, findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { prisma } from "@/lib/server/db";
import { actorFor, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("list-orgs");
});
afterAll(() => drop());

const codes = async (ids: string[]) =>
  (await prisma.org.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } })).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)).map((o) => o.code);

describe("organization pickers at province size", () => {
  it("lists the top of the scope up to the limit and says there are more, then finds any one by name or code", async () => {
    const supervisor = await actorFor("supervisor");
    const first = await findOrgOptions(supervisor, "checklist.read", undefined, { limit: 5 });
    expect(first.options).toHaveLength(5);
    expect(first.isTruncated).toBe(true);
    // The top levels come first, in tree order.
    expect((await codes(first.options.map((o) => o.id)))[0]).toBe("WC");

    // A branch far past the limit is found by its code, and by its name.
    const deep = await findOrgOptions(supervisor, "checklist.read", undefined, { limit: 5, search: "u07-gb1-b2" });
    expect(await codes(deep.options.map((o) => o.id))).toEqual(["U07-GB1-B2"]);
    const name = (await prisma.org.findUniqueOrThrow({ where: { code: "U07-GB1-B2" }, select: { name: true } })).name;
    expect(await codes((await findOrgOptions(supervisor, "checklist.read", undefined, { limit: 5, search: name })).options.map((o) => o.id))).toEqual(["U07-GB1-B2"]);
    // Wildcards in the search are letters.
    expect((await findOrgOptions(supervisor, "checklist.read", undefined, { search: "%" })).options).toEqual([]);

    // The organization a filter already names stays among the options, however deep.
    const selected = await orgId("U07-GB1-B2");
    const kept = await findOrgOptions(supervisor, "checklist.read", undefined, { limit: 5, selected });
    expect(kept.options).toHaveLength(6);
    expect(kept.options.some((o) => o.id === selected)).toBe(true);
  });

  it("never leaves the actor's scope, whatever is searched or selected", async () => {
    const secretary = await actorFor("u01-secretary");
    const all = await findOrgOptions(secretary, "checklist.read");
    expect(all.isTruncated).toBe(false);
    expect((await codes(all.options.map((o) => o.id))).every((c) => c.startsWith("U01"))).toBe(true);
    expect((await findOrgOptions(secretary, "checklist.read", undefined, { search: "U02" })).options).toEqual([]);
    const foreign = await findOrgOptions(secretary, "checklist.read", undefined, { selected: await orgId("U02-B1") });
    expect(foreign.options.map((o) => o.id)).not.toContain(await orgId("U02-B1"));
  });

  it("gives a form's picker the organizations with their codes, and those a search finds, within the permission's scope", async () => {
    const admin = await actorFor("admin");
    const all = await findPickerOrgs(admin, "catalog.edit");
    expect(all.isTruncated).toBe(false);
    expect(all.orgs.find((o) => o.depth === 0)?.code).toBe("WC");
    const found = await findPickerOrgs(admin, "catalog.edit", "U07-GB1-B2");
    expect(found).toEqual({ orgs: [expect.objectContaining({ id: await orgId("U07-GB1-B2"), code: "U07-GB1-B2", depth: 0 })], isTruncated: false });
    // Someone who may not edit lists gets no organization to assign to.
    expect((await findPickerOrgs(await actorFor("u01-branch"), "catalog.edit")).orgs).toEqual([]);
  });
});
