import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { assertId, DomainError, NotFoundError } from "@/lib/server/errors";
import { canManageUserWith, visibleUsersWhere } from "@/lib/server/users/user-scope";

type Tx = Prisma.TransactionClient;

export const managedUserSelect = {
  id: true,
  username: true,
  name: true,
  email: true,
  isActive: true,
  version: true,
  roles: { select: { id: true, role: true, orgId: true, org: { select: { path: true } } } },
} satisfies Prisma.UserSelect;

export type ManagedUser = Prisma.UserGetPayload<{ select: typeof managedUserSelect }>;

/** What a conflict shows of an account as it stands now. */
export function accountState(user: Pick<ManagedUser, "name" | "email" | "isActive" | "version">) {
  return { name: user.name, email: user.email, isActive: user.isActive, version: user.version };
}

/**
 * An account the actor manages, read in the transaction of the step: one
 * they cannot see is not found; one they see but do not manage (a role
 * outside their subtree) is refused.
 */
export async function loadManagedUser(tx: Tx, actor: Actor, userId: string): Promise<ManagedUser> {
  assertId(userId);
  const user = await tx.user.findFirst({ where: { AND: [{ id: userId }, visibleUsersWhere(actor)] }, select: managedUserSelect });
  if (!user) throw new NotFoundError();
  if (!canManageUserWith(actor, user.roles.map((r) => r.org.path))) throw new DomainError("forbidden", "The account has roles outside the actor's subtree");
  return user;
}
