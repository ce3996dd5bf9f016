import "server-only";
import { today } from "@/lib/dates";
import { ALL_ROLES, orgScopeWhere, reachesPath } from "@/lib/server/access/scope";
import { ITEM_WRITERS } from "@/lib/server/access/registry";
import type { Actor } from "@/lib/server/auth/actor";
import { checklistItemSelect, type ChecklistItemRow } from "@/lib/server/checklists/select";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";

export type ChecklistItemDetail = ChecklistItemRow & { canWrite: boolean };

export async function getChecklistItem(actor: Actor, itemId: string, now = new Date()): Promise<ChecklistItemDetail> {
  const item = await prisma.checklistItem.findFirst({
    where: { id: itemId, org: orgScopeWhere(actor, ALL_ROLES) },
    select: checklistItemSelect,
  });
  if (!item) throw new NotFoundError();
  return {
    ...item,
    isOverdue: item.status !== "DONE" && item.dueDate < today(now),
    canWrite: reachesPath(actor, ITEM_WRITERS, item.org.path),
  };
}
