import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";

export const itemStateSelect = {
  id: true,
  orgId: true,
  status: true,
  note: true,
  version: true,
  dueDate: true,
  completedAt: true,
  completedBy: { select: { id: true, name: true } },
  org: { select: { path: true, parent: { select: { id: true, path: true } } } },
  delegatedOrgId: true,
  delegatedOrg: { select: { path: true } },
  delegatedToId: true,
  submittedAt: true,
  submittedById: true,
  requestedNotApplicable: true,
  naReason: true,
  reviewedById: true,
  reviewComment: true,
  duty: { select: { evidenceRequired: true } },
  assignment: { select: { reviewMode: true, reviewerOrg: { select: { id: true, path: true } } } },
} satisfies Prisma.ChecklistItemSelect;

export type ItemState = Prisma.ChecklistItemGetPayload<{ select: typeof itemStateSelect }>;

/** What the audit log keeps of an item before and after a step; the history page reads it back. */
function auditState(s: ItemState): Prisma.InputJsonObject {
  return {
    status: s.status,
    note: s.note,
    version: s.version,
    completedAt: s.completedAt?.toISOString() ?? null,
    completedById: s.completedBy?.id ?? null,
    delegatedOrgId: s.delegatedOrgId,
    delegatedToId: s.delegatedToId,
    requestedNotApplicable: s.requestedNotApplicable,
    naReason: s.naReason,
    reviewComment: s.reviewComment,
  };
}

export type Tx = Prisma.TransactionClient;

export type WriteStep = {
  /** Whether the actor may take this step on the item as it stands; no reads as not found. */
  allowed: (state: ItemState) => boolean;
  /** The change; it may refuse by throwing. Runs inside the transaction. */
  data: (state: ItemState, tx: Tx) => Promise<Prisma.ChecklistItemUncheckedUpdateManyInput> | Prisma.ChecklistItemUncheckedUpdateManyInput;
  /** Runs after the write in the same transaction (notifications). */
  after?: (before: ItemState, after: ItemState, tx: Tx) => Promise<void>;
};

/**
 * Writes an item only if it is still at `expectedVersion`: the second of two
 * people changing the same item gets a ConflictError carrying what the first
 * one left, and nothing of either is lost. Every write is one audit row.
 */
export async function writeItem(
  actor: Actor,
  input: { itemId: string; expectedVersion: number },
  action: string,
  step: WriteStep,
): Promise<ItemState> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.checklistItem.findUnique({ where: { id: input.itemId }, select: itemStateSelect });
    if (!before || !step.allowed(before)) throw new NotFoundError();
    if (before.version !== input.expectedVersion) throw new ConflictError("The item was changed by someone else", before);
    const { count } = await tx.checklistItem.updateMany({
      where: { id: input.itemId, version: input.expectedVersion },
      data: { ...(await step.data(before, tx)), version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: itemStateSelect });
      throw new ConflictError("The item was changed by someone else", current);
    }
    const after = await tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: itemStateSelect });
    await writeAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "ChecklistItem",
      entityId: input.itemId,
      orgId: after.orgId,
      before: auditState(before),
      after: auditState(after),
    });
    await step.after?.(before, after, tx);
    return after;
  });
}
