import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { clearFailedLogins, isLockedOut, recordFailedLogin } from "@/lib/server/auth/throttle";
import { prisma } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import type { VersionChange } from "@/lib/version-change";
import type { ZChangePassword, ZUpdateProfile } from "@/lib/validation/account";
import { isUsernameAsPassword } from "@/lib/validation/password";

export type OwnAccount = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  locale: "zh" | "en";
  version: number;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
};

/** The signed-in user's own account, for their profile page. */
export async function getOwnAccount(actor: Actor): Promise<OwnAccount> {
  return prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, username: true, name: true, email: true, locale: true, version: true, mustChangePassword: true, passwordChangedAt: true },
  });
}

function stateOf(user: { name: string; email: string | null; locale: string; version: number }) {
  return { name: user.name, email: user.email, locale: user.locale, version: user.version };
}

/** One's own name, email address (for the email digests) and language, checked against the version the page showed. */
export async function updateOwnProfile(actor: Actor, input: z.output<typeof ZUpdateProfile>): Promise<{ version: VersionChange }> {
  const email = input.email || null;
  const version = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true, locale: true, version: true } });
    return writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => stateOf(user),
      update: (v) =>
        tx.user.updateMany({ where: { id: user.id, version: v }, data: { name: input.name, email, locale: input.locale, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: "user.updateProfile",
        entityType: "User",
        entityId: user.id,
        before: { name: user.name, email: user.email, locale: user.locale },
        after: { name: input.name, email, locale: input.locale },
      },
    });
  });
  return { version };
}

/**
 * Changes one's own password: the current one must be right (wrong guesses
 * count toward the sign-in lockout, which also refuses this), and the new
 * one meets the rule (lib/validation/password.ts), is not the username and
 * is not the current one. It ends a forced change after a reset. The audit
 * row records the change, never a password.
 */
export async function changeOwnPassword(actor: Actor, input: z.output<typeof ZChangePassword>): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, username: true, passwordHash: true, mustChangePassword: true, version: true },
  });
  if (await isLockedOut(user.username)) throw new ValidationError("Too many wrong passwords", { currentPassword: ["passwordLocked"] });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailedLogin(user.username);
    throw new ValidationError("The current password is wrong", { currentPassword: ["wrongPassword"] });
  }
  if (isUsernameAsPassword(input.newPassword, user.username)) throw new ValidationError("The password is the username", { newPassword: ["passwordIsUsername"] });
  if (input.newPassword === input.currentPassword) throw new ValidationError("The password is unchanged", { newPassword: ["passwordUnchanged"] });
  await clearFailedLogins(user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    // Not the version the page saw but the password proved: a profile saved in between does not stop it, another change of the password does.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("The password was changed meanwhile", null);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.changePassword",
      entityType: "User",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
