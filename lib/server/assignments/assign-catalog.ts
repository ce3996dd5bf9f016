import "server-only";
import { reachesPath } from "@/lib/server/access/scope";
import { applyAssignment, copyAssignmentsForward, planAssignment, type AssignmentInput, type AssignmentPlan, type AssignmentProgress } from "@/lib/server/assignments/assignment-core";
import { setAssignmentReview, type ReviewSettings } from "@/lib/server/assignments/review-settings";
import { applyVersionMove, planVersionMove, type MovePlan } from "@/lib/server/assignments/move-version";
import type { Actor } from "@/lib/server/auth/actor";
import { periodRange } from "@/lib/server/checklists/recurrence";
import { prisma } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import type { TCopyForward, TMoveAssignments } from "@/lib/validation/assignments";

async function checkRoot(actor: Actor, rootOrgId: string): Promise<void> {
  const root = await prisma.org.findUnique({ where: { id: rootOrgId }, select: { path: true } });
  if (!root || !reachesPath(actor, "catalog.edit", root.path)) throw new NotFoundError();
}

/** An administrator's preview of an assignment within their own subtree. */
export async function previewAssignment(actor: Actor, input: AssignmentInput): Promise<AssignmentPlan> {
  await checkRoot(actor, input.rootOrgId);
  return planAssignment(prisma, input);
}

export async function assignCatalog(
  actor: Actor,
  input: AssignmentInput & Partial<Pick<ReviewSettings, "reviewMode" | "reviewerOrgId">>,
  onProgress?: (p: AssignmentProgress) => void,
) {
  await checkRoot(actor, input.rootOrgId);
  const reviewMode = input.reviewMode ?? "PARENT";
  if (reviewMode === "ORG") {
    const reviewer = input.reviewerOrgId ? await prisma.org.findUnique({ where: { id: input.reviewerOrgId }, select: { path: true } }) : null;
    if (!reviewer || !reachesPath(actor, "catalog.edit", reviewer.path)) throw new ValidationError("Reviewer outside the scope", { reviewerOrgId: ["reviewerAbove"] });
  }
  const result = await applyAssignment(prisma, input, { actorId: actor.id, onProgress });
  await setAssignmentReview(prisma, { ...input, reviewMode });
  return result;
}

/**
 * Copies an administrator's assignments of one period into a year or
 * quarter (made if it does not exist yet), within their subtree.
 */
export async function copyForward(actor: Actor, input: TCopyForward) {
  await checkRoot(actor, input.rootOrgId);
  const { toYear: year, toQuarter: quarter } = input;
  const { startsOn, endsOn } = periodRange(year, quarter);
  const period = await prisma.period.upsert({
    where: { year_quarter: { year, quarter } },
    create: { year, quarter, kind: quarter === 0 ? "YEAR" : "QUARTER", startsOn, endsOn },
    update: {},
    select: { id: true },
  });
  return copyAssignmentsForward(prisma, { fromPeriodId: input.fromPeriodId, toPeriodId: period.id, rootOrgId: input.rootOrgId }, { actorId: actor.id });
}

/** The plan of moving an administrator's open assignments to a newer version, within their subtree. */
export async function previewVersionMove(actor: Actor, input: TMoveAssignments): Promise<MovePlan> {
  await checkRoot(actor, input.rootOrgId);
  return planVersionMove(prisma, input);
}

export async function moveToVersion(actor: Actor, input: TMoveAssignments) {
  await checkRoot(actor, input.rootOrgId);
  return applyVersionMove(prisma, input, { actorId: actor.id });
}
