import { z } from "zod";
import { isId, ZId, ZIdParam, zRequiredText, zSearchWords, zText } from "@/lib/validation/text";

export const ITEM_STATUS_FILTERS = ["open", "NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "DONE", "overdue", "delegated", "WITHDRAWN"] as const;
export const DUTY_KINDS = ["MAIN", "ASSISTING", "SUPERVISORY", "IMPLEMENTING"] as const;

export const WARNING_FILTERS = ["red", "yellow", "green"] as const;

export const SEARCH_MAX = 100;

/** Words of an organization's name or code (or a person's name), to find it for a filter that lists too many to show (OrgFilter). */
export const ZOrgSearchParam = zSearchWords(SEARCH_MAX).catch(undefined);

/**
 * The filters of a checklist page, read from its search params with
 * readSearchParams: bad values fall back to none; search words that cannot
 * be searched are refused, for the search box to say so.
 */
export const ZChecklistFilters = z.object({
  status: z.enum(ITEM_STATUS_FILTERS).optional().catch(undefined),
  /** The three-colour warning (lib/warnings.ts). */
  warning: z.enum(WARNING_FILTERS).optional().catch(undefined),
  kind: z.enum(DUTY_KINDS).optional().catch(undefined),
  org: ZIdParam,
  orgq: ZOrgSearchParam,
  /** The item's owner: a user id, or "mine" for the signed-in user. */
  owner: z.union([z.literal("mine"), z.string().trim().refine(isId)]).optional().catch(undefined),
  /** Words of an owner's name or user name, to find them for the owner filter when there are too many to list. */
  ownerq: ZOrgSearchParam,
  /** A period id; none means the current period. */
  period: ZIdParam,
  /** Words in the duty's title (Chinese or English), matched ignoring case. */
  q: zSearchWords(SEARCH_MAX),
  /** "all": the whole of the user's scope on 我的职责, rather than the subtree of the organization they act in (lib/server/auth/acting-org.ts). */
  scope: z.literal("all").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type TChecklistFilters = z.infer<typeof ZChecklistFilters>;

/** The filters as search params (without the page), to carry them on links: paging, export. */
export function checklistFilterParams(filters: Omit<TChecklistFilters, "page">): Record<string, string | undefined> {
  return {
    status: filters.status,
    warning: filters.warning,
    kind: filters.kind,
    org: filters.org,
    owner: filters.owner,
    period: filters.period,
    q: filters.q,
    scope: filters.scope,
  };
}

type Filters = Omit<TChecklistFilters, "page" | "period" | "scope" | "orgq" | "ownerq">;

/** Each active filter in words, in a fixed order, by the namer given for it; a value no namer knows is left out. */
export function describeFilters(filters: Filters, name: { [K in keyof Filters]-?: (value: NonNullable<Filters[K]>) => string | undefined }): string[] {
  const order = ["warning", "status", "kind", "org", "owner", "q"] as const;
  return order.flatMap((key) => {
    const value = filters[key];
    if (value === undefined) return [];
    const words = (name[key] as (v: typeof value) => string | undefined)(value);
    return words ? [words] : [];
  });
}

/** Whether any filter narrows the list (the period is a choice of list, not a filter). */
export function isFiltered(filters: Omit<TChecklistFilters, "page">): boolean {
  return Boolean(filters.status || filters.warning || filters.kind || filters.org || filters.owner || filters.q);
}

/** How many filters narrow the list: the count on the phone's filter button. */
export function countFilters(filters: Omit<TChecklistFilters, "page">): number {
  return [filters.status, filters.warning, filters.kind, filters.org, filters.owner, filters.q].filter(Boolean).length;
}

export const NOTE_MAX = 2000;

const itemId = ZId;
const expectedVersion = z.number().int().min(1);

/** One step on an item that needs nothing but the version the user saw. */
export const ZItemStep = z.object({ itemId, expectedVersion });
export type TItemStep = z.infer<typeof ZItemStep>;

/** Saving progress, or submitting, with the note on what was done. */
export const ZSubmitItem = z.object({
  itemId,
  expectedVersion,
  note: zText(NOTE_MAX).optional().default(""),
});
export type TSubmitItem = z.input<typeof ZSubmitItem>;

export const ZRequestNotApplicable = z.object({
  itemId,
  expectedVersion,
  reason: zRequiredText(NOTE_MAX),
});
export type TRequestNotApplicable = z.input<typeof ZRequestNotApplicable>;

/** Approving takes an optional comment; returning needs one, so the unit knows what to fix. */
export const ZApproveItem = z.object({ itemId, expectedVersion, comment: zText(NOTE_MAX).optional().default("") });
export type TApproveItem = z.input<typeof ZApproveItem>;
// Returning needs a comment, so that the unit knows what to fix.
export const ZReturnItem = z.object({ itemId, expectedVersion, comment: zText(NOTE_MAX).min(1, "returnNeedsComment") });
export type TReturnItem = z.input<typeof ZReturnItem>;

export const APPROVE_MANY_MAX = 100;
/** Approving a selection at once, with one optional comment recorded on every item approved. */
export const ZApproveMany = z.object({
  items: z.array(ZItemStep).min(1, "pickItems").max(APPROVE_MANY_MAX),
  comment: z.string().trim().max(NOTE_MAX, "tooLong").optional().default(""),
});
export type TApproveMany = z.input<typeof ZApproveMany>;

export const PROGRESS_SORTS = ["name", "rate", "overdue", "total"] as const;

export const ZProgressQuery = z.object({
  org: ZIdParam,
  period: ZIdParam,
  sort: z.enum(PROGRESS_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type TProgressQuery = z.infer<typeof ZProgressQuery>;

/** A delegation target as the form sends it: "org:<id>" or "user:<id>". */
export const ZDelegateItem = z.object({
  itemId,
  expectedVersion,
  target: z.string().regex(/^(org|user):[a-z0-9]{1,40}$/i, "required"),
});

export type TDelegateItem = z.infer<typeof ZDelegateItem>;

/** A search among whom an item can be handed to. */
export const ZFindDelegationTargets = z.object({ itemId, q: zText(64) });
