import type { FieldError, Problem } from "./types";

/** Base of every error the SDK throws. */
export class WardenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Warden answered with a definitive error (a 4xx that retrying cannot fix). */
export class WardenApiError extends WardenError {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  readonly fieldErrors: FieldError[];

  constructor(problem: Problem) {
    const fields = problem.fieldErrors?.length ? ` (${problem.fieldErrors.map((f) => `${f.path}: ${f.message}`).join("; ")})` : "";
    super(`Warden ${problem.status} ${problem.code}: ${problem.detail}${fields}`);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    this.fieldErrors = problem.fieldErrors ?? [];
  }
}

/**
 * Warden could not be reached or gave no usable answer after every retry: network errors,
 * timeouts, 5xx, 429 and in-flight conflicts that outlasted the retry budget.
 */
export class WardenUnavailableError extends WardenError {
  readonly attempts: number;
  /** The last HTTP status, when the last attempt got a response at all. */
  readonly status?: number;
  readonly problem?: Problem;
  /** What the server asked for in Retry-After, when it did. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    details: { attempts: number; status?: number; problem?: Problem; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.attempts = details.attempts;
    this.status = details.status;
    this.problem = details.problem;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The caller's AbortSignal ended the call; nothing was retried. */
export class WardenAbortedError extends WardenError {}
