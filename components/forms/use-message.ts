"use client";

import { useTranslations } from "next-intl";

/** Where the codes of refusals live, most general first: a code means the same wherever it is read. */
const NAMESPACES = ["validation", "inspections.errors", "itemErrors"] as const;

/**
 * The user's words for a refusal code from a zod schema or a domain error
 * ("required", "notInUnit"), or undefined for a code no catalog has. A
 * form's own namespace (`first`) may word a code for its own fields.
 */
export function useCodeMessage(first?: string): (code: string, values?: { max?: number }) => string | undefined {
  const t = useTranslations();
  return (code, values) => {
    const key = [...(first ? [first] : []), ...NAMESPACES].map((ns) => `${ns}.${code}`).find((k) => t.has(k));
    return key ? t(key, { max: values?.max ?? 0 }) : undefined;
  };
}
