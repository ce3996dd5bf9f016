import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * The checklist items an actor reaches with `permission`: those of the
 * organizations in the actor's subtrees and, with `delegates`, those handed
 * down to one of those organizations or to the actor in person. The item's
 * own organization keeps answering for a delegated item; the delegate only
 * gains the right to see and work on it.
 *
 * One rule in three forms: a Prisma `where` (itemScopeWhere), a check of a
 * loaded item (reachesItem) and a SQL condition (itemScopeSql); a test
 * holds them to each other for every role.
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

/**
 * The same rule as SQL, over a checklist item `i`, its organization `o` and
 * the organization it is delegated to `g` (joined with LEFT JOIN).
 */
export function itemScopeSql(actor: Actor, permission: Permission, options: { delegates: boolean }): Prisma.Sql {
  const patterns = scopePatterns(actor, permission);
  const or: Prisma.Sql[] = patterns.length > 0 ? [Prisma.sql`o."path" LIKE ANY (${patterns}::text[])`] : [];
  if (options.delegates) {
    if (patterns.length > 0) or.push(Prisma.sql`g."path" LIKE ANY (${patterns}::text[])`);
    if (can(actor, permission)) or.push(Prisma.sql`i."delegatedToId" = ${actor.id}`);
  }
  return or.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(or, " OR ")})`;
}
