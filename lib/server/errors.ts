/**
 * The expected errors of the domain layer. Their `code` is safe to show
 * (through the message catalogs); anything else is logged and shown as a
 * generic failure with an id.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "validation" | "unauthenticated",
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

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated", "Sign-in required");
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
