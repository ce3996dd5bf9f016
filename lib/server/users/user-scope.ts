import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/server/access/permissions";
import { orgScopeWhere, reachesPath, scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * Who administers whose account (user.manage):
 *
 * - an administrator sees the people holding any role on an organization of
 *   their subtree (a role granted on a unit reaches its subtree);
 * - they manage (edit, deactivate, reset, grant, revoke) only those whose
 *   every role lies in their subtree; someone with a role elsewhere too is
 *   shown read-only, for an administrator above both to manage;
 * - they grant and revoke roles only on organizations of their subtree;
 * - a person left with no role at all belongs to no subtree: the
 *   administrators of the whole tree (user.manage on a top-level
 *   organization) see and manage them.
 */
export const MANAGE = "user.manage" as const;

/** Whether the actor administers a whole tree: user.manage held on a top-level organization. */
export function isTreeAdmin(actor: Actor): boolean {
  return scopePaths(actor, MANAGE).some((path) => path.split("/").filter(Boolean).length === 1);
}

/** Whether the actor may manage an account whose roles lie on these organization paths. */
export function canManageUserWith(actor: Actor, grantPaths: readonly string[]): boolean {
  if (!can(actor, MANAGE)) return false;
  return grantPaths.length === 0 ? isTreeAdmin(actor) : grantPaths.every((path) => reachesPath(actor, MANAGE, path));
}

/** The accounts the actor sees: a role in their subtree, or, for an administrator of a whole tree, no role at all. */
export function visibleUsersWhere(actor: Actor): Prisma.UserWhereInput {
  if (!can(actor, MANAGE)) return { id: { in: [] } };
  const inScope: Prisma.UserWhereInput = { roles: { some: { org: orgScopeWhere(actor, MANAGE) } } };
  return isTreeAdmin(actor) ? { OR: [inScope, { roles: { none: {} } }] } : inScope;
}

/** Organizations where the actor may grant a role: open ones in their subtree. */
export function grantableOrgWhere(actor: Actor): Prisma.OrgWhereInput {
  return { AND: [orgScopeWhere(actor, MANAGE), { closedAt: null }] };
}
