import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgType, ReviewMode } from "@/lib/generated/prisma/enums";
import { NotFoundError, ValidationError } from "@/lib/server/errors";

// No "server-only": tests call it directly; the app goes through assign-catalog.ts.

export type ReviewSettings = {
  catalogVersionId: string;
  periodId: string;
  rootOrgId: string;
  orgTypes: OrgType[];
  reviewMode: ReviewMode;
  /** With ORG: the reviewing organization, the root of the assignment or above it. */
  reviewerOrgId?: string;
};

/**
 * Says who reviews the items of an assignment's organizations: the one
 * above each (the default), one named organization above them all, or
 * nobody. Applies to every matching assignment in the subtree, so that
 * assigning again with other settings changes them.
 */
export async function setAssignmentReview(db: PrismaClient, input: ReviewSettings): Promise<number> {
  const root = await db.org.findUnique({ where: { id: input.rootOrgId }, select: { path: true } });
  if (!root) throw new NotFoundError();
  let reviewerOrgId: string | null = null;
  if (input.reviewMode === "ORG") {
    const reviewer = input.reviewerOrgId ? await db.org.findUnique({ where: { id: input.reviewerOrgId }, select: { id: true, path: true } }) : null;
    // Reviewers must stand above the organizations they review.
    if (!reviewer || !root.path.startsWith(reviewer.path)) throw new ValidationError("The reviewer must be the root or above it", { reviewerOrgId: ["reviewerAbove"] });
    reviewerOrgId = reviewer.id;
  }
  const { count } = await db.assignment.updateMany({
    where: {
      catalogVersionId: input.catalogVersionId,
      periodId: input.periodId,
      org: { path: { startsWith: root.path }, type: { in: input.orgTypes } },
    },
    data: { reviewMode: input.reviewMode, reviewerOrgId },
  });
  return count;
}
