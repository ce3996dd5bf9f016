import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as ActorModule from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { actorWithRole, itemOf, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";

// The actions read the session through getActor; here the session is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof ActorModule>()),
  getActor: async () => session.actor,
}));

const { changePassword, setActingOrg, updateProfile } = await import("@/lib/actions/account");
const { createUser, findGrantableOrgs } = await import("@/lib/actions/users");
const { saveProgress } = await import("@/lib/actions/checklists");

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useSeededDatabase("account-actions");
});
afterAll(() => drop());

describe("the action wrapper and a forced password change", () => {
  it("refuses every action but the change itself with its own error, whatever the roles allow", async () => {
    const admin = await actorWithRole("ADMIN", "U01");
    session.actor = { ...admin, mustChangePassword: true };
    const created = await createUser({ username: "u01-x", name: "x", email: "", orgId: await orgId("U01-B1"), role: "STAFF" });
    expect(created).toEqual({ ok: false, error: "password_change_required" });
    expect(await findGrantableOrgs({ q: "" })).toEqual({ ok: false, error: "password_change_required" });
    expect(await updateProfile({ expectedVersion: 1, name: "x", email: "", locale: "zh" })).toEqual({ ok: false, error: "password_change_required" });
    const staff = await actorWithRole("STAFF", "U01-B1");
    session.actor = { ...staff, mustChangePassword: true };
    const item = await itemOf("U01-B1");
    expect(await saveProgress({ itemId: item.id, expectedVersion: item.version, note: "x" })).toEqual({ ok: false, error: "password_change_required" });
    // The change itself is admitted, and answers on its own terms.
    expect(await changePassword({ currentPassword: "wrong", newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" })).toEqual({
      ok: false,
      error: "validation",
      fieldErrors: { currentPassword: ["wrongPassword"] },
    });
    expect(await prisma.user.count({ where: { username: "u01-x" } })).toBe(0);
  });

  it("lets a user act only in an organization they hold a role on", async () => {
    session.actor = await actorWithRole("SECRETARY", "U02-B1");
    expect(await setActingOrg({ orgId: await orgId("U03-B1") })).toEqual({ ok: false, error: "not_found" });
  });

  it("asks whoever has no session (a deactivated account's included) to sign in", async () => {
    session.actor = null;
    expect(await changePassword({ currentPassword: "a", newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" })).toEqual({ ok: false, error: "unauthenticated" });
  });
});
