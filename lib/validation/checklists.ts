import { z } from "zod";

export const ITEM_STATUS_FILTERS = ["open", "NOT_STARTED", "IN_PROGRESS", "DONE", "overdue", "delegated", "WITHDRAWN"] as const;
export const DUTY_KINDS = ["MAIN", "ASSISTING", "SUPERVISORY", "IMPLEMENTING"] as const;

const optionalId = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i)
  .optional()
  .catch(undefined);

/** The filters of a checklist page, read from its search params; bad values fall back to none. */
export const ZChecklistFilters = z.object({
  status: z.enum(ITEM_STATUS_FILTERS).optional().catch(undefined),
  kind: z.enum(DUTY_KINDS).optional().catch(undefined),
  org: optionalId,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type TChecklistFilters = z.infer<typeof ZChecklistFilters>;

export const NOTE_MAX = 2000;

export const ZCompleteItem = z.object({
  itemId: z.string().min(1).max(40),
  expectedVersion: z.number().int().min(1),
  note: z.string().trim().max(NOTE_MAX, "tooLong").optional().default(""),
});

export type TCompleteItem = z.input<typeof ZCompleteItem>;

export const ZReopenItem = z.object({
  itemId: z.string().min(1).max(40),
  expectedVersion: z.number().int().min(1),
});

export type TReopenItem = z.infer<typeof ZReopenItem>;

export const PROGRESS_SORTS = ["name", "rate", "overdue", "total"] as const;

export const ZProgressQuery = z.object({
  org: optionalId,
  sort: z.enum(PROGRESS_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type TProgressQuery = z.infer<typeof ZProgressQuery>;

/** A delegation target as the form sends it: "org:<id>" or "user:<id>". */
export const ZDelegateItem = z.object({
  itemId: z.string().min(1).max(40),
  expectedVersion: z.number().int().min(1),
  target: z.string().regex(/^(org|user):[a-z0-9]{1,40}$/i, "required"),
});

export type TDelegateItem = z.infer<typeof ZDelegateItem>;
