import "server-only";
import { z } from "zod";
import { today } from "@/lib/dates";
import { FINDING_OPEN_STATES, FINDING_STATES, isFindingOpen } from "@/lib/finding-state";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty, FindingEventKind, FindingSeverity, FindingTag, InspectionType, RectificationState } from "@/lib/generated/prisma/enums";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { byRevision } from "@/lib/server/cache/revisions";
import { deadlineWarning, type ItemWarning, WARNING_COLOURS, type WarningColour, warningThresholds, type WarningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import { containsWords } from "@/lib/server/db/text-search";
import { closeoutParties } from "@/lib/server/inspections/config";
import { findingReadWhere, readScopeKey, roundReadWhere } from "@/lib/server/inspections/scope";
import { FINDING_SOURCES } from "@/lib/validation/inspections";
import { ZIdParam, zSearchWords } from "@/lib/validation/text";

export const LEDGER_PAGE_SIZE = 25;
/** The most rows the print view lists on one page. */
export const LEDGER_PRINT_LIMIT = 1000;
export const LEDGER_SEARCH_MAX = 100;

/** The three lists officials keep of one rectification (问题清单, 任务清单, 责任清单). */
export const LEDGER_LISTS = ["problems", "tasks", "responsibilities"] as const;
export type LedgerList = (typeof LEDGER_LISTS)[number];

const optionalId = ZIdParam;

const flag = z
  .string()
  .transform((v) => v === "1" || v === "true" || v === "on")
  .optional()
  .catch(undefined)
  .transform((v) => v === true || undefined);

/**
 * The ledger's filters, read from search params (a contract other pages
 * link to) with readSearchParams: bad values fall back to none; search words
 * that cannot be searched are refused, for the search box to say so.
 */
export const ZFindingFilters = z.object({
  round: optionalId,
  /** A Period id: rounds whose first day lies in it. */
  period: optionalId,
  /** An organization: its whole subtree. */
  org: optionalId,
  category: optionalId,
  duty: optionalId,
  /** Where the findings came from: the type of their round (巡视巡察, a talk, a kind of inspection). */
  source: z.enum(FINDING_SOURCES).optional().catch(undefined),
  /** Common or individual (共性/个性), as the group tagged it. */
  tag: z.enum(["COMMON", "INDIVIDUAL"]).optional().catch(undefined),
  state: z.enum(FINDING_STATES).optional().catch(undefined),
  /** Not closed out. */
  open: flag,
  /** Still owed by the unit and past its deadline. */
  overdue: flag,
  closed: flag,
  warning: z.enum(WARNING_COLOURS).optional().catch(undefined),
  /** Words in the description, matched ignoring case. */
  q: zSearchWords(LEDGER_SEARCH_MAX),
});

/** Every filter optional, as callers (and tests) build them. */
export type TFindingFilters = Partial<z.infer<typeof ZFindingFilters>>;

/** The filters as search params, to carry them on links: tabs, paging, print, export. */
export function findingFilterParams(filters: TFindingFilters): Record<string, string | undefined> {
  return {
    round: filters.round,
    period: filters.period,
    org: filters.org,
    category: filters.category,
    duty: filters.duty,
    source: filters.source,
    tag: filters.tag,
    state: filters.state,
    open: filters.open ? "1" : undefined,
    overdue: filters.overdue ? "1" : undefined,
    closed: filters.closed ? "1" : undefined,
    warning: filters.warning,
    q: filters.q,
  };
}

export function isLedgerFiltered(filters: TFindingFilters): boolean {
  return Object.values(findingFilterParams(filters)).some(Boolean);
}

const NOTHING: Prisma.FindingWhereInput = { id: { in: [] } };
const DAY_MS = 24 * 60 * 60 * 1000;

type Clock = { day: Date; thresholds: WarningThresholds };

function clockOf(now?: Date): Clock {
  return { day: today(now), thresholds: warningThresholds() };
}

const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/** The Prisma twin of `deadlineWarning` for findings (and of `findingWarningSql`). */
function warningWhere(colour: WarningColour, { day, thresholds }: Clock): Prisma.FindingWhereInput {
  const open = { state: { in: [...FINDING_OPEN_STATES] } };
  switch (colour) {
    case "red":
      return { ...open, deadline: { lt: day } };
    case "yellow":
      return { ...open, deadline: { gte: day, lte: addDays(day, thresholds.yellowDays) } };
    case "green":
      return { ...open, deadline: { gt: addDays(day, thresholds.yellowDays), lte: addDays(day, thresholds.greenDays) } };
  }
}

/**
 * The WHERE of a ledger selection: the actor's read scope, issued reports
 * only, and the filters. The summary drops the state-like filters (state,
 * open, closed, overdue, warning) so that it counts what they choose from.
 */
async function selectionWhere(actor: Actor, f: TFindingFilters, clock: Clock, mode: "filter" | "summary"): Promise<Prisma.FindingWhereInput> {
  const and: Prisma.FindingWhereInput[] = [findingReadWhere(actor), { report: { status: "ISSUED" } }];
  const [period, org] = await Promise.all([
    f.period ? prisma.period.findUnique({ where: { id: f.period }, select: { startsOn: true, endsOn: true } }) : null,
    f.org ? prisma.org.findUnique({ where: { id: f.org }, select: { path: true } }) : null,
  ]);
  if (f.round) and.push({ roundId: f.round });
  if (f.period) and.push(period ? { round: { startsOn: { gte: period.startsOn, lte: period.endsOn } } } : NOTHING);
  if (f.org) and.push(org ? { org: { path: { startsWith: org.path } } } : NOTHING);
  if (f.category) and.push({ categoryId: f.category });
  if (f.duty) and.push({ dutyId: f.duty });
  if (f.source) and.push({ round: { type: f.source } });
  if (f.tag) and.push({ tag: f.tag });
  if (f.q) and.push({ description: containsWords(f.q) });
  if (mode === "filter") {
    if (f.state) and.push({ state: f.state });
    if (f.open) and.push({ state: { not: "CLOSED" } });
    if (f.closed) and.push({ state: "CLOSED" });
    if (f.overdue) and.push(warningWhere("red", clock));
    if (f.warning) and.push(warningWhere(f.warning, clock));
  }
  return { AND: and };
}

const ORDER = [
  { deadline: { sort: "asc", nulls: "last" } },
  { org: { path: "asc" } },
  { seq: "asc" },
  { id: "asc" },
] satisfies Prisma.FindingOrderByWithRelationInput[];

const ledgerRowSelect = {
  id: true,
  seq: true,
  description: true,
  severity: true,
  tag: true,
  state: true,
  measures: true,
  deadline: true,
  closedAt: true,
  cycle: true,
  org: { select: { id: true, name: true, nameEn: true } },
  round: { select: { id: true, title: true, type: true } },
  report: { select: { id: true, issuedAt: true } },
  category: { select: { id: true, name: true, nameEn: true } },
  duty: { select: { id: true, code: true, title: true, titleEn: true } },
  owner: { select: { id: true, name: true } },
  acceptances: { select: { cycle: true, party: true, acceptedAt: true, acceptedBy: { select: { name: true } } }, orderBy: { acceptedAt: "asc" } },
  events: { select: { kind: true, text: true, createdAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.FindingSelect;

type Named = { id: string; name: string; nameEn: string | null };

/** One finding as the three lists show it. */
export type LedgerRow = {
  id: string;
  /** The finding's number within its report. */
  seq: number;
  org: Named;
  round: { id: string; title: string; type: InspectionType };
  reportId: string;
  /** When the report was issued (the feedback the unit rectifies against). */
  issuedAt: Date | null;
  category: Named;
  severity: FindingSeverity;
  tag: FindingTag | null;
  description: string;
  duty: { id: string; code: string; title: string; titleEn: string | null } | null;
  state: RectificationState;
  measures: string | null;
  owner: { id: string; name: string } | null;
  deadline: Date | null;
  warning: ItemWarning;
  closedAt: Date | null;
  /** The current close-out attempt's acceptances… */
  acceptances: { party: AcceptanceParty; by: string | null; at: Date }[];
  /** …against the parties this deployment requires. */
  requiredParties: AcceptanceParty[];
  lastEvent: { kind: FindingEventKind; text: string | null; at: Date } | null;
};

type SelectedRow = Prisma.FindingGetPayload<{ select: typeof ledgerRowSelect }>;

function toLedgerRow(r: SelectedRow, clock: Clock, requiredParties: AcceptanceParty[]): LedgerRow {
  const last = r.events[0];
  return {
    id: r.id,
    seq: r.seq,
    org: r.org,
    round: r.round,
    reportId: r.report.id,
    issuedAt: r.report.issuedAt,
    category: r.category,
    severity: r.severity,
    tag: r.tag,
    description: r.description,
    duty: r.duty,
    state: r.state,
    measures: r.measures,
    owner: r.owner,
    deadline: r.deadline,
    warning: r.deadline ? deadlineWarning(isFindingOpen(r.state), r.deadline, clock.day, clock.thresholds) : null,
    closedAt: r.closedAt,
    acceptances: r.acceptances.filter((a) => a.cycle === r.cycle).map((a) => ({ party: a.party, by: a.acceptedBy?.name ?? null, at: a.acceptedAt })),
    requiredParties,
    lastEvent: last ? { kind: last.kind, text: last.text, at: last.createdAt } : null,
  };
}

export type LedgerOptions = { page?: number; pageSize?: number; now?: Date };

export type LedgerSummary = {
  total: number;
  byState: Record<RectificationState, number>;
  overdue: number;
  red: number;
  yellow: number;
  green: number;
};

export type LedgerPage = {
  rows: LedgerRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  summary: LedgerSummary;
};

/** How many findings the ledger shows for these filters. */
export async function countFindings(actor: Actor, filters: TFindingFilters, now?: Date): Promise<number> {
  return prisma.finding.count({ where: await selectionWhere(actor, filters, clockOf(now), "filter") });
}

/** The ids of one slice of the ledger, in ledger order. */
export async function listFindingIds(actor: Actor, filters: TFindingFilters, slice: { limit: number; offset: number; now?: Date }): Promise<string[]> {
  const rows = await prisma.finding.findMany({
    where: await selectionWhere(actor, filters, clockOf(slice.now), "filter"),
    select: { id: true },
    orderBy: ORDER,
    take: slice.limit,
    skip: slice.offset,
  });
  return rows.map((r) => r.id);
}

/** The rows for ids already chosen within the actor's scope, in the order of `ids`; the scope is applied again all the same. */
export async function loadLedgerRows(actor: Actor, ids: string[], now?: Date): Promise<LedgerRow[]> {
  if (ids.length === 0) return [];
  const clock = clockOf(now);
  const required = closeoutParties();
  const found = await prisma.finding.findMany({
    where: { AND: [{ id: { in: ids } }, findingReadWhere(actor), { report: { status: "ISSUED" } }] },
    select: ledgerRowSelect,
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toLedgerRow(r, clock, required)] : [];
  });
}

type LedgerGroup = { state: RectificationState; deadline: Date | null; count: number };

/**
 * The selection without its state-like filters, grouped in the database by
 * state and deadline: as many groups as distinct deadlines, not findings.
 * Every state-like filter (state, open, closed, overdue, warning) reads only
 * those two columns, so both the summary and the count of a filtered
 * selection come from these groups, in one pass over the findings.
 */
function ledgerGroups(actor: Actor, filters: TFindingFilters, clock: Clock): Promise<LedgerGroup[]> {
  // The summary's selection does not depend on the day, nor on the state-like filters it drops.
  const { state: _s, open: _o, closed: _c, overdue: _d, warning: _w, ...selection } = filters;
  const chosen = Object.entries(selection).filter(([, v]) => v !== undefined);
  const key = JSON.stringify(["ledger groups", readScopeKey(actor), chosen.sort(([a], [b]) => a.localeCompare(b))]);
  return byRevision("findings", key, async () => {
    const where = await selectionWhere(actor, selection, clock, "summary");
    const groups = await prisma.finding.groupBy({ by: ["state", "deadline"], where, _count: { _all: true } });
    return groups.map((g) => ({ state: g.state, deadline: g.deadline, count: g._count._all }));
  });
}

/** A group's colour, by the rule each row of the ledger is coloured by. */
const colourOf = (g: LedgerGroup, clock: Clock): WarningColour | undefined =>
  g.deadline ? deadlineWarning(isFindingOpen(g.state), g.deadline, clock.day, clock.thresholds)?.colour : undefined;

/** Whether a group's findings pass the state-like filters: the twin of those filters in `selectionWhere`. */
function passesStateFilters(g: LedgerGroup, f: TFindingFilters, clock: Clock): boolean {
  if (f.state && g.state !== f.state) return false;
  if (f.open && g.state === "CLOSED") return false;
  if (f.closed && g.state !== "CLOSED") return false;
  if (f.overdue && colourOf(g, clock) !== "red") return false;
  if (f.warning && colourOf(g, clock) !== f.warning) return false;
  return true;
}

function summaryOf(groups: LedgerGroup[], clock: Clock): LedgerSummary {
  const byState = Object.fromEntries(FINDING_STATES.map((s) => [s, 0])) as Record<RectificationState, number>;
  const colours: Record<WarningColour, number> = { red: 0, yellow: 0, green: 0 };
  for (const g of groups) {
    byState[g.state] += g.count;
    const colour = colourOf(g, clock);
    if (colour) colours[colour] += g.count;
  }
  return { total: Object.values(byState).reduce((s, n) => s + n, 0), byState, overdue: colours.red, ...colours };
}

/**
 * One page of the rectification ledger: the findings of issued reports the
 * actor reads, filtered, ordered by deadline, then unit, then number; with
 * the summary of the selection. The count is read off the summary's groups.
 */
export async function listFindings(actor: Actor, filters: TFindingFilters, options: LedgerOptions = {}): Promise<LedgerPage> {
  const pageSize = options.pageSize ?? LEDGER_PAGE_SIZE;
  const clock = clockOf(options.now);
  const groups = await ledgerGroups(actor, filters, clock);
  const total = groups.reduce((n, g) => (passesStateFilters(g, filters, clock) ? n + g.count : n), 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const ids = total === 0 ? [] : await listFindingIds(actor, filters, { limit: pageSize, offset: (page - 1) * pageSize, now: options.now });
  return { rows: await loadLedgerRows(actor, ids, options.now), total, page, pageCount, pageSize, summary: summaryOf(groups, clock) };
}

export type LedgerHeading = {
  /** The organization filtered on, else the actor's own (outermost) organization. */
  unit: { name: string; nameEn: string | null } | null;
  round: { id: string; title: string; type: InspectionType; startsOn: Date; endsOn: Date } | null;
};

/** What a printed or exported ledger is headed with; only names the actor may see. */
export async function getLedgerHeading(actor: Actor, filters: Pick<TFindingFilters, "org" | "round">): Promise<LedgerHeading> {
  const [org, round] = await Promise.all([
    filters.org ? prisma.org.findUnique({ where: { id: filters.org }, select: { name: true, nameEn: true, path: true } }) : null,
    filters.round
      ? prisma.inspectionRound.findFirst({
          where: { AND: [{ id: filters.round }, roundReadWhere(actor)] },
          select: { id: true, title: true, type: true, startsOn: true, endsOn: true },
        })
      : null,
  ]);
  const own = actor.grants[0];
  const unit =
    org && reachesPath(actor, "checklist.read", org.path) ? { name: org.name, nameEn: org.nameEn } : own ? { name: own.orgName, nameEn: own.orgNameEn } : null;
  return { unit, round };
}

export const ROUND_OPTION_LIMIT = 200;

export type RoundOption = { id: string; title: string; startsOn: Date };

/** The rounds the actor reads, newest first, for the round filter. */
export function listLedgerRoundOptions(actor: Actor): Promise<RoundOption[]> {
  return prisma.inspectionRound.findMany({
    where: roundReadWhere(actor),
    select: { id: true, title: true, startsOn: true },
    orderBy: [{ startsOn: "desc" }, { title: "asc" }],
    take: ROUND_OPTION_LIMIT,
  });
}

export type CategoryOption = { id: string; name: string; nameEn: string | null };

/** The finding categories, for the category filter; retired ones too, since old findings carry them. */
export function listLedgerCategoryOptions(): Promise<CategoryOption[]> {
  return prisma.findingCategory.findMany({ select: { id: true, name: true, nameEn: true }, orderBy: [{ isActive: "desc" }, { sortOrder: "asc" }] });
}
