import "server-only";
import { isoDay, today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DutyKind, ItemStatus } from "@/lib/generated/prisma/enums";
import { isOpen, OPEN_STATUSES, UNCOUNTED_STATUSES } from "@/lib/item-status";
import { can } from "@/lib/server/access/permissions";
import { itemScopeSql } from "@/lib/server/access/item-scope";
import { pathUnderSql, reachesPath, scopePaths } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { checklistItemSelect, type ChecklistItemRow } from "@/lib/server/checklists/select";
import { prisma } from "@/lib/server/db";
import { likePattern, personMatchingSql } from "@/lib/server/db/text-search";
import { DUTY_KINDS, isFiltered as isFilteredQuery, type TChecklistFilters } from "@/lib/validation/checklists";
import { isId } from "@/lib/validation/text";
import {
  itemWarning,
  itemWarningSql,
  warningColourSql,
  warningFirstSql,
  warningThresholds,
  worstWarning,
  type ItemWarning,
  type WarningColour,
  type WarningThresholds,
} from "@/lib/warnings";

export const PAGE_SIZE = 25;

export type ChecklistQuery = Omit<TChecklistFilters, "page" | "period"> & {
  periodId: string;
  /** Limit to this organization's subtree (still inside the actor's scope). */
  rootPath?: string;
  page?: number;
  pageSize?: number;
  now?: Date;
};

/** A row of the list: the item with its three-colour warning. */
export type ChecklistRow = ChecklistItemRow & { warning: ItemWarning };

type Clock = { day: Date; thresholds: WarningThresholds };

// Every list, count, summary and export reads through this one FROM and the
// conditions below, so that they cannot disagree on what a filter means. A
// statement joins only the tables its conditions and columns read: each join
// follows a foreign key (the delegated organization's is a LEFT JOIN), so it
// never changes which items count, only what a count over a whole province
// costs (about 4x without the three joins at 85,000 items).
type Join = "o" | "g" | "d";
const JOINS: Record<Join, Prisma.Sql> = {
  o: Prisma.sql`JOIN "Org" o ON o."id" = i."orgId"`,
  g: Prisma.sql`LEFT JOIN "Org" g ON g."id" = i."delegatedOrgId"`,
  d: Prisma.sql`JOIN "Duty" d ON d."id" = i."dutyId"`,
};

function from(...needs: Iterable<Join>[]): Prisma.Sql {
  const joins = new Set(needs.flatMap((n) => [...n]));
  const used = (["o", "g", "d"] as const).filter((j) => joins.has(j)).map((j) => JOINS[j]);
  return used.length === 0 ? Prisma.sql`"ChecklistItem" i` : Prisma.sql`"ChecklistItem" i ${Prisma.join(used, " ")}`;
}

/** The joins the list's order reads. */
const ORDER_JOINS: Join[] = ["o", "d"];

/**
 * The list's order: red items first, then yellow, each by due date (the
 * longest overdue, the soonest due first); then the rest by duty kind,
 * organization and duty. Colours are worked out in SQL, so that pages are
 * cut in the database.
 */
function listOrder(clock: Clock): Prisma.Sql {
  const colour = itemWarningSql(clock.day, clock.thresholds);
  return Prisma.sql`${warningFirstSql(colour)} ASC,
    (CASE WHEN ${colour} IN ('red', 'yellow') THEN i."dueDate" END) ASC,
    d."kind" ASC, o."path" ASC, d."sortOrder" ASC, i."occurrence" ASC, i."id" ASC`;
}

function statusCondition(status: ChecklistQuery["status"], day: Date): Prisma.Sql {
  switch (status) {
    case "open":
      return Prisma.sql`i."status"::text = ANY (${[...OPEN_STATUSES]}::text[])`;
    case "overdue":
      return Prisma.sql`i."status"::text = ANY (${[...OPEN_STATUSES]}::text[]) AND i."dueDate" < ${isoDay(day)}::date`;
    case "delegated":
      return Prisma.sql`i."status" <> 'WITHDRAWN' AND (i."delegatedOrgId" IS NOT NULL OR i."delegatedToId" IS NOT NULL)`;
    case undefined:
      // Withdrawn items left the list; they show only when asked for.
      return Prisma.sql`i."status" <> 'WITHDRAWN'`;
    default:
      return Prisma.sql`i."status"::text = ${status}`;
  }
}

type Selection = { where: Prisma.Sql; joins: Set<Join> };

/**
 * The WHERE of a checklist selection, with the joins it reads. The scope is
 * itemScopeSql (the SQL form of the item rule): the actor's subtrees, items
 * delegated into them, and items delegated to the actor. An unfiltered
 * summary counts without the status filter, and without the items that
 * count nowhere (not applicable, withdrawn).
 */
function selection(actor: Actor, q: ChecklistQuery, clock: Clock, status: "filter" | "counted"): Selection {
  const joins = new Set<Join>();
  const and: Prisma.Sql[] = [Prisma.sql`i."periodId" = ${q.periodId}`, itemScopeSql(actor, "checklist.read", { delegates: true })];
  // An organization's items include those delegated to it: they show on both sides.
  if (q.rootPath) {
    and.push(Prisma.sql`(o."path" LIKE ${`${q.rootPath}%`} OR g."path" LIKE ${`${q.rootPath}%`})`);
    joins.add("o").add("g");
  }
  if (q.org) and.push(Prisma.sql`(i."orgId" = ${q.org} OR i."delegatedOrgId" = ${q.org})`);
  if (q.kind) {
    and.push(Prisma.sql`d."kind" = ${q.kind}::"DutyKind"`);
    joins.add("d");
  }
  if (q.owner) and.push(Prisma.sql`i."ownerId" = ${q.owner === "mine" ? actor.id : q.owner}`);
  // A contains-match cannot use a b-tree index; the period and scope narrow the rows first.
  if (q.q) {
    and.push(Prisma.sql`(d."title" ILIKE ${likePattern(q.q)} OR d."titleEn" ILIKE ${likePattern(q.q)})`);
    joins.add("d");
  }
  if (q.warning) and.push(Prisma.sql`${itemWarningSql(clock.day, clock.thresholds)} = ${q.warning}`);
  and.push(
    status === "filter" ? statusCondition(q.status, clock.day) : Prisma.sql`NOT (i."status"::text = ANY (${[...UNCOUNTED_STATUSES]}::text[]))`,
  );
  return { where: Prisma.join(and, " AND "), joins };
}

function clockOf(now?: Date): Clock {
  return { day: today(now), thresholds: warningThresholds() };
}

/** Where the counts of a list come from: its items, or, for an unfiltered list, the subtree tallies where they can answer. */
export type CountSource = "auto" | "items";

/**
 * The items of an unfiltered list as rows of (kind, status, dueDate, n),
 * each standing for n items: the subtree tallies of the organizations the
 * list covers and, one by one, the items delegated into them from outside.
 * So a whole province counts from a few hundred rows, and exactly, as the
 * tallies are. The list covers the subtree of `rootPath` when the actor
 * reaches it, or else the actor's whole scope, items delegated to them in
 * person included; null when the tallies cannot say (a rootPath outside
 * the scope: the items are read).
 */
function talliedRows(actor: Actor, q: ChecklistQuery): Prisma.Sql | null {
  const permission = "checklist.read";
  if (q.rootPath && !reachesPath(actor, permission, q.rootPath)) return null;
  const roots = q.rootPath ? [q.rootPath] : scopePaths(actor, permission);
  if (roots.length === 0) return null;
  const ids = roots.map((path) => path.split("/").filter(Boolean).at(-1) ?? "");
  const patterns = roots.map((r) => `${r}%`);
  // Outside the roots, items reach the list by delegation: to an organization inside, or (the whole scope) to the actor.
  const toActor = !q.rootPath && can(actor, permission);
  return Prisma.sql`
    SELECT t."kind", t."status", t."dueDate", t."count" AS n
      FROM "SubtreeTally" t
     WHERE t."periodId" = ${q.periodId} AND t."orgId" = ANY (${ids}::text[])
    UNION ALL
    SELECT d."kind", i."status", i."dueDate", 1
      FROM "ChecklistItem" i
      JOIN "Duty" d ON d."id" = i."dutyId"
      JOIN "Org" o ON o."id" = i."orgId"
      LEFT JOIN "Org" g ON g."id" = i."delegatedOrgId"
     WHERE i."periodId" = ${q.periodId}
       AND (i."delegatedOrgId" IS NOT NULL ${toActor ? Prisma.sql`OR i."delegatedToId" = ${actor.id}` : Prisma.empty})
       AND NOT ${pathUnderSql(Prisma.sql`o."path"`, patterns)}
       AND (${pathUnderSql(Prisma.sql`g."path"`, patterns)} ${toActor ? Prisma.sql`OR i."delegatedToId" = ${actor.id}` : Prisma.empty})`;
}

/** talliedRows when the list is unfiltered and the tallies may answer. */
function tallies(actor: Actor, q: ChecklistQuery, source: CountSource): Prisma.Sql | null {
  return !isFilteredQuery(q) && source === "auto" ? talliedRows(actor, q) : null;
}

/**
 * The rows a summary adds up, as (kind, status, dueDate, n): unfiltered,
 * talliedRows without the items that count nowhere (not applicable,
 * withdrawn); otherwise the list's items one by one.
 */
function summaryRows(actor: Actor, q: ChecklistQuery, clock: Clock, source: CountSource): Prisma.Sql {
  const tallied = tallies(actor, q, source);
  if (tallied) return Prisma.sql`SELECT s.* FROM (${tallied}) s WHERE NOT (s."status"::text = ANY (${[...UNCOUNTED_STATUSES]}::text[]))`;
  const { where, joins } = selection(actor, q, clock, isFilteredQuery(q) ? "filter" : "counted");
  return Prisma.sql`SELECT d."kind", i."status", i."dueDate", 1 AS n FROM ${from(joins, ["d"])} WHERE ${where}`;
}

/** How many items the list shows for these filters; `source` "items" reads them even where the tallies could answer. */
export async function countChecklistItems(actor: Actor, q: ChecklistQuery, source: CountSource = "auto"): Promise<number> {
  if (!can(actor, "checklist.read")) return 0;
  const clock = clockOf(q.now);
  const tallied = tallies(actor, q, source);
  if (tallied) {
    const [row] = await prisma.$queryRaw<{ count: number }[]>`
      SELECT coalesce(sum(s.n), 0)::int AS count FROM (${tallied}) s WHERE s."status" <> 'WITHDRAWN'`;
    return Number(row?.count ?? 0);
  }
  // Read one by one, a count joins only what its conditions read.
  const { where, joins } = selection(actor, q, clock, "filter");
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM ${from(joins)} WHERE ${where}`;
  return Number(row?.count ?? 0);
}

/**
 * The list's order falls into groups that follow each other: red items by
 * due date and duty kind, yellow ones likewise, then the rest by duty kind.
 * For an unfiltered list, the tallies count each group, so a slice needs
 * only the items of the groups it spans, sorted among themselves, not the
 * whole period's: the condition for those groups, and the slice's offset
 * within them. Null when the tallies cannot say (a filtered list).
 */
async function sliceGroups(actor: Actor, q: ChecklistQuery, clock: Clock, slice: { limit: number; offset: number }): Promise<{ where: Prisma.Sql; offset: number } | null> {
  const tallied = tallies(actor, q, "auto");
  if (!tallied) return null;
  const rows = await prisma.$queryRaw<{ kind: DutyKind; status: ItemStatus; dueDate: Date; n: number }[]>`
    SELECT s."kind", s."status", s."dueDate", sum(s.n)::int AS n FROM (${tallied}) s WHERE s."status" <> 'WITHDRAWN' GROUP BY 1, 2, 3`;
  type Group = { rank: number; dueDate: Date | null; kind: DutyKind; n: number };
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const colour = itemWarning(row.status, row.dueDate, clock.day, clock.thresholds)?.colour;
    const rank = colour === "red" ? 0 : colour === "yellow" ? 1 : 2;
    const dueDate = rank < 2 ? row.dueDate : null;
    const key = `${rank} ${dueDate ? isoDay(dueDate) : ""} ${row.kind}`;
    const group = groups.get(key) ?? groups.set(key, { rank, dueDate, kind: row.kind, n: 0 }).get(key)!;
    group.n += Number(row.n);
  }
  // The order of listOrder: colour, then (red and yellow) the due date, then the duty kind as the enum runs.
  const ordered = [...groups.values()].sort(
    (a, b) => a.rank - b.rank || (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) || DUTY_KINDS.indexOf(a.kind) - DUTY_KINDS.indexOf(b.kind),
  );
  let before = 0;
  const spanned: Prisma.Sql[] = [];
  let offset = 0;
  for (const group of ordered) {
    const start = before;
    before += group.n;
    if (before <= slice.offset) continue;
    if (start >= slice.offset + slice.limit) break;
    if (spanned.length === 0) offset = slice.offset - start;
    const open = Prisma.sql`i."status"::text = ANY (${[...OPEN_STATUSES]}::text[])`;
    // An open item's colour follows from its due date alone: all of a red or yellow group's items have it.
    // The kind is compared as the enum, not as text: a cast hides the column's statistics, and the
    // planner, counting on one duty of the kind, looped over forty (a unit's first page at the
    // province tier: 34-82 ms, against 4.5 ms).
    spanned.push(
      group.dueDate
        ? Prisma.sql`(i."dueDate" = ${isoDay(group.dueDate)}::date AND d."kind" = ${group.kind}::"DutyKind" AND ${open})`
        : Prisma.sql`(d."kind" = ${group.kind}::"DutyKind" AND coalesce(${itemWarningSql(clock.day, clock.thresholds)}, '') NOT IN ('red', 'yellow'))`,
    );
  }
  return { where: spanned.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(spanned, " OR ")})`, offset };
}

/** The ids of one slice of the list, in list order; `source` "items" sorts the whole list even where the tallies could narrow it. */
export async function listChecklistItemIds(
  actor: Actor,
  q: ChecklistQuery,
  slice: { limit: number; offset: number },
  source: CountSource = "auto",
): Promise<string[]> {
  if (!can(actor, "checklist.read")) return [];
  const clock = clockOf(q.now);
  const { where, joins } = selection(actor, q, clock, "filter");
  const groups = source === "auto" ? await sliceGroups(actor, q, clock, slice) : null;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT i."id" FROM ${from(joins, ORDER_JOINS)}
     WHERE ${where} ${groups ? Prisma.sql`AND ${groups.where}` : Prisma.empty}
     ORDER BY ${listOrder(clock)}
     LIMIT ${slice.limit} OFFSET ${groups ? groups.offset : slice.offset}`;
  return rows.map((r) => r.id);
}

/** The rows for ids already filtered by scope, in the order of `ids`. */
export async function loadChecklistRows(ids: string[], now?: Date): Promise<ChecklistRow[]> {
  if (ids.length === 0) return [];
  const { day, thresholds } = clockOf(now);
  const found = await prisma.checklistItem.findMany({ where: { id: { in: ids } }, select: checklistItemSelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, isOverdue: isOpen(r.status) && r.dueDate < day, warning: itemWarning(r.status, r.dueDate, day, thresholds) }] : [];
  });
}

export type ChecklistPage = {
  rows: ChecklistRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/** One page of the checklist in the actor's scope: red and yellow items first, then by duty kind, organization and duty. */
export async function listChecklistItems(actor: Actor, q: ChecklistQuery): Promise<ChecklistPage> {
  const pageSize = q.pageSize ?? PAGE_SIZE;
  const total = await countChecklistItems(actor, q);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(q.page ?? 1, pageCount);
  const ids = total === 0 ? [] : await listChecklistItemIds(actor, q, { limit: pageSize, offset: (page - 1) * pageSize });
  return { rows: await loadChecklistRows(ids, q.now), total, page, pageCount, pageSize };
}

export type WarningCounts = { red: number; yellow: number; green: number };
export type KindProgress = { kind: DutyKind; total: number; done: number; overdue: number } & WarningCounts;
export type ChecklistSummary = {
  /** Whether it counts the list's filtered items rather than the whole checklist. */
  isFiltered: boolean;
  total: number;
  done: number;
  /** Open items past their due date: the red ones. */
  overdue: number;
  /** Items the reviewer sent back, not yet resubmitted. */
  returned: number;
  /** The worst colour in the selection. */
  worst: WarningColour | null;
  byKind: KindProgress[];
} & WarningCounts;

/**
 * Progress and warnings counted in SQL: of the whole checklist in the list's
 * scope and period, or, when the list is filtered, of exactly the items the
 * list shows, so that a filtered card never reads as the unit's completion.
 */
export async function getChecklistSummary(actor: Actor, q: ChecklistQuery, source: CountSource = "auto"): Promise<ChecklistSummary> {
  const isFiltered = isFilteredQuery(q);
  const empty: ChecklistSummary = { isFiltered, total: 0, done: 0, overdue: 0, returned: 0, red: 0, yellow: 0, green: 0, worst: null, byKind: [] };
  if (!can(actor, "checklist.read")) return empty;
  const clock = clockOf(q.now);
  const warning = warningColourSql({ status: Prisma.sql`x."status"`, dueDate: Prisma.sql`x."dueDate"` }, clock.day, clock.thresholds);
  const rows = await prisma.$queryRaw<{ kind: DutyKind; total: number; done: number; returned: number; red: number; yellow: number; green: number }[]>`
    SELECT x."kind" AS kind,
           sum(x.n)::int AS total,
           coalesce(sum(x.n) FILTER (WHERE x."status" = 'DONE'), 0)::int AS done,
           coalesce(sum(x.n) FILTER (WHERE x."status" = 'RETURNED'), 0)::int AS returned,
           coalesce(sum(x.n) FILTER (WHERE ${warning} = 'red'), 0)::int AS red,
           coalesce(sum(x.n) FILTER (WHERE ${warning} = 'yellow'), 0)::int AS yellow,
           coalesce(sum(x.n) FILTER (WHERE ${warning} = 'green'), 0)::int AS green
      FROM (${summaryRows(actor, q, clock, source)}) x
     GROUP BY x."kind"
     ORDER BY x."kind"`;
  const byKind = rows.map((r) => {
    const red = Number(r.red);
    return { kind: r.kind, total: Number(r.total), done: Number(r.done), overdue: red, red, yellow: Number(r.yellow), green: Number(r.green) };
  });
  const sum = (key: "total" | "done" | "red" | "yellow" | "green") => byKind.reduce((s, r) => s + r[key], 0);
  const counts = { red: sum("red"), yellow: sum("yellow"), green: sum("green") };
  return {
    isFiltered,
    returned: rows.reduce((s, r) => s + Number(r.returned), 0),
    total: sum("total"),
    done: sum("done"),
    overdue: counts.red,
    ...counts,
    worst: worstWarning([counts.red > 0 ? "red" : null, counts.yellow > 0 ? "yellow" : null, counts.green > 0 ? "green" : null]),
    byKind,
  };
}

export type OwnerOption = { id: string; name: string };
export type OwnerOptions = {
  options: OwnerOption[];
  /** More owners than listed, or these are a search's: the filter offers a search. */
  isTruncated: boolean;
};

export const OWNER_OPTION_LIMIT = 300;

/**
 * The people who own items of the period in scope (under `rootPath`), for
 * the owner filter: the first `limit` (OWNER_OPTION_LIMIT) by name, or with `search`
 * those whose name or user name contains it. The owner already `selected`
 * is always among them, so that the filter names what it filters by.
 */
export async function listItemOwners(
  actor: Actor,
  q: Pick<ChecklistQuery, "periodId" | "rootPath">,
  options: { search?: string; selected?: string; limit?: number } = {},
): Promise<OwnerOptions> {
  const limit = options.limit ?? OWNER_OPTION_LIMIT;
  if (!can(actor, "checklist.read")) return { options: [], isTruncated: false };
  const { where, joins } = selection(actor, { periodId: q.periodId, rootPath: q.rootPath }, clockOf(), "filter");
  const owners = Prisma.sql`SELECT i."ownerId" FROM ${from(joins)} WHERE ${where} AND i."ownerId" IS NOT NULL`;
  const found = await prisma.$queryRaw<OwnerOption[]>`
    SELECT u."id", u."name" FROM "User" u
     WHERE u."id" IN (${owners}) AND ${personMatchingSql(options.search, Prisma.sql`u`)}
     ORDER BY u."name", u."id"
     LIMIT ${limit + 1}`;
  const listed = found.slice(0, limit);
  const selected = options.selected;
  if (selected && isId(selected) && !listed.some((o) => o.id === selected)) {
    listed.push(...(await prisma.$queryRaw<OwnerOption[]>`SELECT u."id", u."name" FROM "User" u WHERE u."id" = ${selected} AND u."id" IN (${owners})`));
  }
  return { options: listed, isTruncated: found.length > limit || Boolean(options.search) };
}
