import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { clearFailedLogins } from "@/lib/server/auth/throttle";
import { hashOneTimePassword, oneTimePassword } from "@/lib/server/auth/password";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { ValidationError } from "@/lib/server/errors";
import { accountState, loadManagedUser } from "@/lib/server/users/load-managed-user";
import type { VersionChange } from "@/lib/version-change";
import type { ZUpdateUser, ZUserStep } from "@/lib/validation/users";

// An administrator's steps on one account (lib/server/users/user-scope.ts says whose). Each checks the
// version of the account the page showed, bumps it and writes its audit row in the same transaction.

/** The account's name and email address. */
export async function updateUser(actor: Actor, input: z.output<typeof ZUpdateUser>): Promise<{ version: VersionChange }> {
  const email = input.email || null;
  const version = await prisma.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    return writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => accountState(user),
      update: (v) => tx.user.updateMany({ where: { id: user.id, version: v }, data: { name: input.name, email, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: "user.update",
        entityType: "User",
        entityId: user.id,
        before: { name: user.name, email: user.email },
        after: { name: input.name, email },
      },
    });
  });
  return { version };
}

/**
 * Deactivates or reactivates an account. A deactivated account cannot sign
 * in, and a session it holds ends at its next request (loadActor reads only
 * active accounts); its roles, history and name on what it did all stay.
 * Nobody deactivates themselves.
 */
export async function setUserActive(actor: Actor, input: z.output<typeof ZUserStep>, isActive: boolean): Promise<{ version: VersionChange }> {
  if (!isActive && input.userId === actor.id) throw new ValidationError("Administrators cannot deactivate themselves", { _: ["cannotDeactivateSelf"] });
  const version = await prisma.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    return writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => accountState(user),
      update: (v) => tx.user.updateMany({ where: { id: user.id, version: v }, data: { isActive, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: isActive ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: user.id,
        before: { isActive: user.isActive },
        after: { isActive },
      },
    });
  });
  return { version };
}

/**
 * Gives the account a new one-time password, shown once to the
 * administrator and stored only as its hash: the user signs in with it and
 * must set their own before anything else. A lockout from failed sign-ins
 * is lifted. One's own password is changed on one's account page instead.
 */
export async function resetPassword(actor: Actor, input: z.output<typeof ZUserStep>): Promise<{ version: VersionChange; oneTimePassword: string }> {
  if (input.userId === actor.id) throw new ValidationError("Change one's own password on the account page", { _: ["cannotResetOwnPassword"] });
  const password = oneTimePassword();
  const passwordHash = hashOneTimePassword(password);
  const { version, username } = await prisma.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    const change = await writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => accountState(user),
      update: (v) => tx.user.updateMany({ where: { id: user.id, version: v }, data: { passwordHash, mustChangePassword: true, version: { increment: 1 } } }),
      // Never the password, nor its hash.
      audit: { actorId: actor.id, action: "user.resetPassword", entityType: "User", entityId: user.id, after: { mustChangePassword: true } },
    });
    return { version: change, username: user.username };
  });
  await clearFailedLogins(username);
  return { version, oneTimePassword: password };
}
