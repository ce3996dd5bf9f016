import { Prisma } from "@/lib/generated/prisma/client";
import { rolesOf, type Permission } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";

export { ALL_ROLES } from "@/lib/server/access/permissions";

/**
 * The subtree roots where an actor holds a permission: a role on an
 * organization reaches its whole subtree. Nested roots are folded into the
 * outermost one.
 */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const roles = rolesOf(permission);
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
  return [...new Set(paths)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q))).sort();
}

/** Whether the actor holds `permission` on the organization itself (a role granted above it does not count). */
export function holdsOn(actor: Actor, permission: Permission, orgId: string): boolean {
  const roles = rolesOf(permission);
  return actor.grants.some((g) => g.orgId === orgId && roles.includes(g.role));
}

export function reachesPath(actor: Actor, permission: Permission, orgPath: string): boolean {
  return scopePaths(actor, permission).some((root) => orgPath.startsWith(root));
}

/** A Prisma `where` on Org for the actor's scope; matches nothing when the scope is empty. */
export function orgScopeWhere(actor: Actor, permission: Permission) {
  const paths = scopePaths(actor, permission);
  return paths.length === 0
    ? { id: { in: [] as string[] } }
    : { OR: paths.map((p) => ({ path: { startsWith: p } })) };
}

/** LIKE patterns for raw SQL over `Org.path`: the same scope as orgScopeWhere. Paths hold only cuids and slashes. */
export function scopePatterns(actor: Actor, permission: Permission): string[] {
  return scopePaths(actor, permission).map((p) => `${p}%`);
}

/**
 * `path` under any of `patterns` (scopePatterns' form), as one LIKE per
 * pattern: unlike `LIKE ANY (array)`, each arm reads the path prefix index
 * (Org_path_prefix_idx, text_pattern_ops: the database's collation keeps the
 * unique index from serving LIKE), so that a subtree costs its own size,
 * not the province's. FALSE when there is none.
 */
export function pathUnderSql(path: Prisma.Sql, patterns: readonly string[]): Prisma.Sql {
  if (patterns.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(${Prisma.join(
    patterns.map((pattern) => Prisma.sql`${path} LIKE ${pattern}`),
    " OR ",
  )})`;
}
