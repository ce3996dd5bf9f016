import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";

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

/**
 * Opens one of the actor's notices: marks it read and says which item it
 * is about. Null when the notice is not the actor's (or is gone), or names
 * no item.
 */
export async function openNotification(actor: Actor, id: string, now = new Date()): Promise<{ itemId: string | null } | null> {
  const notice = await prisma.notification.findFirst({ where: { id, userId: actor.id }, select: { itemId: true, readAt: true } });
  if (!notice) return null;
  if (!notice.readAt) await markRead(actor, [id], now);
  return { itemId: notice.itemId };
}
