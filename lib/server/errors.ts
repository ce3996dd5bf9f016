import { isId } from "@/lib/validation/text";

/**
 * The expected errors of the domain layer. Their `code` is safe to show
 * (through the message catalogs); anything else is logged and shown as a
 * generic failure with an id.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "validation" | "unauthenticated" | "password_change_required",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "Not found") {
    super("not_found", message);
  }
}

/**
 * For ids from a URL or a request: one that cannot name any record is not
 * found, like one that names nothing, before any query (PostgreSQL would
 * refuse a NUL in it with an error).
 */
export function assertId(id: string): void {
  if (!isId(id)) throw new NotFoundError();
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated", "Sign-in required");
  }
}

/** A user whose password was reset must set their own before anything else (lib/server/access/authorize.ts). */
export class PasswordChangeRequiredError extends DomainError {
  constructor() {
    super("password_change_required", "The user must set their own password first");
  }
}

export class ConflictError<TCurrent = unknown> extends DomainError {
  constructor(
    message: string,
    readonly current: TCurrent,
  ) {
    super("conflict", message);
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super("validation", message);
  }
}
