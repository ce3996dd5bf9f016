import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { rolesOf, type Permission } from "@/lib/server/access/permissions";

type Tx = Prisma.TransactionClient;

export type Notice = {
  kind: NotificationKind;
  userIds: readonly (string | null | undefined)[];
  itemId?: string;
  findingId?: string;
  reportId?: string;
  /** Who caused it; never notified of their own step. */
  actorId?: string | null;
  payload?: Prisma.InputJsonObject;
  /** For notices a scheduled run may raise again: one per key and recipient. */
  dedupeKey?: (userId: string) => string;
};

/**
 * Fans a notice out to its recipients, in the transaction of the change that
 * caused it, leaving out the actor, inactive users and those who turned
 * this kind off. Returns how many notices were created.
 */
export async function notify(tx: Tx, notice: Notice): Promise<number> {
  const wanted = [...new Set(notice.userIds.filter((id): id is string => !!id && id !== notice.actorId))];
  if (wanted.length === 0) return 0;
  const recipients = await tx.user.findMany({
    where: { id: { in: wanted }, isActive: true, noticeOptOuts: { none: { kind: notice.kind } } },
    select: { id: true },
  });
  if (recipients.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      itemId: notice.itemId ?? null,
      findingId: notice.findingId ?? null,
      reportId: notice.reportId ?? null,
      actorId: notice.actorId ?? null,
      payload: notice.payload,
      dedupeKey: notice.dedupeKey?.(r.id) ?? null,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** The people holding one of `roles` on the organization itself (not above it): the ones a notice is for. */
export async function holdersOf(tx: Tx, orgId: string, permission: Permission): Promise<string[]> {
  const grants = await tx.roleGrant.findMany({ where: { orgId, role: { in: [...rolesOf(permission)] }, user: { isActive: true } }, select: { userId: true } });
  return grants.map((g) => g.userId);
}

/**
 * One notice per organization to the people holding `permission` on it
 * (not above it), for many organizations in two queries: a year's results
 * published to every rated unit, a circular to the units it names. The
 * actor, inactive users and those who turned the kind off are left out.
 * Returns how many notices were created.
 */
export async function notifyOrgHolders(
  tx: Tx,
  notice: { kind: NotificationKind; orgIds: readonly string[]; permission: Permission; actorId: string; payload?: Prisma.InputJsonObject },
): Promise<number> {
  if (notice.orgIds.length === 0) return 0;
  const grants = await tx.roleGrant.findMany({
    where: {
      orgId: { in: [...notice.orgIds] },
      role: { in: [...rolesOf(notice.permission)] },
      userId: { not: notice.actorId },
      user: { isActive: true, noticeOptOuts: { none: { kind: notice.kind } } },
    },
    select: { userId: true, orgId: true },
  });
  const pairs = [...new Map(grants.map((g) => [`${g.orgId} ${g.userId}`, g])).values()];
  if (pairs.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: pairs.map((g) => ({ userId: g.userId, kind: notice.kind, orgId: g.orgId, actorId: notice.actorId, payload: notice.payload })),
  });
  return count;
}
