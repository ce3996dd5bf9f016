import "server-only";
import crypto from "node:crypto";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize, type Target } from "@/lib/server/access/authorize";
import type { EntryKey } from "@/lib/server/access/registry";
import { getActor, type Actor } from "@/lib/server/auth/actor";
import { ConflictError, DomainError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { MALFORMED_ID } from "@/lib/validation/text";

export type ActionErrorCode = "not_found" | "forbidden" | "conflict" | "validation" | "unauthenticated" | "password_change_required" | "internal";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ActionErrorCode;
      fieldErrors?: Record<string, string[]>;
      /** With "conflict": the record as it stands now. */
      current?: unknown;
      /** With "internal": the id under which the failure was logged. */
      errorId?: string;
    };

/**
 * The one wrapper for server actions: parses the input with the same zod
 * schema as the form, applies the registry's rule for `key` to the signed-in
 * user and the record the input names, runs the handler, and maps errors to
 * small plain results. Unexpected errors are logged with an id and never
 * reach the browser.
 */
export function defineAction<S extends z.ZodType, T>(
  key: EntryKey,
  schema: S,
  target: (input: z.output<S>) => Target,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return runAction(key, schema, target, async (actor, input) => {
    if (!actor) throw new UnauthenticatedError();
    return handler(actor, input);
  });
}

/** For actions whose rule is public: the handler gets the actor when there is one. */
export function definePublicAction<S extends z.ZodType, T>(
  key: EntryKey,
  schema: S,
  handler: (actor: Actor | null, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return runAction(key, schema, () => undefined, handler);
}

function runAction<S extends z.ZodType, T>(
  key: EntryKey,
  schema: S,
  target: (input: z.output<S>) => Target,
  handler: (actor: Actor | null, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const parsed = parseInput(schema, raw);
      if (!parsed.ok) return parsed;
      const actor = await authorize(await getActor(), key, target(parsed.data));
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (error) {
      return failureOf(key, error);
    }
  };
}

export type ActionFailure = Exclude<ActionResult<never>, { ok: true }>;

/**
 * Parses an input with its zod schema; a failure lists the messages by field
 * path. An id that cannot name any record reads as one that names nothing.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | ActionFailure {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  if (hasMalformedId(parsed.error.issues)) return { ok: false, error: "not_found" };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, error: "validation", fieldErrors };
}

function hasMalformedId(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.some((issue) => issue.message === MALFORMED_ID || (issue.code === "invalid_union" && issue.errors.some(hasMalformedId)));
}

/** An error as the browser may see it: domain errors by code, anything else logged under an id. */
export function failureOf(key: EntryKey, error: unknown): ActionFailure {
  if (error instanceof ConflictError) return { ok: false, error: "conflict", current: error.current };
  if (error instanceof ValidationError) return { ok: false, error: "validation", fieldErrors: error.fieldErrors };
  if (error instanceof DomainError) return { ok: false, error: error.code };
  const errorId = crypto.randomUUID().slice(0, 8);
  console.error(`[${key}] error ${errorId}`, error);
  return { ok: false, error: "internal", errorId };
}

/** A handler that refreshes every page after its step, since a step shows in lists, counts and the header alike. */
export function refreshingAll<I, T>(step: (actor: Actor, input: I) => Promise<T>): (actor: Actor, input: I) => Promise<T | null> {
  return async (actor, input) => {
    const result = await step(actor, input);
    revalidatePath("/", "layout");
    return result ?? null;
  };
}
