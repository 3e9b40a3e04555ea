import { ZodError } from "zod";
import { DomainError, STATUS_BY_CODE, fieldErrorsFromZod, type ErrorCode } from "../errors";

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  unauthenticated: "Unauthenticated",
  forbidden: "Forbidden",
  not_found: "Not found",
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
  console.error("unhandled error in request", err);
  return problemResponse("internal", "Something went wrong on our side. It has been logged.");
}
