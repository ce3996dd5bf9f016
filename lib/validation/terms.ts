import { z } from "zod";
import { TERM_STATES, TERM_YEARS_MAX, TERM_YEARS_MIN } from "@/lib/term-kinds";
import { ZOrgSearchParam } from "@/lib/validation/checklists";
import { ZId, ZIdParam, zRequiredText, zText } from "@/lib/validation/text";

// The forms of terms, appointment talks and head changes (换届, 任职谈话,
// 负责人调整), and the filters of their ledgers. Refusal codes are words under
// `terms.errors` first, then `validation`.

export const TERM_TEXT_MAX = 2000;
export const TERM_NAME_MAX = 50;
export const TERM_MEMBERS_MAX = 50;

const expectedVersion = z.number().int().min(1);

/** A calendar day as a date field sends it; a day that does not exist (2026-02-30) is refused too. */
export const zDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "date");

const optionalDay = zDay.optional().or(z.literal("").transform(() => undefined));

const optionalId = ZId.optional().or(z.literal("").transform(() => undefined));

const name = zRequiredText(TERM_NAME_MAX);

/** Names typed one a line (or separated by 、 ， , ；): trimmed, empty ones dropped, each a name. */
export const zNames = z
  .string()
  .transform((text) =>
    text
      .split(/[\n\r、，,；;]+/)
      .map((n) => n.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(zText(TERM_NAME_MAX))
      .min(1, "membersRequired")
      .max(TERM_MEMBERS_MAX, "tooManyMembers")
      .refine((names) => new Set(names).size === names.length, "duplicateMember"),
  );

const termYears = z.coerce.number("termYears").int("termYears").min(TERM_YEARS_MIN, "termYears").max(TERM_YEARS_MAX, "termYears");

/** What an election decides: the committee and its term, and the approval of the result. */
const termFields = {
  electedOn: zDay,
  termYears,
  secretaryName: name,
  /** The secretary's account, when they have one on the organization. */
  secretaryId: optionalId,
  members: zNames,
  approvedOn: optionalDay,
  approvalNote: zText(TERM_TEXT_MAX).optional().default(""),
  note: zText(TERM_TEXT_MAX).optional().default(""),
};

const approvalAfterElection = <T extends { electedOn: string; approvedOn?: string }>(v: T) => !v.approvedOn || v.approvedOn >= v.electedOn;

/**
 * An election on an organization: it opens a new term and ends the current
 * one. `currentTermId` is the current term the page showed (empty: none), so
 * that an election someone else recorded meanwhile is a conflict.
 */
export const ZRecordElection = z
  .object({ orgId: ZId, currentTermId: optionalId, ...termFields })
  .refine(approvalAfterElection, { message: "approvedBeforeElection", path: ["approvedOn"] });
export type TRecordElection = z.input<typeof ZRecordElection>;
export type TRecordElectionParsed = z.output<typeof ZRecordElection>;

/** A correction of a term as recorded (a typo): versioned, audited, and shown in the term's corrections. */
export const ZEditTerm = z
  .object({ termId: ZId, expectedVersion, ...termFields })
  .refine(approvalAfterElection, { message: "approvedBeforeElection", path: ["approvedOn"] });
export type TEditTerm = z.input<typeof ZEditTerm>;
export type TEditTermParsed = z.output<typeof ZEditTerm>;

/** 任职谈话: the level above talks with a newly appointed secretary. */
export const ZRecordTalk = z.object({
  orgId: ZId,
  appointeeName: name,
  talkedOn: zDay,
  talkedBy: zRequiredText(200),
  points: zRequiredText(TERM_TEXT_MAX),
});
export type TRecordTalk = z.input<typeof ZRecordTalk>;

/** 负责人调整: the organization's head changes, after consultation. */
export const ZRecordHeadChange = z.object({
  orgId: ZId,
  changedOn: zDay,
  previousName: zText(TERM_NAME_MAX).optional().default(""),
  newName: name,
  consultation: zRequiredText(TERM_TEXT_MAX),
});
export type TRecordHeadChange = z.input<typeof ZRecordHeadChange>;

/** The term ledger's filters (search params): an organization's subtree, a state. Bad values fall back to none. */
export const ZTermLedgerFilters = z.object({
  org: ZIdParam,
  state: z.enum(TERM_STATES).optional().catch(undefined),
});
export type TTermLedgerFilters = Partial<z.infer<typeof ZTermLedgerFilters>>;

const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** The talk and head-change ledgers' filters: an organization's subtree and a range of days (both ends included). */
export const ZRecordLedgerFilters = z.object({
  org: ZIdParam,
  from: dayParam,
  to: dayParam,
});
export type TRecordLedgerFilters = Partial<z.infer<typeof ZRecordLedgerFilters>>;

/** Paging, the print view and the organization search of any of the three ledgers. */
export const ZLedgerPaging = z.object({
  /** Finds organizations for the filter; not a filter of the ledger. */
  orgq: ZOrgSearchParam,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  print: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});
