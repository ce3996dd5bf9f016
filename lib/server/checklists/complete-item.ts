import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ITEM_WRITERS } from "@/lib/server/access/registry";
import { orgScopeWhere } from "@/lib/server/access/scope";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import type { TReopenItem } from "@/lib/validation/checklists";

const stateSelect = {
  id: true,
  orgId: true,
  status: true,
  note: true,
  version: true,
  completedAt: true,
  completedBy: { select: { id: true, name: true } },
} satisfies Prisma.ChecklistItemSelect;

export type ItemState = Prisma.ChecklistItemGetPayload<{ select: typeof stateSelect }>;

function auditState(s: ItemState): Prisma.InputJsonObject {
  return {
    status: s.status,
    note: s.note,
    version: s.version,
    completedAt: s.completedAt?.toISOString() ?? null,
    completedById: s.completedBy?.id ?? null,
  };
}

/**
 * Writes an item only if it is still at `expectedVersion`: the second of two
 * people ticking the same item gets a ConflictError carrying what the first
 * one left, and nothing of either is lost.
 */
async function writeItem(
  actor: Actor,
  itemId: string,
  expectedVersion: number,
  action: string,
  data: (current: ItemState) => Prisma.ChecklistItemUpdateManyMutationInput,
): Promise<ItemState> {
  return prisma.$transaction(async (tx) => {
    const scope = { id: itemId, org: orgScopeWhere(actor, ITEM_WRITERS) };
    const before = await tx.checklistItem.findFirst({ where: scope, select: stateSelect });
    if (!before) throw new NotFoundError();
    const { count } = await tx.checklistItem.updateMany({
      where: { ...scope, version: expectedVersion },
      data: { ...data(before), version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: stateSelect });
      throw new ConflictError("The item was changed by someone else", current);
    }
    const after = await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: stateSelect });
    await writeAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "ChecklistItem",
      entityId: itemId,
      orgId: after.orgId,
      before: auditState(before),
      after: auditState(after),
    });
    return after;
  });
}

export function completeItem(
  actor: Actor,
  input: { itemId: string; expectedVersion: number; note: string },
  now = new Date(),
): Promise<ItemState> {
  return writeItem(actor, input.itemId, input.expectedVersion, "checklist.complete", () => ({
    status: "DONE",
    note: input.note === "" ? null : input.note,
    completedAt: now,
    completedById: actor.id,
  }));
}

export function reopenItem(actor: Actor, input: TReopenItem): Promise<ItemState> {
  return writeItem(actor, input.itemId, input.expectedVersion, "checklist.reopen", (current) => ({
    status: current.note ? "IN_PROGRESS" : "NOT_STARTED",
    completedAt: null,
    completedById: null,
  }));
}
