import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import { itemScopeSql, reachesTreeTop } from "@/lib/server/access/item-scope";
import { can } from "@/lib/server/access/permissions";
import { canReviewSql, REVIEW_JOINS } from "@/lib/server/checklists/review";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import type { TReviewQuery } from "@/lib/validation/reviews";

export const REVIEW_PAGE_SIZE = 30;

const rowSelect = {
  id: true,
  version: true,
  occurrence: true,
  dueDate: true,
  submittedAt: true,
  requestedNotApplicable: true,
  note: true,
  naReason: true,
  submittedBy: { select: { name: true } },
  period: { select: { year: true, quarter: true } },
  org: { select: { id: true, name: true, nameEn: true } },
  duty: { select: { code: true, title: true, titleEn: true, kind: true, frequency: true, evidenceRequired: true } },
  _count: { select: { evidence: true } },
} satisfies Prisma.ChecklistItemSelect;

export type ReviewRow = Prisma.ChecklistItemGetPayload<{ select: typeof rowSelect }>;
export type ReviewPage = { rows: ReviewRow[]; total: number; page: number; pageCount: number };

/**
 * The items waiting for the actor's review, oldest submission first: those
 * the actor may review (canReviewSql, the reviewer rule of review.ts in
 * SQL), with the queue's filters. A reviewer is always above the item,
 * so the item's own organization lies in the reviewer's scope: that
 * condition, redundant in its answer, lets the item indexes pick the
 * scope's items before the reviewer rule is tested on each submitted one.
 * From the top of a tree it would pick nearly all of them, and is left out.
 */
async function queueSql(actor: Actor, q: TReviewQuery): Promise<{ from: Prisma.Sql; where: Prisma.Sql } | null> {
  if (!can(actor, "checklist.review")) return null;
  const orgPath = q.org ? (await prisma.org.findUnique({ where: { id: q.org }, select: { path: true } }))?.path : undefined;
  const where = Prisma.sql`
      ${reachesTreeTop(actor, "checklist.review") ? Prisma.empty : Prisma.sql`${itemScopeSql(actor, "checklist.review", { delegates: false })} AND`}
      ${canReviewSql(actor)}
      AND (${orgPath ?? null}::text IS NULL OR o."path" LIKE ${(orgPath ?? "") + "%"})
      ${q.kind ? Prisma.sql`AND d."kind" = ${q.kind}::"DutyKind"` : Prisma.empty}
      AND (${q.na ? true : null}::boolean IS NULL OR i."requestedNotApplicable")`;
  const from = Prisma.sql`
      FROM "ChecklistItem" i
      ${REVIEW_JOINS}
      JOIN "Duty" d ON d."id" = i."dutyId"`;
  return { from, where };
}

/** The queue's order: oldest submission first. Paging and "next item" both follow it. */
const QUEUE_ORDER = Prisma.sql`i."submittedAt" ASC NULLS LAST, i."id" ASC`;

async function countWith({ from, where }: { from: Prisma.Sql; where: Prisma.Sql }): Promise<number> {
  const [counted] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${from} WHERE ${where}`;
  return Number(counted?.count ?? 0);
}

export async function listReviewQueue(actor: Actor, q: TReviewQuery): Promise<ReviewPage> {
  const sql = await queueSql(actor, q);
  if (!sql) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const { from, where } = sql;
  const total = await countWith(sql);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT i."id" ${from} WHERE ${where}
     ORDER BY ${QUEUE_ORDER}
     LIMIT ${REVIEW_PAGE_SIZE} OFFSET ${(page - 1) * REVIEW_PAGE_SIZE}`;
  const rows = await prisma.checklistItem.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: rowSelect });
  const order = new Map(ids.map((r, index) => [r.id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows, total, page, pageCount };
}

/** How many items wait for the actor's review: the count beside the menu entry, counted once per request. */
export const countReviewQueue = cache(async (actor: Actor): Promise<number> => {
  const sql = await queueSql(actor, { page: 1 });
  return sql ? countWith(sql) : 0;
});

/** Where an item opened from the queue leads on: the next item to review, and how many others wait. */
export type ReviewQueueNext = { nextId: string | null; remaining: number };

/**
 * The item after `itemId` in the actor's queue (with the queue's filters),
 * in the queue's order; past the end, the first one still waiting, so that
 * items skipped earlier come round again. `itemId` itself never counts: once
 * approved or returned it has left the queue but keeps its place
 * (its `submittedAt`) for finding the one after it. Null when the actor
 * reviews nothing.
 */
export async function getNextInReviewQueue(actor: Actor, itemId: string, q: TReviewQuery): Promise<ReviewQueueNext | null> {
  const sql = await queueSql(actor, q);
  if (!sql) return null;
  const { from, where } = sql;
  const others = Prisma.sql`${where} AND i."id" <> ${itemId}`;
  // "After" in ORDER BY submittedAt ASC NULLS LAST, id ASC; an unknown item puts every row before it.
  const [next] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT i."id" ${from}
      LEFT JOIN "ChecklistItem" c ON c."id" = ${itemId}
     WHERE ${others}
     ORDER BY (CASE
                 WHEN c."id" IS NULL THEN false
                 WHEN c."submittedAt" IS NULL THEN i."submittedAt" IS NULL AND i."id" > c."id"
                 WHEN i."submittedAt" IS NULL THEN true
                 ELSE (i."submittedAt", i."id") > (c."submittedAt", c."id")
               END) DESC,
              ${QUEUE_ORDER}
     LIMIT 1`;
  return { nextId: next?.id ?? null, remaining: await countWith({ from, where: others }) };
}
