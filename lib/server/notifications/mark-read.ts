import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { noticeTarget } from "@/lib/server/notifications/notice-subject";

/**
 * Marks some of the actor's notices read. Ids of anybody else's notices
 * are ignored, as are notices already read; returns how many changed.
 */
export async function markRead(actor: Actor, ids: readonly string[], now = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await prisma.notification.updateMany({ where: { id: { in: [...ids] }, userId: actor.id, readAt: null }, data: { readAt: now } });
  return count;
}

/** Marks every unread notice of the actor read; returns how many changed. */
export async function markAllRead(actor: Actor, now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
  return count;
}

/** What a page shows, as a notice may point at it: an organization with the kind of notice (its term falling due) that leads to the page. */
export type NoticeSubject = { itemId: string } | { findingId: string } | { reportId: string } | { orgId: string; kind: NotificationKind };

/**
 * Marks read the actor's unread notices about what a page shows, however
 * the actor got there: the notice itself, a list, a bookmark. Returns how
 * many changed, so that the page can refresh the header's count.
 */
export async function markNoticesAbout(actor: Actor, subject: NoticeSubject, now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({ where: { userId: actor.id, readAt: null, ...subject }, data: { readAt: now } });
  return count;
}

/**
 * Opens one of the actor's notices: marks it read and says where it leads
 * (its item, finding or report page, lib/server/notifications/notice-subject.ts).
 * Null when the notice is not the actor's (or is gone); a null target when it
 * names nothing.
 */
export async function openNotification(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<{ itemId: string | null; findingId: string | null; reportId: string | null; orgId: string | null; target: string | null } | null> {
  const notice = await prisma.notification.findFirst({
    where: { id, userId: actor.id },
    select: { kind: true, itemId: true, findingId: true, reportId: true, orgId: true, payload: true, readAt: true },
  });
  if (!notice) return null;
  if (!notice.readAt) await markRead(actor, [id], now);
  const ids = { itemId: notice.itemId, findingId: notice.findingId, reportId: notice.reportId, orgId: notice.orgId };
  return { ...ids, target: noticeTarget({ ...ids, kind: notice.kind, payload: notice.payload }) };
}
