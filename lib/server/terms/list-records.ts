import "server-only";
import { dayOf } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { TERM_LEDGER_PAGE_SIZE } from "@/lib/server/terms/list-terms";
import type { TRecordLedgerFilters } from "@/lib/validation/terms";

// The ledgers of appointment talks (任职谈话) and head changes (负责人调整):
// the records of the organizations the reader reaches (term.read), in a
// subtree and a range of days, newest first, paged in the database.

type Named = { id: string; name: string; nameEn: string | null };

export type TalkLedgerRow = { id: string; org: Named; appointeeName: string; talkedOn: Date; talkedBy: string; points: string; recordedBy: string | null };
export type HeadLedgerRow = { id: string; org: Named; changedOn: Date; previousName: string | null; newName: string; consultation: string; recordedBy: string | null };

export type RecordLedgerPage<R> = { rows: R[]; total: number; page: number; pageCount: number; pageSize: number };

const NOTHING = { id: { in: [] as string[] } };

/** The organization part of a selection: the reader's scope and the chosen subtree. */
async function orgWhere(actor: Actor, filters: TRecordLedgerFilters): Promise<Prisma.OrgWhereInput> {
  const subtree = filters.org ? await prisma.org.findUnique({ where: { id: filters.org }, select: { path: true } }) : null;
  if (filters.org && !subtree) return NOTHING;
  return { AND: [orgScopeWhere(actor, "term.read"), subtree ? { path: { startsWith: subtree.path } } : {}] };
}

function dayRange(filters: TRecordLedgerFilters): Prisma.DateTimeFilter | undefined {
  if (!filters.from && !filters.to) return undefined;
  return { ...(filters.from ? { gte: dayOf(filters.from) } : {}), ...(filters.to ? { lte: dayOf(filters.to) } : {}) };
}

async function talkWhere(actor: Actor, filters: TRecordLedgerFilters): Promise<Prisma.AppointmentTalkWhereInput> {
  const range = dayRange(filters);
  return { org: await orgWhere(actor, filters), ...(range ? { talkedOn: range } : {}) };
}

async function headWhere(actor: Actor, filters: TRecordLedgerFilters): Promise<Prisma.HeadChangeWhereInput> {
  const range = dayRange(filters);
  return { org: await orgWhere(actor, filters), ...(range ? { changedOn: range } : {}) };
}

const orgSelect = { select: { id: true, name: true, nameEn: true } } as const;

const talkSelect = {
  id: true,
  appointeeName: true,
  talkedOn: true,
  talkedBy: true,
  points: true,
  org: orgSelect,
  recordedBy: { select: { name: true } },
} satisfies Prisma.AppointmentTalkSelect;

const headSelect = {
  id: true,
  changedOn: true,
  previousName: true,
  newName: true,
  consultation: true,
  org: orgSelect,
  recordedBy: { select: { name: true } },
} satisfies Prisma.HeadChangeSelect;

const talkOrder = [{ talkedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AppointmentTalkOrderByWithRelationInput[];
const headOrder = [{ changedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }] satisfies Prisma.HeadChangeOrderByWithRelationInput[];

export type RecordSlice = { limit: number; offset: number };

export async function countTalks(actor: Actor, filters: TRecordLedgerFilters): Promise<number> {
  return prisma.appointmentTalk.count({ where: await talkWhere(actor, filters) });
}

/** One slice of the talk ledger, newest first. */
export async function listTalkRows(actor: Actor, filters: TRecordLedgerFilters, slice: RecordSlice): Promise<TalkLedgerRow[]> {
  const rows = await prisma.appointmentTalk.findMany({ where: await talkWhere(actor, filters), select: talkSelect, orderBy: talkOrder, take: slice.limit, skip: slice.offset });
  return rows.map(({ recordedBy, ...r }) => ({ ...r, recordedBy: recordedBy?.name ?? null }));
}

export async function countHeadChanges(actor: Actor, filters: TRecordLedgerFilters): Promise<number> {
  return prisma.headChange.count({ where: await headWhere(actor, filters) });
}

/** One slice of the head-change ledger, newest first. */
export async function listHeadRows(actor: Actor, filters: TRecordLedgerFilters, slice: RecordSlice): Promise<HeadLedgerRow[]> {
  const rows = await prisma.headChange.findMany({ where: await headWhere(actor, filters), select: headSelect, orderBy: headOrder, take: slice.limit, skip: slice.offset });
  return rows.map(({ recordedBy, ...r }) => ({ ...r, recordedBy: recordedBy?.name ?? null }));
}

async function pageOf<R>(
  count: Promise<number>,
  load: (slice: RecordSlice) => Promise<R[]>,
  options: { page?: number; pageSize?: number },
): Promise<RecordLedgerPage<R>> {
  const pageSize = options.pageSize ?? TERM_LEDGER_PAGE_SIZE;
  const total = await count;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = total === 0 ? [] : await load({ limit: pageSize, offset: (page - 1) * pageSize });
  return { rows, total, page, pageCount, pageSize };
}

/** One page of the appointment-talk ledger (任职谈话台账). */
export function listTalkLedger(actor: Actor, filters: TRecordLedgerFilters, options: { page?: number; pageSize?: number } = {}): Promise<RecordLedgerPage<TalkLedgerRow>> {
  return pageOf(countTalks(actor, filters), (slice) => listTalkRows(actor, filters, slice), options);
}

/** One page of the head-change ledger (负责人调整台账). */
export function listHeadLedger(actor: Actor, filters: TRecordLedgerFilters, options: { page?: number; pageSize?: number } = {}): Promise<RecordLedgerPage<HeadLedgerRow>> {
  return pageOf(countHeadChanges(actor, filters), (slice) => listHeadRows(actor, filters, slice), options);
}
