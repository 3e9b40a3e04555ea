// One error family for the whole domain. Domain code throws these; lib/http/problem.ts is the
// only place that turns them into HTTP responses (RFC 9457 problem+json).

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fieldErrors?: FieldError[]; retryAfterSeconds?: number; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super("bad_request", message);
  }
}
export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors: FieldError[] = []) {
    super("validation_failed", message, { fieldErrors });
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = "Authentication required.") {
    super("unauthenticated", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not_found", `${what} not found.`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super("conflict", message, extra);
  }
}
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message, { retryAfterSeconds });
  }
}
export class UnavailableError extends DomainError {
  constructor(message: string, retryAfterSeconds?: number) {
    super("unavailable", message, { retryAfterSeconds });
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** zod issues → field errors with dotted paths ("payload.amount", "spans.3.name"). */
export function fieldErrorsFromZod(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}
