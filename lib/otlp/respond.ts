import { ZodError } from "zod";
import { BadRequestError, DomainError, UnavailableError } from "../errors";
import { encodeTraceResponse } from "./protobuf";
import type { OtlpFormat } from "./read-body";

/** Seconds an exporter is asked to wait after a failure on our side. */
const RETRY_AFTER_SECONDS = 5;

/**
 * ExportTraceServiceResponse in the request's encoding: `{}` when everything was accepted, else
 * `partialSuccess` with the rejected count (a partial success is final: exporters do not retry it).
 */
export function otlpResponse(format: OtlpFormat, result: { rejectedSpans: number; errorMessage?: string }): Response {
  const partial = result.rejectedSpans > 0 ? { rejectedSpans: result.rejectedSpans, errorMessage: result.errorMessage ?? "" } : undefined;
  const headers = { "cache-control": "no-store" };
  if (format === "protobuf") {
    const body = encodeTraceResponse(partial);
    return new Response(body.byteLength ? Buffer.from(body) : null, { status: 200, headers: { ...headers, "content-type": "application/x-protobuf" } });
  }
  return Response.json(partial ? { partialSuccess: partial } : {}, { status: 200, headers });
}

/**
 * OTLP's reading of errors: malformed input is 400 (never retried), so a schema failure is 400 here
 * rather than 422; anything unexpected is 503 with Retry-After, because exporters retry only
 * 429/502/503/504 and ingestion is idempotent, so a retry is safe and a 500 would lose the spans.
 */
export function toOtlpError(err: unknown): unknown {
  if (err instanceof DomainError) return err.code === "validation_failed" ? new BadRequestError(err.message) : err;
  if (err instanceof ZodError) return new BadRequestError("The request does not match the OTLP trace export shape.");
  console.error("OTLP trace ingestion failed", err);
  return new UnavailableError("The spans could not be stored right now; retry later.", RETRY_AFTER_SECONDS);
}
