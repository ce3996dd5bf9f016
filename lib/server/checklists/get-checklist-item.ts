import "server-only";
import { today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOpen, isSettled } from "@/lib/item-status";
import { itemScopeWhere, reachesItem } from "@/lib/server/access/item-scope";
import type { Actor } from "@/lib/server/auth/actor";
import { canReview, canWorkOn, isReviewerOf, reviewerOrgOf } from "@/lib/server/checklists/review";
import { checklistItemSelect, type ChecklistItemRow } from "@/lib/server/checklists/select";
import { itemWarning, type ItemWarning, warningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";

const orgName = { id: true, path: true, name: true, nameEn: true } as const;

const detailSelect = {
  ...checklistItemSelect,
  org: { select: { ...checklistItemSelect.org.select, parent: { select: orgName } } },
  assignment: { select: { reviewMode: true, reviewerOrg: { select: orgName } } },
  submittedAt: true,
  submittedById: true,
  submittedBy: { select: { name: true } },
  requestedNotApplicable: true,
  naReason: true,
  reviewedAt: true,
  reviewedBy: { select: { name: true } },
  reviewComment: true,
} satisfies Prisma.ChecklistItemSelect;

type DetailRow = Prisma.ChecklistItemGetPayload<{ select: typeof detailSelect }>;

export type ChecklistItemDetail = ChecklistItemRow &
  Omit<DetailRow, keyof ChecklistItemRow> & {
    org: DetailRow["org"];
    /** The three-colour warning, as the lists show it (StatusBadge's `warning`). */
    warning: ItemWarning;
    /** Who reviews it; null when a submission settles at once. */
    reviewerOrg: { id: string; path: string; name: string; nameEn: string | null } | null;
    /** The actor may work on it: save, submit, ask for not applicable, recall. */
    canWrite: boolean;
    /** The actor may approve or return the current submission. */
    canReview: boolean;
    /** The actor may undo a settled item. */
    canReopen: boolean;
    /** The actor may hand the item down or take it back: a secretary of its own organization, on an open item. */
    canDelegate: boolean;
    /** The actor sees the item only because it was delegated to them or their organization. */
    viaDelegation: boolean;
  };

export async function getChecklistItem(actor: Actor, itemId: string, now = new Date()): Promise<ChecklistItemDetail> {
  assertId(itemId);
  const item = await prisma.checklistItem.findFirst({
    where: { AND: [{ id: itemId }, itemScopeWhere(actor, "checklist.read", { delegates: true })] },
    select: detailSelect,
  });
  if (!item) throw new NotFoundError();
  const reviewer = isReviewerOf(actor, item);
  const writer = item.status !== "WITHDRAWN" && canWorkOn(actor, item);
  const reviewerOrg = reviewerOrgOf(item);
  return {
    ...item,
    isOverdue: isOpen(item.status) && item.dueDate < today(now),
    warning: itemWarning(item.status, item.dueDate, today(now), warningThresholds()),
    reviewerOrg,
    canWrite: writer,
    canReview: canReview(actor, item),
    canReopen: isSettled(item.status) && (reviewerOrg ? reviewer : writer),
    canDelegate: isOpen(item.status) && reachesItem(actor, "checklist.delegate", item, { delegates: false }),
    viaDelegation: !reachesItem(actor, "checklist.read", item, { delegates: false }),
  };
}
