import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";

export const ALL_ROLES = ["ADMIN", "SUPERVISOR", "INSPECTOR", "SECRETARY", "STAFF"] as const satisfies readonly Role[];

/**
 * The subtree roots an actor reaches with any of `roles`: a role on an
 * organization reaches its whole subtree. Nested roots are folded into the
 * outermost one.
 */
export function scopePaths(actor: Actor, roles: readonly Role[]): string[] {
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
  return [...new Set(paths)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q))).sort();
}

export function reachesPath(actor: Actor, roles: readonly Role[], orgPath: string): boolean {
  return scopePaths(actor, roles).some((root) => orgPath.startsWith(root));
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** A Prisma `where` on Org for the actor's scope; matches nothing when the scope is empty. */
export function orgScopeWhere(actor: Actor, roles: readonly Role[]) {
  const paths = scopePaths(actor, roles);
  return paths.length === 0
    ? { id: { in: [] as string[] } }
    : { OR: paths.map((p) => ({ path: { startsWith: p } })) };
}

/** LIKE patterns for raw SQL over `Org.path`. Paths hold only cuids and slashes. */
export function scopePatterns(actor: Actor, roles: readonly Role[]): string[] {
  return scopePaths(actor, roles).map((p) => `${p}%`);
}
