"use client";

import { useTranslations } from "next-intl";

/** Where the codes of refusals live, most general first: a code means the same wherever it is read. */
const NAMESPACES = ["validation", "inspections.errors", "itemErrors"] as const;

/** The namespaces whose words for refusal codes come first, in order (a form's own wording, its target's). */
export type MessageNamespaces = string | readonly string[];

/** What a refusal's words may mention: `max` for a field's limit, or a form's own limits by name. */
export type MessageValues = Record<string, string | number | undefined>;

/**
 * The user's words for a refusal code from a zod schema or a domain error
 * ("required", "notInUnit"), or undefined for a code no catalog has. A
 * form's own namespaces (`first`) may word a code for its own fields.
 */
export function useCodeMessage(first?: MessageNamespaces): (code: string, values?: MessageValues) => string | undefined {
  const t = useTranslations();
  const own = first === undefined ? [] : typeof first === "string" ? [first] : first;
  return (code, values) => {
    const key = [...own, ...NAMESPACES].map((ns) => `${ns}.${code}`).find((k) => t.has(k));
    if (!key) return undefined;
    const defined = Object.fromEntries(Object.entries(values ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
    return t(key, { max: 0, ...defined });
  };
}
