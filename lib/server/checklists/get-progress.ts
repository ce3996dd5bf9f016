import "server-only";
import { today } from "@/lib/dates";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import type { Permission } from "@/lib/server/access/permissions";
import { scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { itemWarningSql, type WarningColour, warningThresholds, type WarningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import type { TProgressQuery } from "@/lib/validation/checklists";

export type ProgressRow = {
  id: string;
  name: string;
  nameEn: string | null;
  type: OrgType;
  /** Closed (merged or dissolved): its settled items still count where they were done. */
  isClosed: boolean;
  childCount: number;
  total: number;
  done: number;
  overdue: number;
  /** done / total, 0..1; null when the subtree has no items. */
  rate: number | null;
  /** The worst three-colour warning of any item in the subtree (red > yellow > green > none). */
  worst: WarningColour | null;
  /** Red (overdue), yellow and green items in the subtree. */
  red: number;
  yellow: number;
  green: number;
  /** Items the reviewer sent back, not yet resubmitted. */
  returned: number;
};

export type ProgressPage = {
  parent: ProgressRow | null;
  /** The parent organization's own items, without its subtree: with the rows, they add up to the parent's total. */
  own: ProgressRow | null;
  rows: ProgressRow[];
  total: number;
  page: number;
  pageCount: number;
};

export const PROGRESS_PAGE_SIZE = 30;

function orderBy(sort: TProgressQuery["sort"], dir: TProgressQuery["dir"]): Prisma.Sql {
  const d = dir === "desc" ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  switch (sort) {
    case "name":
      return Prisma.sql`o."sortOrder" ${d}, o."name" ${d}`;
    case "rate":
      return Prisma.sql`rate ${d}, o."name" ASC`;
    case "overdue":
      return Prisma.sql`overdue ${d}, o."name" ASC`;
    case "total":
      return Prisma.sql`total ${d}, o."name" ASC`;
  }
}

type RawRow = ProgressRow;

function rollupQuery(
  periodId: string,
  clock: { day: Date; thresholds: WarningThresholds },
  where: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
  offset: number,
  reach: "subtree" | "own" = "subtree",
) {
  // Each row counts the items of the organization's whole subtree (or, for
  // "own", of the organization alone). A delegated item counts where it
  // belongs, with the organization that answers for it; withdrawn and
  // not-applicable ones count nowhere.
  const warning = itemWarningSql(clock.day, clock.thresholds);
  const counted = reach === "own" ? Prisma.sql`d."id" = o."id"` : Prisma.sql`d."path" LIKE o."path" || '%'`;
  return prisma.$queryRaw<RawRow[]>`
    SELECT o."id", o."name", o."nameEn", o."type", o."closedAt" IS NOT NULL AS "isClosed",
           (SELECT count(*)::int FROM "Org" c WHERE c."parentId" = o."id") AS "childCount",
           count(i."id")::int AS total,
           count(i."id") FILTER (WHERE i."status" = 'DONE')::int AS done,
           count(i."id") FILTER (WHERE i."status"::text = ANY (${OPEN_STATUSES}::text[]) AND i."dueDate" < ${clock.day}::date)::int AS overdue,
           CASE WHEN count(i."id") = 0 THEN NULL
                ELSE (count(i."id") FILTER (WHERE i."status" = 'DONE'))::float8 / count(i."id") END AS rate,
           count(i."id") FILTER (WHERE ${warning} = 'red')::int AS red,
           count(i."id") FILTER (WHERE ${warning} = 'yellow')::int AS yellow,
           count(i."id") FILTER (WHERE ${warning} = 'green')::int AS green,
           count(i."id") FILTER (WHERE i."status" = 'RETURNED')::int AS returned,
           CASE WHEN bool_or(${warning} = 'red') THEN 'red'
                WHEN bool_or(${warning} = 'yellow') THEN 'yellow'
                WHEN bool_or(${warning} = 'green') THEN 'green' END AS worst
      FROM "Org" o
      LEFT JOIN "Org" d ON ${counted}
      LEFT JOIN "ChecklistItem" i ON i."orgId" = d."id" AND i."periodId" = ${periodId} AND NOT (i."status"::text = ANY (${UNCOUNTED_STATUSES}::text[]))
     WHERE ${where}
     GROUP BY o."id"
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`;
}

function toRow(r: RawRow): ProgressRow {
  return {
    ...r,
    childCount: Number(r.childCount),
    total: Number(r.total),
    done: Number(r.done),
    overdue: Number(r.overdue),
    rate: r.rate === null ? null : Number(r.rate),
    red: Number(r.red),
    yellow: Number(r.yellow),
    green: Number(r.green),
    returned: Number(r.returned),
    worst: r.worst ?? null,
  };
}

/**
 * Progress of the organizations directly under `parentPath` (or, without
 * one, of the actor's top organizations), each rolled up over its subtree.
 */
export async function getProgress(
  actor: Actor,
  permission: Permission,
  periodId: string,
  q: TProgressQuery & { parentId?: string },
  now = new Date(),
): Promise<ProgressPage> {
  const clock = { day: today(now), thresholds: warningThresholds() };
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return { parent: null, own: null, rows: [], total: 0, page: 1, pageCount: 1 };

  let parent: ProgressRow | null = null;
  let where: Prisma.Sql;
  // Only organizations inside the actor's subtrees, whatever parent was asked for.
  const inScope = Prisma.sql`o."path" LIKE ANY (${roots.map((r) => `${r}%`)}::text[])`;
  if (q.parentId) {
    const [row] = await rollupQuery(periodId, clock, Prisma.sql`o."id" = ${q.parentId} AND ${inScope}`, Prisma.sql`o."id"`, 1, 0);
    parent = row ? toRow(row) : null;
    where = Prisma.sql`o."parentId" = ${parent?.id ?? ""} AND ${inScope}`;
  } else if (roots.length === 1) {
    const [row] = await rollupQuery(periodId, clock, Prisma.sql`o."path" = ${roots[0]}`, Prisma.sql`o."id"`, 1, 0);
    parent = row ? toRow(row) : null;
    where = Prisma.sql`o."parentId" = ${parent?.id ?? ""}`;
  } else {
    where = Prisma.sql`o."path" = ANY (${roots}::text[])`;
  }

  const [counted] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Org" o WHERE ${where}`;
  const total = Number(counted?.count ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PROGRESS_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  const rows = await rollupQuery(periodId, clock, where, orderBy(q.sort, q.dir), PROGRESS_PAGE_SIZE, (page - 1) * PROGRESS_PAGE_SIZE);
  const [own] = parent ? await rollupQuery(periodId, clock, Prisma.sql`o."id" = ${parent.id}`, Prisma.sql`o."id"`, 1, 0, "own") : [];
  return { parent, own: own && own.total > 0 ? toRow(own) : null, rows: rows.map(toRow), total, page, pageCount };
}
