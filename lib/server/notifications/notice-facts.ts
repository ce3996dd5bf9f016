import type { Prisma } from "@/lib/generated/prisma/client";

// No "server-only" here: the notify command (scripts/notify.ts) runs outside Next.js.

/** What a notice says beyond its kind: the reviewer's comment on a return, the due date of a warning. */
export type NoticeFacts = { comment: string | null; dueDate: string | null };

/** Reads a notice's payload; anything unexpected in it reads as absent. */
export function noticeFacts(payload: Prisma.JsonValue | null): NoticeFacts {
  const record: Prisma.JsonObject = payload && typeof payload === "object" && !Array.isArray(payload) ? payload : {};
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
  return { comment: text(record.comment), dueDate: text(record.dueDate) };
}
