import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { noticeFacts, type NoticeFacts } from "@/lib/server/notifications/notice-facts";
import { noticeSubjectSelect, noticeTarget, toNoticeSubject, type NoticeSubject } from "@/lib/server/notifications/notice-subject";
import { listOptOuts } from "@/lib/server/notifications/opt-outs";

export const NOTIFICATION_PAGE_SIZE = 30;

const noticeSelect = {
  id: true,
  kind: true,
  payload: true,
  readAt: true,
  createdAt: true,
  itemId: true,
  findingId: true,
  reportId: true,
  orgId: true,
  actor: { select: { name: true } },
  ...noticeSubjectSelect,
} satisfies Prisma.NotificationSelect;

type NoticeRecord = Prisma.NotificationGetPayload<{ select: typeof noticeSelect }>;

export type NoticeRow = NoticeSubject & {
  id: string;
  kind: NotificationKind;
  isRead: boolean;
  createdAt: Date;
  actorName: string | null;
  facts: NoticeFacts;
  /** The page opening the notice leads to (through /notifications/<id>/open); null when it names nothing. */
  target: string | null;
};

export type NoticePage = { rows: NoticeRow[]; total: number; unread: number; page: number; pageCount: number };

function toRow(n: NoticeRecord): NoticeRow {
  return {
    id: n.id,
    kind: n.kind,
    isRead: n.readAt !== null,
    createdAt: n.createdAt,
    actorName: n.actor?.name ?? null,
    facts: noticeFacts(n.payload),
    ...toNoticeSubject(n),
    target: noticeTarget(n),
  };
}

/** The actor's own notices of the kinds they still want: a kind turned off hides its notices too. */
async function visibleWhere(actor: Actor): Promise<Prisma.NotificationWhereInput> {
  const off = await listOptOuts(actor);
  return { userId: actor.id, ...(off.length > 0 ? { kind: { notIn: off } } : {}) };
}

/** The actor's notices, newest first, a page at a time; unread ones only when asked. */
export async function listNotifications(actor: Actor, query: { page: number; unreadOnly?: boolean }): Promise<NoticePage> {
  const visible = await visibleWhere(actor);
  const where: Prisma.NotificationWhereInput = query.unreadOnly ? { ...visible, readAt: null } : visible;
  const [total, unread] = await Promise.all([prisma.notification.count({ where }), query.unreadOnly ? null : prisma.notification.count({ where: { ...visible, readAt: null } })]);
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const records = await prisma.notification.findMany({
    where,
    select: noticeSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATION_PAGE_SIZE,
    take: NOTIFICATION_PAGE_SIZE,
  });
  return { rows: records.map(toRow), total, unread: unread ?? total, page, pageCount };
}

/** The number beside the bell: one count in SQL, leaving out the kinds the actor turned off. */
export async function countUnread(actor: Actor): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
      FROM "Notification" n
     WHERE n."userId" = ${actor.id} AND n."readAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = n."userId" AND o."kind" = n."kind")`;
  return Number(row?.count ?? 0);
}
