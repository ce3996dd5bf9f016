import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Permission } from "@/lib/server/access/permissions";
import { orgScopeWhere, pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
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
 * The same rule as SQL, over a checklist item `i`. The organizations in
 * scope are found once, so that each arm is a test of the item's own
 * columns (its organization, the organization it is delegated to, the
 * person) rather than a pattern matched against the path of every item's
 * organization. Below the top of a tree they come as an array (an InitPlan),
 * which the item indexes serve: a branch's list reads its own items, not the
 * period's. From the top of a tree, which reaches nearly every item, a hashed
 * lookup of each item's organization is cheaper than thousands of probes.
 * bench/progress.ts measures both.
 */
export function itemScopeSql(actor: Actor, permission: Permission, options: { delegates: boolean }): Prisma.Sql {
  const patterns = scopePatterns(actor, permission);
  const inScope = Prisma.sql`SELECT s."id" FROM "Org" s WHERE ${pathUnderSql(Prisma.sql`s."path"`, patterns)}`;
  const reachesTop = reachesTreeTop(actor, permission);
  const among = (column: Prisma.Sql) => (reachesTop ? Prisma.sql`${column} IN (${inScope})` : Prisma.sql`${column} = ANY (ARRAY(${inScope}))`);
  const or: Prisma.Sql[] = patterns.length > 0 ? [among(Prisma.sql`i."orgId"`)] : [];
  if (options.delegates) {
    if (patterns.length > 0) or.push(among(Prisma.sql`i."delegatedOrgId"`));
    if (can(actor, permission)) or.push(Prisma.sql`i."delegatedToId" = ${actor.id}`);
  }
  return or.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/** Whether one of the actor's scopes with `permission` is the top of a tree: it reaches nearly every item. */
export function reachesTreeTop(actor: Actor, permission: Permission): boolean {
  return scopePatterns(actor, permission).some((p) => p.split("/").filter((part) => part !== "%" && part !== "").length === 1);
}
