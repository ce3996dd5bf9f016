import { z } from "zod";

// Shared pieces of the zod schemas: free text, ids and search words. Every
// message is a key under `validation` (and the few namespaces that repeat it).

/** The message of text that PostgreSQL cannot store as it was typed. */
export const UNSTORABLE_TEXT = "unstorableText";

// A NUL character, which PostgreSQL refuses in text and JSON, and half a
// surrogate pair, which the driver would store as "�" instead.
const UNSTORABLE = /\u0000|\p{Cs}/u;

export function hasUnstorableText(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** Text from a form or a file: trimmed, at most `max` characters, storable. */
export function zText(max: number) {
  return z
    .string()
    .trim()
    .max(max, "tooLong")
    .refine((value) => !hasUnstorableText(value), UNSTORABLE_TEXT);
}

/** Like zText, and not empty. */
export function zRequiredText(max: number) {
  return zText(max).min(1, "required");
}

/** The message of an id that cannot name a record; actions answer it as "not found" (lib/server/action.ts). */
export const MALFORMED_ID = "malformedId";

/**
 * The ids the database holds: Prisma's cuid() and newId() (25 lowercase
 * letters and digits) and the fixed keys migrations seed ("fcat-theory").
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** A record's id in an action's input: empty is "required", anything else not shaped like an id is MALFORMED_ID. */
export const ZId = z
  .string()
  .refine((value) => value === "" || isId(value), MALFORMED_ID)
  .refine((value) => value !== "", "required");

/** An id in a page's search params (a filter): a malformed one is ignored, like an unknown one. */
export const ZIdParam = z
  .string()
  .trim()
  .refine(isId)
  .optional()
  .catch(undefined);

/**
 * Search words in a page's search params: trimmed and cut to `max`, none
 * when empty. Unstorable text is refused (UNSTORABLE_TEXT), so that the page
 * can say so at its search box; readSearchParams then drops it.
 */
export function zSearchWords(max: number) {
  return z.preprocess(
    // A repeated parameter (?q=a&q=b) is no search.
    (value) => (typeof value === "string" ? value : undefined),
    z
      .string()
      .trim()
      .refine((value) => !hasUnstorableText(value), UNSTORABLE_TEXT)
      .transform((value) => [...value].slice(0, max).join("") || undefined)
      .optional(),
  );
}

/** A search box's words as they can be shown again: without what could not be searched. */
export function storableText(value: unknown): string {
  return typeof value === "string" ? value.replace(new RegExp(UNSTORABLE.source, "gu"), "") : "";
}
