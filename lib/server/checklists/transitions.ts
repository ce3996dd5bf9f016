import "server-only";
import { isOpen, isSettled } from "@/lib/item-status";
import type { Actor } from "@/lib/server/auth/actor";
import { canReview, canWorkOn, isReviewerOf, reviewerOrgOf } from "@/lib/server/checklists/review";
import { writeItem, type ItemState, type Tx } from "@/lib/server/checklists/write-item";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { countItemEvidence } from "@/lib/server/evidence/count-item-evidence";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import type { TApproveItem, TApproveMany, TItemStep, TRequestNotApplicable, TReturnItem, TSubmitItem } from "@/lib/validation/checklists";

/*
 * The life of an item:
 *
 *   NOT_STARTED ─save─▶ IN_PROGRESS ─submit─▶ SUBMITTED ─approve─▶ DONE
 *        │                  ▲   ▲                │  │  │
 *        └──────submit──────┼───┼────────────────┘  │  └─approve (asked n/a)─▶ NOT_APPLICABLE
 *                           │   └──recall───────────┘
 *                           │        RETURNED ◀─return (comment)─ SUBMITTED
 *                           │  (saved: still RETURNED; submit: SUBMITTED)
 *                           └──reopen (reviewer)── DONE, NOT_APPLICABLE
 *
 * Without a reviewer (the assignment says none, or the organization is the
 * top) a submission settles at once. Duties that require evidence cannot be
 * submitted as done without any. Withdrawn items take no step at all.
 */

const canWork = (actor: Actor) => (s: ItemState) => canWorkOn(actor, s);

function requireOpen(s: ItemState): void {
  if (!isOpen(s.status)) throw new ValidationError("The item is not open", { itemId: ["notOpen"] });
}

/** Who hears of a submission: the people working on the reviewer organization itself. */
async function notifyReviewers(tx: Tx, actor: Actor, item: ItemState): Promise<void> {
  const reviewer = reviewerOrgOf(item);
  if (!reviewer) return;
  await notify(tx, { kind: "ITEM_SUBMITTED", userIds: await holdersOf(tx, reviewer.id, "checklist.review"), itemId: item.id, actorId: actor.id });
}

/** Records what was done so far; the item is then in progress. */
export function saveProgress(actor: Actor, input: TSubmitItem) {
  return writeItem(actor, input, "checklist.save", {
    allowed: canWork(actor),
    data: (s) => {
      requireOpen(s);
      // A returned item stays returned until it is submitted again: the lists keep showing that the reviewer sent it back.
      return { status: s.status === "RETURNED" ? "RETURNED" : "IN_PROGRESS", note: input.note ? input.note : null };
    },
  });
}

/** Hands the item in: to the reviewer, or straight to done when nobody reviews it. */
export function submitItem(actor: Actor, input: TSubmitItem, now = new Date()) {
  return writeItem(actor, input, "checklist.submit", {
    allowed: canWork(actor),
    data: async (s, tx) => {
      requireOpen(s);
      if (s.duty.evidenceRequired && (await countItemEvidence(tx, s.id)) === 0) {
        throw new ValidationError("This duty needs evidence before it is submitted", { evidence: ["evidenceRequired"] });
      }
      const note = input.note ? input.note : null;
      const common = { note, submittedAt: now, submittedById: actor.id, requestedNotApplicable: false, naReason: null };
      if (!reviewerOrgOf(s)) return { ...common, status: "DONE", completedAt: now, completedById: actor.id, reviewedAt: null, reviewedById: null, reviewComment: null };
      return { ...common, status: "SUBMITTED" };
    },
    after: (_, after, tx) => notifyReviewers(tx, actor, after),
  });
}

/** Asks the reviewer to accept that the duty does not apply here, for a reason. */
export function requestNotApplicable(actor: Actor, input: TRequestNotApplicable, now = new Date()) {
  return writeItem(actor, input, "checklist.requestNotApplicable", {
    allowed: canWork(actor),
    data: (s) => {
      requireOpen(s);
      const common = { submittedAt: now, submittedById: actor.id, requestedNotApplicable: true, naReason: input.reason.trim() };
      if (!reviewerOrgOf(s)) return { ...common, status: "NOT_APPLICABLE", completedAt: now, completedById: actor.id };
      return { ...common, status: "SUBMITTED" };
    },
    after: (_, after, tx) => notifyReviewers(tx, actor, after),
  });
}

/** The submitter (or anyone working on the item) takes a submission back before it is reviewed. */
export function recallSubmission(actor: Actor, input: TItemStep) {
  return writeItem(actor, input, "checklist.recall", {
    allowed: canWork(actor),
    data: (s) => {
      if (s.status !== "SUBMITTED") throw new ValidationError("Only a submitted item can be recalled", { itemId: ["notSubmitted"] });
      return { status: "IN_PROGRESS", requestedNotApplicable: false, submittedAt: null, submittedById: null };
    },
  });
}

/** Who hears of a review: the submitter, and the person the item was delegated to. */
function reviewNotice(actor: Actor, kind: "ITEM_APPROVED" | "ITEM_RETURNED", comment: string | null) {
  return async (before: ItemState, after: ItemState, tx: Tx) => {
    await notify(tx, {
      kind,
      userIds: [before.submittedById, before.delegatedToId],
      itemId: after.id,
      actorId: actor.id,
      payload: comment ? { comment } : undefined,
    });
  };
}

/** Says why the actor cannot review the item now, if they cannot. */
function refuseReview(actor: Actor, s: ItemState): void {
  if (canReview(actor, s)) return;
  const reason = !isReviewerOf(actor, s) ? "notReviewer" : s.status !== "SUBMITTED" ? "notSubmitted" : "ownSubmission";
  throw new ValidationError("Not the actor's to review", { itemId: [reason] });
}

export function approveItem(actor: Actor, input: TApproveItem, now = new Date()) {
  const comment = input.comment ? input.comment.trim() || null : null;
  return writeItem(actor, input, "checklist.approve", {
    allowed: (s) => isReviewerOf(actor, s) || canWork(actor)(s),
    data: (s) => {
      refuseReview(actor, s);
      return {
        status: s.requestedNotApplicable ? "NOT_APPLICABLE" : "DONE",
        completedAt: s.submittedAt ?? now,
        completedById: s.submittedById,
        reviewedAt: now,
        reviewedById: actor.id,
        reviewComment: comment,
      };
    },
    after: reviewNotice(actor, "ITEM_APPROVED", comment),
  });
}

export function returnItem(actor: Actor, input: TReturnItem, now = new Date()) {
  const comment = input.comment.trim();
  return writeItem(actor, input, "checklist.return", {
    allowed: (s) => isReviewerOf(actor, s) || canWork(actor)(s),
    data: (s) => {
      refuseReview(actor, s);
      return { status: "RETURNED", requestedNotApplicable: false, reviewedAt: now, reviewedById: actor.id, reviewComment: comment };
    },
    after: reviewNotice(actor, "ITEM_RETURNED", comment),
  });
}

/**
 * Undoes a settled item: the reviewer's call, or the unit's own when nobody
 * reviews it. The item goes back to work; its history keeps everything.
 */
export function reopenItem(actor: Actor, input: TItemStep) {
  return writeItem(actor, input, "checklist.reopen", {
    allowed: (s) => isReviewerOf(actor, s) || canWork(actor)(s),
    data: (s) => {
      if (!isSettled(s.status)) throw new ValidationError("Only a settled item can be reopened", { itemId: ["notSettled"] });
      if (reviewerOrgOf(s) ? !isReviewerOf(actor, s) : !canWork(actor)(s)) throw new ValidationError("Only the reviewer reopens", { itemId: ["reviewerOnly"] });
      return { status: "IN_PROGRESS", completedAt: null, completedById: null, requestedNotApplicable: false };
    },
  });
}

export type ApproveManyResult = { approved: string[]; failed: { itemId: string; reason: "conflict" | "refused" }[] };

/**
 * Approves a reviewer's selection one item at a time, each with the same
 * comment: one stale or foreign item does not stop the rest.
 */
export async function approveMany(actor: Actor, input: TApproveMany, now = new Date()): Promise<ApproveManyResult> {
  const result: ApproveManyResult = { approved: [], failed: [] };
  for (const item of input.items) {
    try {
      await approveItem(actor, { ...item, comment: input.comment ?? "" }, now);
      result.approved.push(item.itemId);
    } catch (error) {
      if (error instanceof ConflictError) result.failed.push({ itemId: item.itemId, reason: "conflict" });
      else if (error instanceof ValidationError || error instanceof NotFoundError) result.failed.push({ itemId: item.itemId, reason: "refused" });
      else throw error;
    }
  }
  return result;
}
