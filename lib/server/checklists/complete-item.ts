import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { ITEM_WRITERS } from "@/lib/server/access/registry";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { TReopenItem } from "@/lib/validation/checklists";

const stateSelect = {
  id: true,
  orgId: true,
  status: true,
  note: true,
  version: true,
  completedAt: true,
  completedBy: { select: { id: true, name: true } },
  org: { select: { path: true } },
  delegatedOrgId: true,
  delegatedToId: true,
} satisfies Prisma.ChecklistItemSelect;

export type ItemState = Prisma.ChecklistItemGetPayload<{ select: typeof stateSelect }>;

function auditState(s: ItemState): Prisma.InputJsonObject {
  return {
    status: s.status,
    note: s.note,
    version: s.version,
    completedAt: s.completedAt?.toISOString() ?? null,
    completedById: s.completedBy?.id ?? null,
    delegatedOrgId: s.delegatedOrgId,
    delegatedToId: s.delegatedToId,
  };
}

type Tx = Prisma.TransactionClient;

/**
 * Writes an item only if it is still at `expectedVersion`: the second of two
 * people ticking the same item gets a ConflictError carrying what the first
 * one left, and nothing of either is lost. `data` may refuse the write by
 * throwing; it runs inside the transaction.
 */
export async function writeItem(
  actor: Actor,
  access: { roles: readonly Role[]; delegates: boolean },
  input: { itemId: string; expectedVersion: number },
  action: string,
  data: (current: ItemState, tx: Tx) => Promise<Prisma.ChecklistItemUncheckedUpdateManyInput> | Prisma.ChecklistItemUncheckedUpdateManyInput,
): Promise<ItemState> {
  return prisma.$transaction(async (tx) => {
    const scope = { AND: [{ id: input.itemId }, itemScopeWhere(actor, access.roles, { delegates: access.delegates })] };
    const before = await tx.checklistItem.findFirst({ where: scope, select: stateSelect });
    if (!before) throw new NotFoundError();
    if (before.version !== input.expectedVersion) throw new ConflictError("The item was changed by someone else", before);
    const { count } = await tx.checklistItem.updateMany({
      where: { AND: [scope, { version: input.expectedVersion }] },
      data: { ...(await data(before, tx)), version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: stateSelect });
      throw new ConflictError("The item was changed by someone else", current);
    }
    const after = await tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: stateSelect });
    await writeAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "ChecklistItem",
      entityId: input.itemId,
      orgId: after.orgId,
      before: auditState(before),
      after: auditState(after),
    });
    return after;
  });
}

/** Withdrawn items left the list; nobody works on them any more. */
function refuseWithdrawn(current: ItemState): void {
  if (current.status === "WITHDRAWN") throw new ValidationError("The item was withdrawn", { itemId: ["withdrawn"] });
}

const WORKERS = { roles: ITEM_WRITERS, delegates: true };

export function completeItem(
  actor: Actor,
  input: { itemId: string; expectedVersion: number; note: string },
  now = new Date(),
): Promise<ItemState> {
  return writeItem(actor, WORKERS, input, "checklist.complete", (current) => {
    refuseWithdrawn(current);
    return {
      status: "DONE",
      note: input.note === "" ? null : input.note,
      completedAt: now,
      completedById: actor.id,
    };
  });
}

export function reopenItem(actor: Actor, input: TReopenItem): Promise<ItemState> {
  return writeItem(actor, WORKERS, input, "checklist.reopen", (current) => {
    refuseWithdrawn(current);
    return {
      status: current.note ? "IN_PROGRESS" : "NOT_STARTED",
      completedAt: null,
      completedById: null,
    };
  });
}
