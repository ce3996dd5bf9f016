import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasAnyRole, orgScopeWhere, reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * The checklist items an actor reaches with `roles`: those of the
 * organizations in the actor's subtrees and, with `delegates`, those handed
 * down to one of those organizations or to the actor in person. The item's
 * own organization keeps answering for a delegated item; the delegate only
 * gains the right to see and work on it.
 */
export function itemScopeWhere(actor: Actor, roles: readonly Role[], options: { delegates: boolean }): Prisma.ChecklistItemWhereInput {
  const or: Prisma.ChecklistItemWhereInput[] = [{ org: orgScopeWhere(actor, roles) }];
  if (options.delegates) {
    or.push({ delegatedOrg: orgScopeWhere(actor, roles) });
    if (hasAnyRole(actor, roles)) or.push({ delegatedToId: actor.id });
  }
  return { OR: or };
}

/** The same rule for an item already loaded. */
export function reachesItem(
  actor: Actor,
  roles: readonly Role[],
  item: { org: { path: string }; delegatedOrg: { path: string } | null; delegatedToId: string | null },
  options: { delegates: boolean },
): boolean {
  if (reachesPath(actor, roles, item.org.path)) return true;
  if (!options.delegates) return false;
  if (item.delegatedOrg && reachesPath(actor, roles, item.delegatedOrg.path)) return true;
  return item.delegatedToId === actor.id && hasAnyRole(actor, roles);
}
