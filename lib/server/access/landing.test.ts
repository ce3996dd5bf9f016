import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landingPath } from "@/lib/server/access/landing";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("landing");
});
afterAll(() => drop());

describe("where each person lands", () => {
  it.each([
    ["u01-branch", "/checklists"],
    ["u01-secretary", "/checklists"],
    ["u01-staff", "/checklists"],
    ["wc-secretary", "/progress"],
    ["supervisor", "/progress"],
    ["admin", "/progress"],
    ["inspector", "/inspections"],
  ])("%s lands on %s", async (username, path) => {
    expect(landingPath(await actorFor(username))).toBe(path);
  });

  it("sends a unit secretary who also inspects to the checklist first", async () => {
    const actor = await actorWithRole("SECRETARY", "U02");
    const inspector = await actorWithRole("INSPECTOR", "WC");
    expect(landingPath({ grants: [...actor.grants, ...inspector.grants] })).toBe("/checklists");
    expect(landingPath(inspector)).toBe("/inspections");
  });

  it("sends someone without any role to their account page, which says so", () => {
    expect(landingPath({ grants: [] })).toBe("/account");
  });
});
