import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { NotFoundError } from "@/lib/server/errors";

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
 * The version moves by exactly one: from `after.version - 1` to `after.version`.
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
    const readNow = () => tx.checklistItem.findUniqueOrThrow({ where: { id: input.itemId }, select: itemStateSelect });
    await checkVersion(before.version, input.expectedVersion, () => before);
    const data = await step.data(before, tx);
    // The audit row reads the item as the change left it; the step's follow-up gets the same.
    let after!: ItemState;
    await writeVersioned(tx, {
      version: before.version,
      expected: input.expectedVersion,
      state: readNow,
      update: (version) => tx.checklistItem.updateMany({ where: { id: input.itemId, version }, data: { ...data, version: { increment: 1 } } }),
      audit: async () => {
        after = await readNow();
        return {
          actorId: actor.id,
          action,
          entityType: "ChecklistItem",
          entityId: input.itemId,
          orgId: after.orgId,
          before: auditState(before),
          after: auditState(after),
        };
      },
    });
    await step.after?.(before, after, tx);
    return after;
  });
}
