import type { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** What a list page makes of its search params: the filters to apply, and a message key per refused one. */
export type ReadSearchParams<T> = { values: T; errors: Partial<Record<keyof T & string, string>> };

/**
 * Reads a list page's search params with its schema, never throwing: a value
 * the schema refuses is left out (the filter falls back to none) and its
 * message is kept, so that the page can show it at the field. The schema's
 * fields must each have a fallback (optional, default or catch).
 */
export function readSearchParams<S extends z.ZodObject>(schema: S, raw: SearchParams): ReadSearchParams<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  const rest: SearchParams = { ...raw };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    errors[key] ??= issue.message;
    delete rest[key];
  }
  return { values: schema.parse(rest), errors: errors as ReadSearchParams<z.output<S>>["errors"] };
}
