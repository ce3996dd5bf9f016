import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere, reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * The checklist items an actor reaches with `permission`: those of the
 * organizations in the actor's subtrees and, with `delegates`, those handed
 * down to one of those organizations or to the actor in person. The item's
 * own organization keeps answering for a delegated item; the delegate only
 * gains the right to see and work on it.
 */
export function itemScopeWhere(actor: Actor, permission: Permission, options: { delegates: boolean }): Prisma.ChecklistItemWhereInput {
  const or: Prisma.ChecklistItemWhereInput[] = [{ org: orgScopeWhere(actor, permission) }];
  if (options.delegates) {
    or.push({ delegatedOrg: orgScopeWhere(actor, permission) });
    if (can(actor, permission)) or.push({ delegatedToId: actor.id });
  }
  return { OR: or };
}

/** The same rule for an item already loaded. */
export function reachesItem(
  actor: Actor,
  permission: Permission,
  item: { org: { path: string }; delegatedOrg: { path: string } | null; delegatedToId: string | null },
  options: { delegates: boolean },
): boolean {
  if (reachesPath(actor, permission, item.org.path)) return true;
  if (!options.delegates) return false;
  if (item.delegatedOrg && reachesPath(actor, permission, item.delegatedOrg.path)) return true;
  return item.delegatedToId === actor.id && can(actor, permission);
}
