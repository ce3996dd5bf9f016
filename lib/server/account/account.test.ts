import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword, getOwnAccount, updateOwnProfile } from "@/lib/server/account/account";
import type { Actor } from "@/lib/server/auth/actor";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
import { prisma } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { actorFor } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { ZChangePassword, ZUpdateProfile } from "@/lib/validation/account";
import { passwordKinds } from "@/lib/validation/password";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-orgs";

let drop: () => Promise<void>;
beforeAll(async () => {
  process.env.LOGIN_MAX_FAILURES = "5";
  drop = await useSeededDatabase("account");
});
afterAll(() => drop());

/** The codes the schema refuses an input with, as "field:code". */
function schemaCodes(input: Record<string, string>): string[] {
  const parsed = ZChangePassword.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
}

async function refusal(step: Promise<unknown>): Promise<Record<string, string[]> | string> {
  return step.then(
    () => "no refusal",
    (error: unknown) => (error instanceof ValidationError ? error.fieldErrors : String(error)),
  );
}

describe("the password rule", () => {
  it("asks for eight characters of at least three kinds", () => {
    expect(passwordKinds("abcdefgh")).toBe(1);
    expect(passwordKinds("Abcdefg1")).toBe(3);
    expect(passwordKinds("密码abc123")).toBe(3);
    const base = { currentPassword: DEMO_PASSWORD };
    expect(schemaCodes({ ...base, newPassword: "Ab1#", confirmPassword: "Ab1#" })).toEqual(["newPassword:passwordTooShort"]);
    expect(schemaCodes({ ...base, newPassword: "abcdefgh12", confirmPassword: "abcdefgh12" })).toEqual(["newPassword:passwordTooWeak"]);
    expect(schemaCodes({ ...base, newPassword: "Abcdefgh12", confirmPassword: "Abcdefgh13" })).toEqual(["confirmPassword:passwordMismatch"]);
    expect(schemaCodes({ ...base, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD })).toEqual(["newPassword:passwordUnchanged"]);
    expect(schemaCodes({ currentPassword: "", newPassword: "Abcdefgh12", confirmPassword: "Abcdefgh12" })).toEqual(["currentPassword:required"]);
    expect(schemaCodes({ ...base, newPassword: "Abcdefgh12", confirmPassword: "Abcdefgh12" })).toEqual([]);
  });
});

describe("changing one's own password", () => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await actorFor("u05-branch");
  });

  it("refuses a wrong current password, the username, and the current password again", async () => {
    const wrong = { currentPassword: "not-it", newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" };
    expect(await refusal(changeOwnPassword(actor, ZChangePassword.parse(wrong)))).toEqual({ currentPassword: ["wrongPassword"] });
    // "u05-branch" has lowercase letters, digits and a symbol: strong enough, but the username.
    const username = { currentPassword: DEMO_PASSWORD, newPassword: "U05-Branch", confirmPassword: "U05-Branch" };
    expect(await refusal(changeOwnPassword(actor, ZChangePassword.parse(username)))).toEqual({ newPassword: ["passwordIsUsername"] });
    // The server checks the old password again, whatever the browser sent.
    expect(await refusal(changeOwnPassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }))).toEqual({
      newPassword: ["passwordUnchanged"],
    });
    expect((await signInWithPassword("u05-branch", DEMO_PASSWORD)).status).toBe("ok");
  });

  it("changes it, audited without the password", async () => {
    const before = await getOwnAccount(actor);
    await changeOwnPassword(actor, ZChangePassword.parse({ currentPassword: DEMO_PASSWORD, newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" }));
    expect(await signInWithPassword("u05-branch", DEMO_PASSWORD)).toEqual({ status: "invalid" });
    expect((await signInWithPassword("u05-branch", "Fresh#Pass1")).status).toBe("ok");
    const after = await getOwnAccount(actor);
    expect(after.passwordChangedAt).not.toBeNull();
    expect(after.version).toBe(before.version + 1);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "User", entityId: actor.id, action: "user.changePassword" } });
    expect(audit.actorId).toBe(actor.id);
    const text = JSON.stringify([audit.before, audit.after]);
    for (const secret of [DEMO_PASSWORD, "Fresh#Pass1"]) expect(text).not.toContain(secret);
  });

  it("counts wrong current passwords toward the sign-in lockout", async () => {
    const other = await actorFor("u06-staff");
    for (let i = 0; i < 5; i++) {
      await refusal(changeOwnPassword(other, { currentPassword: `wrong-${i}`, newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" }));
    }
    expect(await refusal(changeOwnPassword(other, { currentPassword: DEMO_PASSWORD, newPassword: "Fresh#Pass1", confirmPassword: "Fresh#Pass1" }))).toEqual({
      currentPassword: ["passwordLocked"],
    });
    expect(await signInWithPassword("u06-staff", DEMO_PASSWORD)).toEqual({ status: "locked" });
  });
});

describe("the profile", () => {
  it("saves the name, a checked email address and the language, against the version the page showed", async () => {
    const actor = await actorFor("u07-staff");
    const { version } = await getOwnAccount(actor);
    const bad = ZUpdateProfile.safeParse({ expectedVersion: version, name: "", email: "no-at-sign", locale: "fr" });
    expect(bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual([
      "email:invalidEmail",
      expect.stringMatching(/^locale:/),
      "name:required",
    ]);
    const result = await updateOwnProfile(actor, ZUpdateProfile.parse({ expectedVersion: version, name: "赵干事", email: " zhao@example.org ", locale: "en" }));
    expect(result.version).toEqual({ from: version, to: version + 1 });
    expect(await getOwnAccount(actor)).toMatchObject({ name: "赵干事", email: "zhao@example.org", locale: "en" });
    await expect(updateOwnProfile(actor, ZUpdateProfile.parse({ expectedVersion: version, name: "x", email: "", locale: "zh" }))).rejects.toBeInstanceOf(ConflictError);
    // An empty address is none: the digests skip the user.
    await updateOwnProfile(actor, ZUpdateProfile.parse({ expectedVersion: version + 1, name: "赵干事", email: "", locale: "zh" }));
    expect((await getOwnAccount(actor)).email).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { entityId: actor.id, action: "user.updateProfile" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.after)).toEqual([
      { name: "赵干事", email: "zhao@example.org", locale: "en" },
      { name: "赵干事", email: null, locale: "zh" },
    ]);
  });
});
