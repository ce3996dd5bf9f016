import { z } from "zod";
import { DUTY_KINDS, ZOrgSearchParam } from "@/lib/validation/checklists";
import { ZIdParam } from "@/lib/validation/text";

/** The review queue's filters, read from its search params; bad values fall back to none. */
export const ZReviewQuery = z.object({
  org: ZIdParam,
  /** Finds organizations for the filter; not a filter of the queue. */
  orgq: ZOrgSearchParam,
  kind: z.enum(DUTY_KINDS).optional().catch(undefined),
  na: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type TReviewQuery = z.input<typeof ZReviewQuery> & { page: number };

/** The queue's filters as search params (without the page): on paging links, and carried to an item opened from the queue. */
export function reviewQueueParams(q: Pick<TReviewQuery, "org" | "kind" | "na">): Record<string, string | undefined> {
  return { org: q.org, kind: q.kind, na: q.na };
}
