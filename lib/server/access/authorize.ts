import "server-only";
import { ruleFor, type EntryKey } from "@/lib/server/access/registry";
import { hasAnyRole, reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError, UnauthenticatedError } from "@/lib/server/errors";

export type Target = { orgId: string } | { itemId: string } | undefined;

async function targetPath(target: Target): Promise<string | null> {
  if (!target) return null;
  if ("orgId" in target) {
    const org = await prisma.org.findUnique({ where: { id: target.orgId }, select: { path: true } });
    return org?.path ?? null;
  }
  const item = await prisma.checklistItem.findUnique({
    where: { id: target.itemId },
    select: { org: { select: { path: true } } },
  });
  return item?.org.path ?? null;
}

/**
 * Applies the registry's rule for `key` to `actor` and `target`. Out of
 * scope reads as not found, so that nobody learns what exists elsewhere.
 */
export async function authorize(actor: Actor | null, key: EntryKey, target?: Target): Promise<Actor | null> {
  const rule = ruleFor(key);
  if (rule.access === "public") return actor;
  if (!actor) throw new UnauthenticatedError();
  if (rule.access === "signed-in") return actor;

  if (!hasAnyRole(actor, rule.roles)) throw new NotFoundError();
  if (rule.target === "none" || !target) {
    if (rule.target === "item") throw new NotFoundError();
    return actor;
  }
  const path = await targetPath(target);
  if (!path || !reachesPath(actor, rule.roles, path)) throw new NotFoundError();
  return actor;
}
