import "server-only";
import { today } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { orgScopeWhere, pathUnderSql, reachesPath, scopePatterns } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { TERM_ORG_TYPES, TERM_STATES, type TermState } from "@/lib/term-kinds";
import { termState, termStateRankSql, termStateSql, termWarning } from "@/lib/term-rules";
import type { TTermLedgerFilters } from "@/lib/validation/terms";
import type { ItemWarning } from "@/lib/warnings";

export const TERM_LEDGER_PAGE_SIZE = 25;
/** The most rows a print view lists (all three ledgers). */
export const TERM_PRINT_LIMIT = 1000;

export type TermLedgerRow = {
  org: { id: string; name: string; nameEn: string | null; type: OrgType };
  /** The organization above, which approves the election and holds the talk. */
  parent: { name: string; nameEn: string | null } | null;
  term: {
    id: string;
    electedOn: Date;
    termYears: number;
    dueOn: Date;
    secretaryName: string;
    members: string[];
    approvedOn: Date | null;
    approvalNote: string | null;
  } | null;
  state: TermState;
  warning: ItemWarning;
};

export type TermLedgerSummary = { total: number } & Record<TermState, number>;

export type TermLedgerPage = { rows: TermLedgerRow[]; total: number; page: number; pageCount: number; pageSize: number; summary: TermLedgerSummary };

/**
 * The term ledger's selection as SQL: every live organization of a type
 * that holds terms (lib/term-rules.ts) in the reader's `term.read` scope
 * and in the chosen subtree, with its current term if any. The state comes
 * from termStateSql; the summary leaves the state filter out.
 */
async function selection(actor: Actor, filters: TTermLedgerFilters, day: Date, withState: boolean): Promise<{ from: Prisma.Sql; state: Prisma.Sql } | null> {
  const patterns = scopePatterns(actor, "term.read");
  if (patterns.length === 0) return null;
  const subtree = filters.org ? await prisma.org.findUnique({ where: { id: filters.org }, select: { path: true } }) : null;
  if (filters.org && !subtree) return null;
  const state = termStateSql(Prisma.sql`t."dueOn"`, day);
  const conditions = [
    Prisma.sql`o."type"::text = ANY (${[...TERM_ORG_TYPES]}::text[])`,
    Prisma.sql`o."closedAt" IS NULL`,
    pathUnderSql(Prisma.sql`o."path"`, patterns),
    ...(subtree ? [Prisma.sql`o."path" LIKE ${`${subtree.path}%`}`] : []),
    ...(withState && filters.state ? [Prisma.sql`${state} = ${filters.state}`] : []),
  ];
  return {
    from: Prisma.sql`FROM "Org" o LEFT JOIN "OrgTerm" t ON t."orgId" = o."id" AND t."endedOn" IS NULL WHERE ${Prisma.join(conditions, " AND ")}`,
    state,
  };
}

/** How many lines the ledger shows for these filters. */
export async function countTermLedger(actor: Actor, filters: TTermLedgerFilters, now?: Date): Promise<number> {
  const sel = await selection(actor, filters, today(now), true);
  if (!sel) return 0;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${sel.from}`;
  return Number(row?.count ?? 0);
}

/** Lines by state for the selection without its state filter, counted in the database. */
export async function getTermLedgerSummary(actor: Actor, filters: TTermLedgerFilters, now?: Date): Promise<TermLedgerSummary> {
  const summary = Object.fromEntries([["total", 0], ...TERM_STATES.map((s) => [s, 0])]) as TermLedgerSummary;
  const sel = await selection(actor, filters, today(now), false);
  if (!sel) return summary;
  const groups = await prisma.$queryRaw<{ state: TermState; count: number }[]>`SELECT ${sel.state} AS state, count(*)::int AS count ${sel.from} GROUP BY 1`;
  for (const g of groups) {
    summary[g.state] = Number(g.count);
    summary.total += Number(g.count);
  }
  return summary;
}

/** The organization ids of one slice of the ledger, in ledger order: red, yellow, green, none recorded, the rest; then by due day and place in the tree. */
export async function listTermLedgerIds(actor: Actor, filters: TTermLedgerFilters, slice: { limit: number; offset: number; now?: Date }): Promise<string[]> {
  const sel = await selection(actor, filters, today(slice.now), true);
  if (!sel) return [];
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT o."id" ${sel.from}
     ORDER BY ${termStateRankSql(sel.state)}, t."dueOn" ASC NULLS LAST, o."path" ASC
     LIMIT ${slice.limit} OFFSET ${slice.offset}`;
  return rows.map((r) => r.id);
}

const rowSelect = {
  id: true,
  name: true,
  nameEn: true,
  type: true,
  parent: { select: { name: true, nameEn: true } },
  terms: {
    where: { endedOn: null },
    select: { id: true, electedOn: true, termYears: true, dueOn: true, secretaryName: true, members: true, approvedOn: true, approvalNote: true },
    orderBy: { electedOn: "desc" },
    take: 1,
  },
} satisfies Prisma.OrgSelect;

/** The lines for organization ids already chosen, in their order; the scope is applied again all the same. */
export async function loadTermLedgerRows(actor: Actor, ids: string[], now?: Date): Promise<TermLedgerRow[]> {
  if (ids.length === 0) return [];
  const day = today(now);
  const found = await prisma.org.findMany({ where: { AND: [{ id: { in: ids } }, orgScopeWhere(actor, "term.read")] }, select: rowSelect });
  const byId = new Map(found.map((o) => [o.id, o]));
  return ids.flatMap((id) => {
    const o = byId.get(id);
    if (!o) return [];
    const term = o.terms[0] ?? null;
    return [
      {
        org: { id: o.id, name: o.name, nameEn: o.nameEn, type: o.type },
        parent: o.parent,
        term,
        state: termState(term?.dueOn ?? null, day),
        warning: term ? termWarning(term.dueOn, day) : null,
      },
    ];
  });
}

/** One page of the term ledger (换届台账), with the counts by state of the selection. */
export async function listTermLedger(actor: Actor, filters: TTermLedgerFilters, options: { page?: number; pageSize?: number; now?: Date } = {}): Promise<TermLedgerPage> {
  const pageSize = options.pageSize ?? TERM_LEDGER_PAGE_SIZE;
  const [total, summary] = await Promise.all([countTermLedger(actor, filters, options.now), getTermLedgerSummary(actor, filters, options.now)]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const ids = total === 0 ? [] : await listTermLedgerIds(actor, filters, { limit: pageSize, offset: (page - 1) * pageSize, now: options.now });
  return { rows: await loadTermLedgerRows(actor, ids, options.now), total, page, pageCount, pageSize, summary };
}

export type LedgerUnit = { name: string; nameEn: string | null } | null;

/** What a printed or exported ledger is headed with: the organization filtered on when the reader reaches it, else the reader's own. */
export async function getTermLedgerUnit(actor: Actor, orgId: string | undefined): Promise<LedgerUnit> {
  const org = orgId ? await prisma.org.findUnique({ where: { id: orgId }, select: { name: true, nameEn: true, path: true } }) : null;
  if (org && reachesPath(actor, "term.read", org.path)) return { name: org.name, nameEn: org.nameEn };
  const own = actor.grants.find((g) => reachesPath(actor, "term.read", g.orgPath)) ?? actor.grants[0];
  return own ? { name: own.orgName, nameEn: own.orgNameEn } : null;
}
