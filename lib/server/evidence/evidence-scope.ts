import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { ITEM_WRITERS } from "@/lib/server/access/registry";
import { ALL_ROLES, orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

/**
 * The evidence an item may reuse: its own organization's, and any of the
 * organizations the writer reaches (a delegate brings their own records).
 */
export function reusableEvidenceWhere(actor: Actor, itemOrgId: string): Prisma.EvidenceWhereInput {
  return { OR: [{ orgId: itemOrgId }, { org: orgScopeWhere(actor, ITEM_WRITERS) }] };
}

/**
 * The evidence an actor may read and download: that of any item they read
 * (delegates included), and that of the organizations their roles reach.
 */
export function readableEvidenceWhere(actor: Actor): Prisma.EvidenceWhereInput {
  return {
    OR: [{ org: orgScopeWhere(actor, ALL_ROLES) }, { items: { some: { item: itemScopeWhere(actor, ALL_ROLES, { delegates: true }) } } }],
  };
}
