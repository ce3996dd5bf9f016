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

/** A page of notices starts next to this notice: the ones older than it, or the ones newer. */
export type NoticeCursor = { createdAt: Date; id: string; toward: "older" | "newer" };

export type NoticePage = {
  rows: NoticeRow[];
  total: number;
  unread: number;
  /** Where the page of older notices starts; null on the last page. */
  older: NoticeCursor | null;
  /** Where the page of newer notices starts: "first" when that page is the first one; null on the first page. */
  newer: NoticeCursor | "first" | null;
};

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

type Place = { createdAt: Date; id: string };

/**
 * The notices on the given side of a notice, in the order notices are
 * listed (newest first, then by id). The bound on the time alone lets the
 * index (userId, createdAt, id) start the scan at the notice; the rest
 * settles the notices of the same time.
 */
function beyond(notice: Place, toward: NoticeCursor["toward"]): Prisma.NotificationWhereInput {
  const [side, sideOrSame] = toward === "older" ? (["lt", "lte"] as const) : (["gt", "gte"] as const);
  return {
    AND: [{ createdAt: { [sideOrSame]: notice.createdAt } }, { OR: [{ createdAt: { [side]: notice.createdAt } }, { id: { [side]: notice.id } }] }],
  };
}

/**
 * The actor's notices, newest first, a page at a time; unread ones only
 * when asked. Pages run by keyset from a notice (`cursor`), so that a deep
 * page costs what the first does. A page of newer notices that would not
 * be full is the first page; a cursor past the end leads there too.
 */
export async function listNotifications(actor: Actor, query: { cursor?: NoticeCursor; unreadOnly?: boolean }): Promise<NoticePage> {
  const visible = await visibleWhere(actor);
  const where: Prisma.NotificationWhereInput = query.unreadOnly ? { ...visible, readAt: null } : visible;
  const { cursor } = query;
  const toward = cursor?.toward ?? "older";
  const order = toward === "older" ? "desc" : "asc";
  const size = NOTIFICATION_PAGE_SIZE;
  const [total, unread, found] = await Promise.all([
    prisma.notification.count({ where }),
    query.unreadOnly ? null : prisma.notification.count({ where: { ...visible, readAt: null } }),
    prisma.notification.findMany({
      where: cursor ? { AND: [where, beyond(cursor, toward)] } : where,
      select: noticeSelect,
      orderBy: [{ createdAt: order }, { id: order }],
      // Going older, one row past the page says whether there is more; going newer, a page past it whether that is the first.
      take: toward === "older" ? size + 1 : size * 2 + 1,
    }),
  ]);
  const past = found.length - size;
  if (cursor && (found.length === 0 || (toward === "newer" && past <= 0))) return listNotifications(actor, { unreadOnly: query.unreadOnly });
  const records = found.slice(0, size);
  if (toward === "newer") records.reverse();
  const [first, last] = [records[0], records.at(-1)];
  const place = (n: Place | undefined, side: NoticeCursor["toward"]) => (n ? { createdAt: n.createdAt, id: n.id, toward: side } : null);
  if (toward === "newer") {
    const hasOlder = Boolean(last && (await prisma.notification.findFirst({ where: { AND: [where, beyond(last, "older")] }, select: { id: true } })));
    return { rows: records.map(toRow), total, unread: unread ?? total, older: hasOlder ? place(last, "older") : null, newer: past > size ? place(first, "newer") : "first" };
  }
  // Going older from a notice: how many newer ones lie before the page, up to a page and one.
  const newer = cursor && first ? await prisma.notification.findMany({ where: { AND: [where, beyond(first, "newer")] }, select: { id: true }, take: size + 1 }) : [];
  return {
    rows: records.map(toRow),
    total,
    unread: unread ?? total,
    older: past > 0 ? place(last, "older") : null,
    newer: newer.length === 0 ? null : newer.length <= size ? "first" : place(first, "newer"),
  };
}

/**
 * The number beside the bell: one count in SQL, leaving out the kinds the
 * actor turned off; with `upTo`, counting stops there (the bell shows "99+":
 * a committee's supervisor may hold thousands unread, and the header is on
 * every page).
 */
export async function countUnread(actor: Actor, options: { upTo?: number } = {}): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1
        FROM "Notification" n
       WHERE n."userId" = ${actor.id} AND n."readAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "NotificationOptOut" o WHERE o."userId" = n."userId" AND o."kind" = n."kind")
       -- In the order of the index on (userId, readAt, createdAt), so that the limit stops after the
       -- newest unread: without it the planner scans the whole table in the hope of meeting them early
       -- (the province's supervisor: 36-68 ms, against 1 ms).
       ORDER BY n."readAt" DESC, n."createdAt" DESC
       LIMIT ${options.upTo ?? null}::int) x`;
  return Number(row?.count ?? 0);
}
