import { z } from "zod";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { ZId } from "@/lib/validation/text";

/** Every kind of notice, in the order the page and the preferences list them. */
export const NOTIFICATION_KINDS = [
  "ITEM_SUBMITTED",
  "ITEM_RETURNED",
  "ITEM_APPROVED",
  "ITEM_DELEGATED",
  "ITEM_YELLOW",
  "ITEM_RED",
  "REPORT_ISSUED",
  "FINDING_SUBMITTED",
  "FINDING_RETURNED",
  "FINDING_CLOSED",
  "FINDING_REOPENED",
  "FINDING_YELLOW",
  "FINDING_RED",
  "FINDING_ESCALATED",
  "TERM_DUE",
  "TALK_RECORDED",
  "TOUR_FEEDBACK_RECORDED",
  "TURNAROUND_OPENED",
  "RATINGS_PUBLISHED",
  "CIRCULAR_ISSUED",
] as const satisfies readonly NotificationKind[];

/** A notice a page starts next to, in a URL: its time in milliseconds and its id ("1764000000000.ck…"). */
const ZNoticePlace = z
  .string()
  .regex(/^\d{1,15}\.[a-z0-9]{1,40}$/i)
  .transform((value) => {
    const [ms, id] = value.split(".") as [string, string];
    return { createdAt: new Date(Number(ms)), id };
  })
  .optional()
  .catch(undefined);

/** How a page's starting notice goes into the URL (ZNoticePlace reads it back). */
export function noticePlaceParam(notice: { createdAt: Date; id: string }): string {
  return `${notice.createdAt.getTime()}.${notice.id}`;
}

/** The notices page's filters and where its page starts, read from its search params; bad values fall back to none. */
export const ZNotificationQuery = z.object({
  unread: z.literal("1").optional().catch(undefined),
  /** The page of notices older than this one. */
  older: ZNoticePlace,
  /** The page of notices newer than this one. */
  newer: ZNoticePlace,
});

export type TNotificationQuery = z.output<typeof ZNotificationQuery>;

export const ZMarkNotificationsRead = z.object({ ids: z.array(ZId).min(1).max(100) });

export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export const ZMarkAllNotificationsRead = z.object({});

/** One checkbox per kind: checked means the user wants that kind, in the app and by email. */
export const ZNotificationPreferences = z.object({
  enabled: z.record(z.enum(NOTIFICATION_KINDS), z.boolean()),
});

export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
