import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NOTIFICATION_KINDS } from "@/lib/validation/notifications";

/** The kinds of notice the actor turned off, in the app and by email. */
export async function listOptOuts(actor: Actor): Promise<NotificationKind[]> {
  const rows = await prisma.notificationOptOut.findMany({ where: { userId: actor.id }, select: { kind: true } });
  const off = new Set(rows.map((r) => r.kind));
  return NOTIFICATION_KINDS.filter((k) => off.has(k));
}

/**
 * Makes `kinds` exactly the kinds the actor turned off. Notices of those
 * kinds are no longer created for them, nor shown, nor emailed; turning a
 * kind back on shows its earlier notices again.
 */
export async function setOptOuts(actor: Actor, kinds: readonly NotificationKind[]): Promise<NotificationKind[]> {
  const wanted = NOTIFICATION_KINDS.filter((k) => kinds.includes(k));
  return prisma.$transaction(async (tx) => {
    const before = (await tx.notificationOptOut.findMany({ where: { userId: actor.id }, select: { kind: true } })).map((r) => r.kind);
    const beforeSet = new Set(before);
    if (before.length === wanted.length && wanted.every((k) => beforeSet.has(k))) return wanted;
    await tx.notificationOptOut.deleteMany({ where: { userId: actor.id, kind: { notIn: wanted } } });
    await tx.notificationOptOut.createMany({ data: wanted.map((kind) => ({ userId: actor.id, kind })), skipDuplicates: true });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.notificationOptOuts",
      entityType: "User",
      entityId: actor.id,
      before: { off: NOTIFICATION_KINDS.filter((k) => beforeSet.has(k)) },
      after: { off: wanted },
    });
    return wanted;
  });
}
