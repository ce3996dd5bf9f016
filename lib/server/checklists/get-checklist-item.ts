import "server-only";
import { today } from "@/lib/dates";
import { isOpen } from "@/lib/item-status";
import { itemScopeWhere, reachesItem } from "@/lib/server/access/item-scope";
import { ITEM_DELEGATORS, ITEM_WRITERS } from "@/lib/server/access/registry";
import { ALL_ROLES } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { checklistItemSelect, type ChecklistItemRow } from "@/lib/server/checklists/select";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

export type ChecklistItemDetail = ChecklistItemRow & {
  canWrite: boolean;
  /** The actor may hand the item down or take it back: a secretary of its own organization, on an open item. */
  canDelegate: boolean;
  /** The actor sees the item only because it was delegated to them or their organization. */
  viaDelegation: boolean;
};

export async function getChecklistItem(actor: Actor, itemId: string, now = new Date()): Promise<ChecklistItemDetail> {
  const item = await prisma.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, ALL_ROLES, { delegates: true })] },
    select: checklistItemSelect,
  });
  if (!item) throw new NotFoundError();
  const open = isOpen(item.status);
  return {
    ...item,
    isOverdue: open && item.dueDate < today(now),
    canWrite: item.status !== "WITHDRAWN" && reachesItem(actor, ITEM_WRITERS, item, { delegates: true }),
    canDelegate: open && reachesItem(actor, ITEM_DELEGATORS, item, { delegates: false }),
    viaDelegation: !reachesItem(actor, ALL_ROLES, item, { delegates: false }),
  };
}
