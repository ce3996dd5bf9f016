import "server-only";
import { today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DutyKind } from "@/lib/generated/prisma/enums";
import { isOpen, OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import { itemScopeWhere } from "@/lib/server/access/item-scope";
import { ALL_ROLES, hasAnyRole, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { checklistItemSelect, type ChecklistItemRow } from "@/lib/server/checklists/select";
import { prisma } from "@/lib/server/db";
import type { TChecklistFilters } from "@/lib/validation/checklists";

export const PAGE_SIZE = 25;



export type ChecklistQuery = Omit<TChecklistFilters, "page"> & {
  periodId: string;
  /** Limit to this organization's subtree (still inside the actor's scope). */
  rootPath?: string;
  page?: number;
  pageSize?: number;
  now?: Date;
};

function itemWhere(actor: Actor, q: ChecklistQuery, day: Date): Prisma.ChecklistItemWhereInput {
  const and: Prisma.ChecklistItemWhereInput[] = [{ periodId: q.periodId }, itemScopeWhere(actor, ALL_ROLES, { delegates: true })];
  // An organization's items include those delegated to it: they show on both sides.
  if (q.rootPath) and.push({ OR: [{ org: { path: { startsWith: q.rootPath } } }, { delegatedOrg: { path: { startsWith: q.rootPath } } }] });
  if (q.org) and.push({ OR: [{ orgId: q.org }, { delegatedOrgId: q.org }] });
  if (q.kind) and.push({ duty: { kind: q.kind } });
  switch (q.status) {
    case "open":
      and.push({ status: { in: [...OPEN_STATUSES] } });
      break;
    case "overdue":
      and.push({ status: { in: [...OPEN_STATUSES] }, dueDate: { lt: day } });
      break;
    case "delegated":
      and.push({ status: { not: "WITHDRAWN" }, OR: [{ delegatedOrgId: { not: null } }, { delegatedToId: { not: null } }] });
      break;
    case undefined:
      // Withdrawn items left the list; they show only when asked for.
      and.push({ status: { not: "WITHDRAWN" } });
      break;
    default:
      and.push({ status: q.status });
  }
  return { AND: and };
}

export type ChecklistPage = {
  rows: ChecklistItemRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/** One page of the checklist in the actor's scope, ordered by duty kind, then organization, then duty. */
export async function listChecklistItems(actor: Actor, q: ChecklistQuery): Promise<ChecklistPage> {
  const day = today(q.now);
  const pageSize = q.pageSize ?? PAGE_SIZE;
  const where = itemWhere(actor, q, day);
  const total = await prisma.checklistItem.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(q.page ?? 1, pageCount);
  const rows = await prisma.checklistItem.findMany({
    where,
    select: checklistItemSelect,
    orderBy: [{ duty: { kind: "asc" } }, { org: { path: "asc" } }, { duty: { sortOrder: "asc" } }, { occurrence: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return {
    rows: rows.map((r) => ({ ...r, isOverdue: isOpen(r.status) && r.dueDate < day })),
    total,
    page,
    pageCount,
    pageSize,
  };
}

export type KindProgress = { kind: DutyKind; total: number; done: number; overdue: number };
export type ChecklistSummary = { total: number; done: number; overdue: number; byKind: KindProgress[] };

/** Progress of the same selection as the list (without the status filter), counted in SQL. */
export async function getChecklistSummary(actor: Actor, q: ChecklistQuery): Promise<ChecklistSummary> {
  const day = today(q.now);
  const patterns = scopePatterns(actor, ALL_ROLES);
  if (!hasAnyRole(actor, ALL_ROLES)) return { total: 0, done: 0, overdue: 0, byKind: [] };
  const rootPattern = q.rootPath ? `${q.rootPath}%` : null;
  const rows = await prisma.$queryRaw<{ kind: DutyKind; total: number; done: number; overdue: number }[]>`
    SELECT d."kind" AS kind,
           count(*)::int AS total,
           count(*) FILTER (WHERE i."status" = 'DONE')::int AS done,
           count(*) FILTER (WHERE i."status"::text = ANY (${OPEN_STATUSES}::text[]) AND i."dueDate" < ${day}::date)::int AS overdue
      FROM "ChecklistItem" i
      JOIN "Org" o ON o."id" = i."orgId"
      LEFT JOIN "Org" g ON g."id" = i."delegatedOrgId"
      JOIN "Duty" d ON d."id" = i."dutyId"
     WHERE i."periodId" = ${q.periodId}
       AND NOT (i."status"::text = ANY (${UNCOUNTED_STATUSES}::text[]))
       AND (o."path" LIKE ANY (${patterns}::text[]) OR g."path" LIKE ANY (${patterns}::text[]) OR i."delegatedToId" = ${actor.id})
       AND (${rootPattern}::text IS NULL OR o."path" LIKE ${rootPattern} OR g."path" LIKE ${rootPattern})
       AND (${q.org ?? null}::text IS NULL OR i."orgId" = ${q.org ?? ""} OR i."delegatedOrgId" = ${q.org ?? ""})
       AND (${q.kind ?? null}::text IS NULL OR d."kind"::text = ${q.kind ?? ""})
     GROUP BY d."kind"
     ORDER BY d."kind"`;
  const byKind = rows.map((r) => ({ kind: r.kind, total: Number(r.total), done: Number(r.done), overdue: Number(r.overdue) }));
  return {
    total: byKind.reduce((s, r) => s + r.total, 0),
    done: byKind.reduce((s, r) => s + r.done, 0),
    overdue: byKind.reduce((s, r) => s + r.overdue, 0),
    byKind,
  };
}
