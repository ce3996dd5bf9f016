import "server-only";
import { can } from "@/lib/server/access/permissions";
import { isOpenBeforePasswordChange, ruleFor, type EntryKey, type Rule } from "@/lib/server/access/registry";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError, PasswordChangeRequiredError, UnauthenticatedError } from "@/lib/server/errors";

export type Target = { orgId: string } | { itemId: string } | undefined;

type PermissionRule = Extract<Rule, { access: "permission" }>;

async function reachesTarget(actor: Actor, { permission, target: kind }: PermissionRule, target: NonNullable<Target>): Promise<boolean> {
  if ("orgId" in target) {
    if (kind !== "org") return false;
    const org = await prisma.org.findUnique({ where: { id: target.orgId }, select: { path: true } });
    return !!org && reachesPath(actor, permission, org.path);
  }
  if (kind !== "item" && kind !== "item-org") return false;
  const found = await prisma.checklistItem.count({
    where: { AND: [{ id: target.itemId }, itemScopeWhere(actor, permission, { delegates: kind === "item" })] },
  });
  return found > 0;
}

/**
 * Applies the registry's rule for `key` to `actor` and `target`. Out of
 * scope reads as not found, so that nobody learns what exists elsewhere.
 * A user whose password was reset gets nothing but the entries open before
 * the change (the change-password page and its action) until they set their
 * own: pages send them there (guardPage), actions and routes refuse.
 */
export async function authorize(actor: Actor | null, key: EntryKey, target?: Target): Promise<Actor | null> {
  const rule = ruleFor(key);
  if (rule.access === "public") return actor;
  if (!actor) throw new UnauthenticatedError();
  if (actor.mustChangePassword && !isOpenBeforePasswordChange(key)) throw new PasswordChangeRequiredError();
  if (rule.access === "signed-in") return actor;

  if (!can(actor, rule.permission)) throw new NotFoundError();
  if (rule.target === "none") return actor;
  // An organization target may be left out (a page showing the whole scope); an item may not.
  if (!target) {
    if (rule.target === "org") return actor;
    throw new NotFoundError();
  }
  assertId("orgId" in target ? target.orgId : target.itemId);
  if (!(await reachesTarget(actor, rule, target))) throw new NotFoundError();
  return actor;
}
