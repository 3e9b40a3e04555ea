import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/errors";
import { DomainError, STATUS_BY_CODE, fieldErrorsFromZod, type ErrorCode } from "../errors";
import { logger, metrics } from "../observability";

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  unauthenticated: "Unauthenticated",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal server error",
};

export function problemResponse(
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const status = STATUS_BY_CODE[code];
  const { retryAfterSeconds, ...rest } = extra;
  const h = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store", ...headers });
  if (typeof retryAfterSeconds === "number") h.set("retry-after", String(Math.ceil(retryAfterSeconds)));
  const body = { type: `https://warden.dev/problems/${code.replace(/_/g, "-")}`, title: TITLES[code], status, code, detail, ...rest };
  return new Response(JSON.stringify(body), { status, headers: h });
}

function isClientAbort(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string } | null;
  return !!e && (e.name === "AbortError" || e.code === "ECONNRESET" || e.message === "aborted");
}

/** The one place errors become HTTP responses. 5xx never carries internals. */
export function errorToResponse(err: unknown): Response {
  if (err instanceof DomainError) {
    return problemResponse(err.code, err.message, err.extra);
  }
  if (err instanceof ZodError) {
    return problemResponse("validation_failed", "The request does not match the expected shape.", {
      fieldErrors: fieldErrorsFromZod(err.issues),
    });
  }
  if (isClientAbort(err)) {
    // The client went away mid-request; nobody reads this answer and it is not our failure.
    return problemResponse("bad_request", "The request was aborted by the client.");
  }
  if (isDatabaseUnavailable(err)) {
    metrics.dbUnavailable.inc();
    logUnavailableOnce(err);
    return problemResponse("unavailable", "The database cannot be reached right now. Retry shortly; with the same Idempotency-Key a retry never applies twice.", {
      retryAfterSeconds: DB_RETRY_AFTER_SECONDS,
    });
  }
  logger.error({ err }, "unhandled error in request");
  return problemResponse("internal", "Something went wrong on our side. It has been logged.");
}

const DB_RETRY_AFTER_SECONDS = 2;
const UNAVAILABLE_LOG_EVERY_MS = 60_000;
const g = globalThis as unknown as { __wardenDbDownLog?: { at: number; suppressed: number } };

// An outage fails every request; one line a minute (with how many were answered 503 since)
// says so without burying the log in identical stack traces.
function logUnavailableOnce(err: unknown): void {
  const now = Date.now();
  const state = g.__wardenDbDownLog;
  if (state && now - state.at < UNAVAILABLE_LOG_EVERY_MS) {
    state.suppressed++;
    return;
  }
  const suppressed = state?.suppressed ?? 0;
  g.__wardenDbDownLog = { at: now, suppressed: 0 };
  logger.warn({ reason: err instanceof Error ? err.message.split("\n").pop()?.trim() : String(err), answered503Since: suppressed }, "database unreachable: answering 503");
}
