import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/server/auth/actor";
import { rolesOf } from "@/lib/server/access/permissions";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, NotFoundError, ValidationError } from "@/lib/server/errors";
import { assertGrantableOrg } from "@/lib/server/users/create-user";
import { accountState, loadManagedUser } from "@/lib/server/users/load-managed-user";
import { canManageUserWith, MANAGE } from "@/lib/server/users/user-scope";
import type { VersionChange } from "@/lib/version-change";
import type { ZGrantRole, ZRevokeRole } from "@/lib/validation/users";

// Roles take effect at once: loadActor reads them fresh on every request, so the
// user's next page already has the role, or no longer has it.

/** Grants a role on an organization of the actor's subtree. */
export async function grantRole(actor: Actor, input: z.output<typeof ZGrantRole>): Promise<{ version: VersionChange }> {
  const version = await prisma.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    await assertGrantableOrg(tx, actor, input.orgId);
    if (user.roles.some((r) => r.orgId === input.orgId && r.role === input.role)) {
      throw new ValidationError("The user holds this role there already", { role: ["alreadyGranted"] });
    }
    return writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => accountState(user),
      update: async (v) => {
        const bumped = await tx.user.updateMany({ where: { id: user.id, version: v }, data: { version: { increment: 1 } } });
        if (bumped.count === 1) await tx.roleGrant.create({ data: { userId: user.id, orgId: input.orgId, role: input.role } });
        return bumped;
      },
      audit: {
        actorId: actor.id,
        action: "user.grantRole",
        entityType: "User",
        entityId: user.id,
        orgId: input.orgId,
        after: { orgId: input.orgId, role: input.role },
      },
    });
  });
  return { version };
}

/**
 * Revokes one role, on an organization of the actor's subtree. An
 * administrator keeps their own last administrator role (someone above
 * them may take it). Answers whether the actor still manages the account:
 * a subtree administrator who takes someone's last role hands the account
 * to the administrators of the whole tree.
 */
export async function revokeRole(actor: Actor, input: z.output<typeof ZRevokeRole>): Promise<{ version: VersionChange; isStillManaged: boolean }> {
  assertId(input.grantId);
  return prisma.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    const grant = user.roles.find((r) => r.id === input.grantId);
    if (!grant) throw new NotFoundError();
    const adminRoles = rolesOf(MANAGE);
    if (user.id === actor.id && adminRoles.includes(grant.role) && user.roles.filter((r) => adminRoles.includes(r.role)).length === 1) {
      throw new ValidationError("Administrators keep their own last administrator role", { _: ["lastOwnAdminRole"] });
    }
    const version = await writeVersioned(tx, {
      version: user.version,
      expected: input.expectedVersion,
      state: () => accountState(user),
      update: async (v) => {
        const bumped = await tx.user.updateMany({ where: { id: user.id, version: v }, data: { version: { increment: 1 } } });
        if (bumped.count === 1) await tx.roleGrant.delete({ where: { id: grant.id } });
        return bumped;
      },
      audit: {
        actorId: actor.id,
        action: "user.revokeRole",
        entityType: "User",
        entityId: user.id,
        orgId: grant.orgId,
        before: { orgId: grant.orgId, role: grant.role },
      },
    });
    const remaining = user.roles.filter((r) => r.id !== grant.id).map((r) => r.org.path);
    return { version, isStillManaged: canManageUserWith(actor, remaining) };
  });
}
