import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewMode } from "@/lib/generated/prisma/enums";
import { reachesItem } from "@/lib/server/access/item-scope";
import { pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";

type OrgRef = { id: string; path: string };

type ReviewSource<O extends OrgRef> = {
  org: { path: string; parent: O | null };
  assignment: { reviewMode: ReviewMode; reviewerOrg: O | null };
};

/**
 * The organization that reviews an item: by default the one above the
 * item's (an organ party committee reviews its branches, the working
 * committee the unit party groups), or the one the assignment names when
 * it lies above the item's organization, or none (the assignment says so,
 * or the item's organization is the top). Reviewers are thus always above
 * the item, and so among its readers.
 */
export function reviewerOrgOf<O extends OrgRef>(item: ReviewSource<O>): O | null {
  switch (item.assignment.reviewMode) {
    case "NONE":
      return null;
    case "ORG": {
      const named = item.assignment.reviewerOrg;
      return named && item.org.path.startsWith(named.path) && item.org.path !== named.path ? named : item.org.parent;
    }
    case "PARENT":
      return item.org.parent;
  }
}

/** A reviewer holds a reviewing role on the reviewer organization or above it. */
export function isReviewerOf(actor: Actor, item: ReviewSource<OrgRef>): boolean {
  const reviewer = reviewerOrgOf(item);
  return !!reviewer && reachesPath(actor, "checklist.review", reviewer.path);
}

type WorkSource = ReviewSource<OrgRef> & {
  status: string;
  org: { path: string };
  delegatedOrg: { path: string } | null;
  delegatedToId: string | null;
};

/**
 * Who works on an item (saves, submits, asks for not applicable, recalls):
 * the writers of its organization and those it is delegated to, except,
 * once it is returned, its reviewers: who sent it back does not answer it.
 */
export function canWorkOn(actor: Actor, item: WorkSource): boolean {
  return reachesItem(actor, "checklist.work", item, { delegates: true }) && !(item.status === "RETURNED" && isReviewerOf(actor, item));
}

/** Nobody approves their own submission. */
export function canReview(actor: Actor, item: ReviewSource<OrgRef> & { status: string; submittedById: string | null }): boolean {
  return item.status === "SUBMITTED" && item.submittedById !== actor.id && isReviewerOf(actor, item);
}

// The reviewer rule as SQL, a test holding it to reviewerOrgOf, isReviewerOf and canReview: over an item `i`,
// its organization `o` and that one's parent `p`, its assignment `a` and the assignment's named reviewer `r`.

/** The joins the reviewer rule reads, from a checklist item `i`. */
export const REVIEW_JOINS = Prisma.sql`
      JOIN "Org" o ON o."id" = i."orgId"
      LEFT JOIN "Org" p ON p."id" = o."parentId"
      JOIN "Assignment" a ON a."id" = i."assignmentId"
      LEFT JOIN "Org" r ON r."id" = a."reviewerOrgId"`;

/** reviewerOrgOf's path: NULL when nobody reviews. */
export const REVIEWER_PATH_SQL = Prisma.sql`(CASE a."reviewMode"
             WHEN 'NONE' THEN NULL
             WHEN 'ORG' THEN CASE WHEN o."path" LIKE r."path" || '%' AND o."path" <> r."path" THEN r."path" ELSE p."path" END
             ELSE p."path" END)`;

/** isReviewerOf as SQL. */
export function isReviewerSql(actor: Actor): Prisma.Sql {
  const patterns = scopePatterns(actor, "checklist.review");
  return patterns.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`COALESCE(${pathUnderSql(REVIEWER_PATH_SQL, patterns)}, FALSE)`;
}

/** canReview as SQL. */
export function canReviewSql(actor: Actor): Prisma.Sql {
  return Prisma.sql`(i."status" = 'SUBMITTED' AND i."submittedById" IS DISTINCT FROM ${actor.id} AND ${isReviewerSql(actor)})`;
}
