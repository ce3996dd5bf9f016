import "server-only";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/item-status";
import { itemScopeWhere, reachesItem } from "@/lib/server/access/item-scope";
import { rolesOf } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { writeItem, type ItemState } from "@/lib/server/checklists/write-item";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import { prisma } from "@/lib/server/db";
import { orgMatching, personMatching } from "@/lib/server/db/text-search";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import type { TDelegateItem, TItemStep } from "@/lib/validation/checklists";

/** Only the item's own organization hands it down or takes it back; a delegate cannot pass it on. */
const OWNERS = { permission: "checklist.delegate", delegates: false } as const;
const owns = (actor: Actor) => (s: ItemState) => reachesItem(actor, OWNERS.permission, s, { delegates: false });

export type DelegationTargets = {
  /** Depth below the item's organization: its children are at 0. */
  orgs: { id: string; name: string; nameEn: string | null; type: OrgType; depth: number }[];
  people: { id: string; name: string; orgName: string; orgNameEn: string | null }[];
  /** More organizations or people matched than are listed: the form offers its search. */
  isTruncated: boolean;
};

export const DELEGATION_TARGET_LIMIT = 300;

/**
 * Whom an item can be handed to: the open organizations below the item's
 * own, and the people holding a working role (secretary or staff) anywhere
 * in its subtree, the actor excepted. The first DELEGATION_TARGET_LIMIT of
 * each, in tree order; with `search`, those whose name or code (an
 * organization's) or name or user name (a person's) contains it.
 */
export async function listDelegationTargets(actor: Actor, itemId: string, search?: string): Promise<DelegationTargets> {
  const item = await prisma.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, OWNERS.permission, { delegates: false })] },
    select: { orgId: true, org: { select: { path: true, depth: true } } },
  });
  if (!item) throw new NotFoundError();
  const words = search?.trim();
  const [orgs, grants] = await Promise.all([
    prisma.org.findMany({
      where: { AND: [{ path: { startsWith: item.org.path }, id: { not: item.orgId }, closedAt: null }, orgMatching(words)] },
      select: { id: true, name: true, nameEn: true, type: true, depth: true },
      orderBy: [{ path: "asc" }, { id: "asc" }],
      take: DELEGATION_TARGET_LIMIT + 1,
    }),
    prisma.roleGrant.findMany({
      where: {
        role: { in: [...rolesOf("checklist.work")] },
        org: { path: { startsWith: item.org.path } },
        user: { AND: [{ isActive: true, id: { not: actor.id } }, personMatching(words)] },
      },
      select: { user: { select: { id: true, name: true } }, org: { select: { name: true, nameEn: true } } },
      orderBy: [{ org: { path: "asc" } }, { user: { name: "asc" } }, { id: "asc" }],
      take: DELEGATION_TARGET_LIMIT + 1,
    }),
  ]);
  const seen = new Set<string>();
  const people = grants
    .slice(0, DELEGATION_TARGET_LIMIT)
    .filter((g) => !seen.has(g.user.id) && seen.add(g.user.id))
    .map((g) => ({ id: g.user.id, name: g.user.name, orgName: g.org.name, orgNameEn: g.org.nameEn }));
  return {
    orgs: orgs.slice(0, DELEGATION_TARGET_LIMIT).map((o) => ({ ...o, depth: o.depth - item.org.depth - 1 })),
    people,
    isTruncated: orgs.length > DELEGATION_TARGET_LIMIT || grants.length > DELEGATION_TARGET_LIMIT,
  };
}

/**
 * Hands an open item to an organization below its own or to a person in its
 * subtree. The item stays with its organization, which still answers for
 * it; the delegate sees it among their duties and may tick it off.
 */
export function delegateItem(actor: Actor, input: TDelegateItem, now = new Date()): Promise<ItemState> {
  const [kind, targetId] = input.target.split(":") as ["org" | "user", string];
  return writeItem(actor, input, "checklist.delegate", {
    allowed: owns(actor),
    after: async (_, after, tx) => {
      const userIds = after.delegatedToId ? [after.delegatedToId] : after.delegatedOrgId ? await holdersOf(tx, after.delegatedOrgId, "checklist.work") : [];
      await notify(tx, { kind: "ITEM_DELEGATED", userIds, itemId: after.id, actorId: actor.id });
    },
    data: async (current, tx) => {
      if (!isOpen(current.status)) {
        throw new ValidationError("Only an open item can be delegated", { target: ["closed"] });
      }
      const subtree = { path: { startsWith: current.org.path } };
      if (kind === "org") {
        const org = await tx.org.findFirst({ where: { id: targetId, ...subtree, NOT: { id: current.orgId } }, select: { id: true } });
        if (!org) throw new ValidationError("Not an organization below the item's own", { target: ["notBelow"] });
        return { delegatedOrgId: org.id, delegatedToId: null, delegatedById: actor.id, delegatedAt: now };
      }
      if (targetId === actor.id) throw new ValidationError("Cannot delegate to oneself", { target: ["self"] });
      const person = await tx.user.findFirst({
        where: { id: targetId, isActive: true, roles: { some: { role: { in: [...rolesOf("checklist.work")] }, org: subtree } } },
        select: { id: true },
      });
      if (!person) throw new ValidationError("Not a person in the item's organization", { target: ["notInSubtree"] });
      return { delegatedOrgId: null, delegatedToId: person.id, delegatedById: actor.id, delegatedAt: now };
    },
  });
}

/** Takes a delegated item back; its history keeps the delegation. */
export function revokeDelegation(actor: Actor, input: TItemStep): Promise<ItemState> {
  return writeItem(actor, input, "checklist.undelegate", {
    allowed: owns(actor),
    data: (current) => {
      if (!current.delegatedOrgId && !current.delegatedToId) throw new ValidationError("The item is not delegated", { itemId: ["notDelegated"] });
      return { delegatedOrgId: null, delegatedToId: null, delegatedById: null, delegatedAt: null };
    },
  });
}
