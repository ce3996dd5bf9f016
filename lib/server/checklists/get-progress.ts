import "server-only";
import { today } from "@/lib/dates";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import type { Permission } from "@/lib/server/access/permissions";
import { pathUnderSql, scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { type WarningColour, warningColourSql, warningThresholds, type WarningThresholds } from "@/lib/warnings";
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

type RawRow = ProgressRow & { kind: "row" | "parent" | "own" };

/** The counts of a progress row over rows of items with these columns, each standing for `weight` items. */
function countsSql(clock: { day: Date; thresholds: WarningThresholds }, c: { weight: Prisma.Sql; status: Prisma.Sql; dueDate: Prisma.Sql }): Prisma.Sql {
  const warning = warningColourSql({ status: c.status, dueDate: c.dueDate }, clock.day, clock.thresholds);
  const open = Prisma.sql`${c.status}::text = ANY (${OPEN_STATUSES}::text[])`;
  return Prisma.sql`
             sum(${c.weight}) FILTER (WHERE NOT (${c.status}::text = ANY (${UNCOUNTED_STATUSES}::text[]))) AS total,
             sum(${c.weight}) FILTER (WHERE ${c.status} = 'DONE') AS done,
             sum(${c.weight}) FILTER (WHERE ${open} AND ${c.dueDate} < ${clock.day}::date) AS overdue,
             sum(${c.weight}) FILTER (WHERE ${warning} = 'red') AS red,
             sum(${c.weight}) FILTER (WHERE ${warning} = 'yellow') AS yellow,
             sum(${c.weight}) FILTER (WHERE ${warning} = 'green') AS green,
             sum(${c.weight}) FILTER (WHERE ${c.status} = 'RETURNED') AS returned`;
}

/**
 * One page of progress in one statement: the rows `where` picks, ordered and
 * paged, the parent (`parentId`), and apart the parent's own items. Each row
 * counts the items of its whole subtree in the period; a delegated item
 * counts where it belongs, with the organization that answers for it;
 * withdrawn and not-applicable ones count nowhere.
 *
 * Its cost follows the organizations on the page, not the items below
 * them: it reads each row's SubtreeTally (the items of its subtree by
 * status and due date, kept exact by the database's triggers), so that the
 * colours, which move with the day, are still worked out when the page is
 * read. The parent reads its own tally, which holds its whole subtree. In
 * the order of the tree the page is picked first and only its rows' tallies
 * are read; an order by a count reads the tallies of every row it sorts.
 * Either way the tallies are read off their index alone (it covers every
 * column read here), not fetched row by row from the table.
 */
function progressSql(
  periodId: string,
  clock: { day: Date; thresholds: WarningThresholds },
  page: { where: Prisma.Sql; order: Prisma.Sql; byCount: boolean; limit: number; offset: number },
  parentId: string | null,
) {
  const tallied = countsSql(clock, { weight: Prisma.sql`t."count"`, status: Prisma.sql`t."status"`, dueDate: Prisma.sql`t."dueDate"` });
  const itemized = countsSql(clock, { weight: Prisma.sql`1`, status: Prisma.sql`i."status"`, dueDate: Prisma.sql`i."dueDate"` });
  const columns = Prisma.sql`o."id", o."name", o."nameEn", o."type", o."closedAt" IS NOT NULL AS "isClosed",
           (SELECT count(*)::int FROM "Org" c WHERE c."parentId" = o."id") AS "childCount",
           coalesce(r.total, 0)::int AS total,
           coalesce(r.done, 0)::int AS done,
           coalesce(r.overdue, 0)::int AS overdue,
           CASE WHEN coalesce(r.total, 0) = 0 THEN NULL ELSE r.done::float8 / r.total END AS rate,
           coalesce(r.red, 0)::int AS red,
           coalesce(r.yellow, 0)::int AS yellow,
           coalesce(r.green, 0)::int AS green,
           coalesce(r.returned, 0)::int AS returned,
           CASE WHEN r.red > 0 THEN 'red' WHEN r.yellow > 0 THEN 'yellow' WHEN r.green > 0 THEN 'green' END AS worst`;
  // Ordered by a count, every candidate's tallies are read before the page can be cut; in the
  // tree's order the page is cut first.
  const candidates = page.byCount
    ? Prisma.sql`SELECT o."id" FROM "Org" o WHERE ${page.where}`
    : Prisma.sql`SELECT o."id" FROM "Org" o WHERE ${page.where} ORDER BY ${page.order} LIMIT ${page.limit} OFFSET ${page.offset}`;
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (${candidates}),
    rolled AS (
      SELECT c."id", ${tallied}
        FROM candidates c JOIN "SubtreeTally" t ON t."orgId" = c."id" AND t."periodId" = ${periodId}
       GROUP BY c."id"
    ),
    own AS (
      SELECT i."orgId" AS "id", ${itemized}
        FROM "ChecklistItem" i
       WHERE i."orgId" = ${parentId ?? ""} AND i."periodId" = ${periodId}
       GROUP BY i."orgId"
    ),
    parent AS (
      SELECT ${tallied}
        FROM "SubtreeTally" t
       WHERE t."orgId" = ${parentId ?? ""} AND t."periodId" = ${periodId}
    )
    (SELECT 'row' AS kind, ${columns}
       FROM candidates c JOIN "Org" o ON o."id" = c."id" LEFT JOIN rolled r ON r."id" = o."id"
      ORDER BY ${page.order}
      LIMIT ${page.limit} OFFSET ${page.byCount ? page.offset : 0})
    UNION ALL
    (SELECT 'parent' AS kind, ${columns} FROM "Org" o CROSS JOIN parent r WHERE o."id" = ${parentId ?? ""})
    UNION ALL
    (SELECT 'own' AS kind, ${columns} FROM "Org" o LEFT JOIN own r ON r."id" = o."id" WHERE o."id" = ${parentId ?? ""})`;
}

function toRow({ kind: _kind, ...r }: RawRow): ProgressRow {
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

type ProgressStatement = { sql: Prisma.Sql; total: number; page: number; pageCount: number };

/**
 * The statement that reads one page of progress, with the page it reads
 * and how many there are; null when the actor's scope holds nothing.
 */
export async function progressStatement(
  actor: Actor,
  permission: Permission,
  periodId: string,
  q: TProgressQuery & { parentId?: string },
  now = new Date(),
): Promise<ProgressStatement | null> {
  const clock = { day: today(now), thresholds: warningThresholds() };
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return null;

  // Only organizations inside the actor's subtrees, whatever parent was asked for.
  const inScope = pathUnderSql(Prisma.sql`o."path"`, roots.map((r) => `${r}%`));
  // The parent: the one asked for, or the top of a single subtree; its subtree holds the items that can count.
  const parentPath = q.parentId
    ? (await prisma.org.findFirst({ where: { id: q.parentId, OR: roots.map((r) => ({ path: { startsWith: r } })) }, select: { path: true } }))?.path
    : roots.length === 1
      ? roots[0]
      : undefined;
  const parentId = parentPath?.split("/").filter(Boolean).at(-1) ?? null;
  const where =
    q.parentId || roots.length === 1
      ? Prisma.sql`o."parentId" = ${parentId ?? ""}${q.parentId ? Prisma.sql` AND ${inScope}` : Prisma.empty}`
      : Prisma.sql`o."path" = ANY (${roots}::text[])`;

  const [counted] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Org" o WHERE ${where}`;
  const total = Number(counted?.count ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PROGRESS_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  const sql = progressSql(
    periodId,
    clock,
    { where, order: orderBy(q.sort, q.dir), byCount: q.sort !== "name", limit: PROGRESS_PAGE_SIZE, offset: (page - 1) * PROGRESS_PAGE_SIZE },
    parentId,
  );
  return { sql, total, page, pageCount };
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
  const statement = await progressStatement(actor, permission, periodId, q, now);
  if (!statement) return { parent: null, own: null, rows: [], total: 0, page: 1, pageCount: 1 };
  const { sql, total, page, pageCount } = statement;
  const found = await prisma.$queryRaw<RawRow[]>(sql);
  const parentRow = found.find((r) => r.kind === "parent");
  const own = found.find((r) => r.kind === "own");
  const parent = parentRow ? toRow(parentRow) : null;
  const rows = found.filter((r) => r.kind === "row").map(toRow);
  return { parent, own: own && own.total > 0 ? toRow(own) : null, rows, total, page, pageCount };
}
