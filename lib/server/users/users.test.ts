import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/server/access/authorize";
import { changeOwnPassword } from "@/lib/server/account/account";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { recordFailedLogin, throttleKey } from "@/lib/server/auth/throttle";
import { prisma } from "@/lib/server/db";
import { ConflictError, DomainError, NotFoundError, PasswordChangeRequiredError, ValidationError } from "@/lib/server/errors";
import { listEntityHistory } from "@/lib/server/audit/list-entity-history";
import { createUser } from "@/lib/server/users/create-user";
import { listGrantableOrgs } from "@/lib/server/users/grantable-orgs";
import { getUserDetail, listUsers } from "@/lib/server/users/list-users";
import { grantRole, revokeRole } from "@/lib/server/users/role-grants";
import { resetPassword, setUserActive, updateUser } from "@/lib/server/users/update-user";
import { actorFor, actorWithRole, itemOf, orgId } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { ZChangePassword } from "@/lib/validation/account";
import { ZCreateUser, ZGrantRole, ZRevokeRole, ZUpdateUser, ZUserStep } from "@/lib/validation/users";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-orgs";

let drop: () => Promise<void>;
let admin: Actor;
/** An administrator granted on unit U01: manages U01's subtree only. */
let subtreeAdmin: Actor;
/** Every password a test typed or was given: none may reach an audit row. */
const passwords = new Set<string>([DEMO_PASSWORD]);

beforeAll(async () => {
  drop = await useSeededDatabase("users");
  admin = await actorFor("admin");
  subtreeAdmin = await actorWithRole("ADMIN", "U01");
});
afterAll(() => drop());

const OTP_PATTERN = /^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/;

async function create(actor: Actor, username: string, orgCode: string, role = "SECRETARY") {
  const created = await createUser(actor, ZCreateUser.parse({ username, name: `${username} 同志`, email: "", orgId: await orgId(orgCode), role }));
  passwords.add(created.oneTimePassword);
  return created;
}

async function versionOf(userId: string): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { version: true } })).version;
}

async function fresh(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error("no actor");
  return actor;
}

async function refusal(step: Promise<unknown>): Promise<unknown> {
  return step.then(
    () => "no refusal",
    (error: unknown) => error,
  );
}

function fieldCode(error: unknown): Record<string, string[]> | string {
  return error instanceof ValidationError ? error.fieldErrors : String(error);
}

describe("creating an account", () => {
  it("makes an account with one role and a one-time password, which must be replaced before anything else", async () => {
    const created = await create(admin, "u03-new-secretary", "U03-B1");
    expect(created.oneTimePassword).toMatch(OTP_PATTERN);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: created.userId }, include: { roles: { include: { org: true } } } });
    expect(stored).toMatchObject({ username: "u03-new-secretary", email: null, mustChangePassword: true, isActive: true });
    expect(stored.passwordHash).not.toContain(created.oneTimePassword);
    expect(stored.roles.map((r) => [r.org.code, r.role])).toEqual([["U03-B1", "SECRETARY"]]);

    expect((await signInWithPassword("u03-new-secretary", created.oneTimePassword)).status).toBe("ok");
    const actor = await fresh(created.userId);
    expect(actor.mustChangePassword).toBe(true);
    // Every page, route and action but the change itself refuses, whatever the role would allow.
    await expect(authorize(actor, "page:/checklists")).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    await expect(authorize(actor, "route:/")).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    await expect(authorize(actor, "action:saveProgress", { itemId: (await itemOf("U03-B1")).id })).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    await expect(authorize(actor, "action:updateProfile")).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    await expect(authorize(actor, "page:/account/password")).resolves.toBe(actor);
    await expect(authorize(actor, "action:changePassword")).resolves.toBe(actor);

    const own = "Branch#2026x";
    passwords.add(own);
    await changeOwnPassword(actor, ZChangePassword.parse({ currentPassword: created.oneTimePassword, newPassword: own, confirmPassword: own }));
    const after = await fresh(created.userId);
    expect(after.mustChangePassword).toBe(false);
    await expect(authorize(after, "page:/checklists")).resolves.toBe(after);
    expect((await signInWithPassword("u03-new-secretary", created.oneTimePassword)).status).toBe("invalid");
    expect((await signInWithPassword("u03-new-secretary", own)).status).toBe("ok");
    const history = await listEntityHistory("User", created.userId);
    expect(history.map((h) => h.action).sort()).toEqual(["user.changePassword", "user.create"]);
    expect(history.find((h) => h.action === "user.create")?.actorName).toBe("系统管理员");
  });

  it("keeps usernames unique and well formed", async () => {
    await create(admin, "u04-twin", "U04-B1");
    expect(fieldCode(await refusal(create(admin, "u04-twin", "U04-B2")))).toEqual({ username: ["usernameTaken"] });
    const parsed = ZCreateUser.safeParse({ username: "Has Space", name: "x", email: "not-an-email", orgId: "x", role: "" });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual([
      "email:invalidEmail",
      "role:required",
      "username:usernameFormat",
    ]);
  });
});

describe("editing, deactivating and reactivating", () => {
  it("edits the name and email against the version the page showed", async () => {
    const { userId } = await create(admin, "u05-edit", "U05-B1");
    const version = await versionOf(userId);
    const result = await updateUser(admin, ZUpdateUser.parse({ userId, expectedVersion: version, name: "改名同志", email: "gai@example.org" }));
    expect(result.version).toEqual({ from: version, to: version + 1 });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ name: "改名同志", email: "gai@example.org" });
    // A page still showing the old version meets a conflict, not a silent overwrite.
    await expect(updateUser(admin, ZUpdateUser.parse({ userId, expectedVersion: version, name: "又改", email: "" }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("a deactivated account cannot sign in, its open session ends at its next request, and it comes back when reactivated", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "u06-branch" } });
    const signedIn = await fresh(user.id);
    expect(signedIn.grants).toHaveLength(1);
    await setUserActive(admin, { userId: user.id, expectedVersion: await versionOf(user.id) }, false);

    expect(await signInWithPassword("u06-branch", DEMO_PASSWORD)).toEqual({ status: "invalid" });
    // getActor loads the session's user afresh on every request: a deactivated one is nobody.
    expect(await loadActor(user.id)).toBeNull();
    // The history and the name stay.
    const detail = await getUserDetail(admin, user.id);
    expect(detail).toMatchObject({ isActive: false, name: "杨支书" });
    expect(detail.grants).toHaveLength(1);
    const inactive = await listUsers(admin, { q: "u06-branch", status: "inactive" });
    expect(inactive.rows.map((r) => r.username)).toEqual(["u06-branch"]);

    await setUserActive(admin, { userId: user.id, expectedVersion: await versionOf(user.id) }, true);
    expect((await signInWithPassword("u06-branch", DEMO_PASSWORD)).status).toBe("ok");
    expect((await fresh(user.id)).grants).toHaveLength(1);
    const actions = (await listEntityHistory("User", user.id)).map((h) => h.action);
    expect(actions).toEqual(["user.reactivate", "user.deactivate"]);
  });
});

describe("granting and revoking roles", () => {
  it("takes effect on the user's next request, even while they are signed in", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "u07-branch" } });
    const before = await fresh(user.id);
    const item = { itemId: (await itemOf("U07-B2")).id };
    await expect(authorize(before, "page:/checklists/[itemId]", item)).rejects.toBeInstanceOf(NotFoundError);

    await grantRole(admin, ZGrantRole.parse({ userId: user.id, expectedVersion: await versionOf(user.id), orgId: await orgId("U07-B2"), role: "STAFF" }));
    const granted = await fresh(user.id);
    expect(granted.grants.map((g) => g.role).sort()).toEqual(["SECRETARY", "STAFF"]);
    await expect(authorize(granted, "page:/checklists/[itemId]", item)).resolves.toBe(granted);

    const grant = await prisma.roleGrant.findFirstOrThrow({ where: { userId: user.id, role: "STAFF" } });
    const revoked = await revokeRole(admin, ZRevokeRole.parse({ userId: user.id, expectedVersion: await versionOf(user.id), grantId: grant.id }));
    expect(revoked.isStillManaged).toBe(true);
    const after = await fresh(user.id);
    expect(after.grants.map((g) => g.role)).toEqual(["SECRETARY"]);
    await expect(authorize(after, "page:/checklists/[itemId]", item)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a role held already, and a role granted on a stale page", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "u08-branch" } });
    const version = await versionOf(user.id);
    const input = { userId: user.id, expectedVersion: version, orgId: await orgId("U08-B1"), role: "SECRETARY" };
    expect(fieldCode(await refusal(grantRole(admin, ZGrantRole.parse(input))))).toEqual({ role: ["alreadyGranted"] });
    await updateUser(admin, { userId: user.id, expectedVersion: version, name: user.name, email: "" });
    await expect(grantRole(admin, ZGrantRole.parse({ ...input, role: "STAFF" }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("never lets administrators take their own last administrator role, nor deactivate themselves or reset their own password", async () => {
    const self = await actorWithRole("ADMIN", "U02");
    const own = await prisma.roleGrant.findFirstOrThrow({ where: { userId: self.id } });
    const step = { userId: self.id, expectedVersion: await versionOf(self.id) };
    expect(fieldCode(await refusal(revokeRole(self, { ...step, grantId: own.id })))).toEqual({ _: ["lastOwnAdminRole"] });
    expect(fieldCode(await refusal(setUserActive(self, step, false)))).toEqual({ _: ["cannotDeactivateSelf"] });
    expect(fieldCode(await refusal(resetPassword(self, step)))).toEqual({ _: ["cannotResetOwnPassword"] });
    // With a second administrator role, either may go.
    await grantRole(self, { ...step, orgId: await orgId("U02-B1"), role: "ADMIN" });
    await revokeRole(self, { userId: self.id, expectedVersion: await versionOf(self.id), grantId: own.id });
    expect((await fresh(self.id)).grants.map((g) => g.role)).toEqual(["ADMIN"]);
  });
});

describe("an administrator limited to a subtree", () => {
  it("sees the people with a role in the subtree, and nobody else", async () => {
    const page = await listUsers(subtreeAdmin, { pageSize: 100 });
    const names = page.rows.map((r) => r.username);
    expect(names).toEqual(expect.arrayContaining(["u01-secretary", "u01-staff", "u01-branch", subtreeAdmin.username]));
    expect(names).not.toContain("u02-secretary");
    expect(names).not.toContain("admin");
    expect(page.rows.every((r) => r.grants.length > 0)).toBe(true);
    const u02 = await prisma.user.findUniqueOrThrow({ where: { username: "u02-secretary" } });
    await expect(getUserDetail(subtreeAdmin, u02.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUser(subtreeAdmin, { userId: u02.id, expectedVersion: await versionOf(u02.id), name: "x", email: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserActive(subtreeAdmin, { userId: u02.id, expectedVersion: await versionOf(u02.id) }, false)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetPassword(subtreeAdmin, { userId: u02.id, expectedVersion: await versionOf(u02.id) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates accounts and grants roles only inside the subtree", async () => {
    // The action's rule refuses the organization as not found; the domain refuses it too.
    await expect(authorize(subtreeAdmin, "action:createUser", { orgId: await orgId("U02-B1") })).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize(subtreeAdmin, "action:createUser", { orgId: await orgId("U01-B1") })).resolves.toBe(subtreeAdmin);
    expect(fieldCode(await refusal(create(subtreeAdmin, "u01-outsider", "U02-B1")))).toEqual({ orgId: ["orgNotGrantable"] });
    const { userId } = await create(subtreeAdmin, "u01-new-staff", "U01-OPC", "STAFF");
    expect(fieldCode(await refusal(grantRole(subtreeAdmin, { userId, expectedVersion: await versionOf(userId), orgId: await orgId("WC"), role: "STAFF" })))).toEqual({
      orgId: ["orgNotGrantable"],
    });
    await grantRole(subtreeAdmin, { userId, expectedVersion: await versionOf(userId), orgId: await orgId("U01-B2"), role: "SECRETARY" });
    expect((await getUserDetail(subtreeAdmin, userId)).grants).toHaveLength(2);
  });

  it("only views someone who also holds a role outside it, and cannot change them", async () => {
    const { userId } = await create(admin, "u01-u02-both", "U01-B1");
    await grantRole(admin, { userId, expectedVersion: await versionOf(userId), orgId: await orgId("U02-B1"), role: "SECRETARY" });
    const row = (await listUsers(subtreeAdmin, { q: "u01-u02-both" })).rows[0];
    expect(row).toMatchObject({ username: "u01-u02-both", outsideGrants: 1, isManageable: false });
    expect(row?.grants.map((g) => g.org.code)).toEqual(["U01-B1"]);
    const detail = await getUserDetail(subtreeAdmin, userId);
    expect(detail).toMatchObject({ isManageable: false, outsideGrants: 1 });
    const step = { userId, expectedVersion: await versionOf(userId) };
    const forbidden = (error: unknown) => error instanceof DomainError && error.code === "forbidden";
    expect(forbidden(await refusal(updateUser(subtreeAdmin, { ...step, name: "x", email: "" })))).toBe(true);
    expect(forbidden(await refusal(setUserActive(subtreeAdmin, step, false)))).toBe(true);
    expect(forbidden(await refusal(resetPassword(subtreeAdmin, step)))).toBe(true);
    expect(forbidden(await refusal(grantRole(subtreeAdmin, { ...step, orgId: await orgId("U01-B2"), role: "STAFF" })))).toBe(true);
    const inside = await prisma.roleGrant.findFirstOrThrow({ where: { userId, org: { code: "U01-B1" } } });
    expect(forbidden(await refusal(revokeRole(subtreeAdmin, { ...step, grantId: inside.id })))).toBe(true);
    // The administrator of the whole tree manages them.
    expect((await getUserDetail(admin, userId)).isManageable).toBe(true);
  });

  it("hands someone whose last role it revokes to the administrators of the whole tree", async () => {
    const { userId } = await create(subtreeAdmin, "u01-leaving", "U01-B2");
    const grant = await prisma.roleGrant.findFirstOrThrow({ where: { userId } });
    const revoked = await revokeRole(subtreeAdmin, { userId, expectedVersion: await versionOf(userId), grantId: grant.id });
    expect(revoked.isStillManaged).toBe(false);
    await expect(getUserDetail(subtreeAdmin, userId)).rejects.toBeInstanceOf(NotFoundError);
    const seen = await listUsers(admin, { q: "u01-leaving" });
    expect(seen.rows).toMatchObject([{ username: "u01-leaving", grants: [], isManageable: true }]);
    // Loaded on its next request, the account holds no role: it reaches nothing.
    const actor = await fresh(userId);
    expect(actor.grants).toEqual([]);
    await expect(authorize({ ...actor, mustChangePassword: false }, "page:/checklists")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists only open organizations of the subtree for a new role, and finds them by name or code", async () => {
    const all = await listGrantableOrgs(subtreeAdmin);
    const codes = await prisma.org.findMany({ where: { id: { in: all.orgs.map((o) => o.id) } }, select: { code: true } });
    expect(codes.every((o) => o.code.startsWith("U01"))).toBe(true);
    expect(all.orgs[0]).toMatchObject({ code: "U01", depth: 0 });
    await prisma.org.update({ where: { code: "U01-GB1-B2" }, data: { closedAt: new Date() } });
    const open = await listGrantableOrgs(subtreeAdmin);
    expect(open.orgs.map((o) => o.code)).not.toContain("U01-GB1-B2");
    expect(open.orgs).toHaveLength(all.orgs.length - 1);
    expect((await listGrantableOrgs(subtreeAdmin, "gb1")).orgs.map((o) => o.code).sort()).toEqual(["U01-GB1", "U01-GB1-B1"]);
    expect(fieldCode(await refusal(create(subtreeAdmin, "u01-closed", "U01-GB1-B2")))).toEqual({ orgId: ["orgNotGrantable"] });
  });
});

describe("resetting a password", () => {
  it("gives a one-time password, ends the old one and any lockout, and forces a change at the next sign-in", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "u04-branch" } });
    for (let i = 0; i < 5; i++) await recordFailedLogin("u04-branch");
    expect(await signInWithPassword("u04-branch", DEMO_PASSWORD)).toEqual({ status: "locked" });

    const { oneTimePassword, version } = await resetPassword(admin, ZUserStep.parse({ userId: user.id, expectedVersion: user.version }));
    passwords.add(oneTimePassword);
    expect(oneTimePassword).toMatch(OTP_PATTERN);
    expect(version).toEqual({ from: user.version, to: user.version + 1 });
    expect(await prisma.loginThrottle.findUnique({ where: { key: throttleKey("u04-branch") } })).toBeNull();
    expect(await signInWithPassword("u04-branch", DEMO_PASSWORD)).toEqual({ status: "invalid" });
    expect((await signInWithPassword("u04-branch", oneTimePassword)).status).toBe("ok");
    // A session the user already had is held to the change as well.
    const actor = await fresh(user.id);
    await expect(authorize(actor, "page:/checklists")).rejects.toBeInstanceOf(PasswordChangeRequiredError);
    const own = "Reset&Own42";
    passwords.add(own);
    await changeOwnPassword(actor, ZChangePassword.parse({ currentPassword: oneTimePassword, newPassword: own, confirmPassword: own }));
    await expect(authorize(await fresh(user.id), "page:/checklists")).resolves.toBeTruthy();
  });
});

describe("ids from a URL or a request", () => {
  it("reads a malformed one as one that names nothing", async () => {
    await expect(getUserDetail(admin, "bad\u0000id")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUserDetail(admin, "../admin")).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUser(admin, { userId: "bad id", expectedVersion: 1, name: "x", email: "" })).rejects.toBeInstanceOf(NotFoundError);
    const grant = await prisma.roleGrant.findFirstOrThrow({ where: { user: { username: "u02-branch" } } });
    // A grant of someone else is no grant of this account.
    const other = await prisma.user.findUniqueOrThrow({ where: { username: "u02-staff" } });
    await expect(revokeRole(admin, { userId: other.id, expectedVersion: other.version, grantId: grant.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.roleGrant.count({ where: { id: grant.id } })).toBe(1);
  });
});

describe("the people list", () => {
  it("finds people by name or username, ignoring case, a page at a time in the database", async () => {
    const byName = await listUsers(admin, { q: "书记" });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.name.includes("书记"))).toBe(true);
    const byUsername = await listUsers(admin, { q: "U08-BR" });
    expect(byUsername.rows.map((r) => r.username)).toEqual(["u08-branch"]);
    // Unit U05's secretary, staff and branch secretary are all named 陈.
    const first = await listUsers(admin, { q: "陈", pageSize: 2 });
    const second = await listUsers(admin, { q: "陈", pageSize: 2, page: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(2);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.username)).size).toBe(3);
    expect((await listUsers(admin, { q: "nobody-like-this" })).rows).toEqual([]);
    // Someone who may not manage people sees nobody.
    expect((await listUsers(await actorFor("u01-secretary"), {})).total).toBe(0);
  });
});

describe("the audit", () => {
  it("records every step on accounts, and no password in any form", async () => {
    const rows = await prisma.auditLog.findMany({ where: { entityType: "User" } });
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ["user.create", "user.update", "user.deactivate", "user.reactivate", "user.grantRole", "user.revokeRole", "user.resetPassword", "user.changePassword"]) {
      expect(actions, action).toContain(action);
    }
    const hashes = (await prisma.user.findMany({ where: { passwordHash: { startsWith: "$argon2" } }, select: { passwordHash: true } })).map((u) => u.passwordHash);
    for (const row of rows) {
      const text = JSON.stringify([row.before, row.after]);
      expect(text).not.toMatch(/"(password|passwordHash|oneTimePassword|currentPassword|newPassword)"/i);
      for (const secret of [...passwords, ...hashes]) expect(text).not.toContain(secret);
    }
  });
});
