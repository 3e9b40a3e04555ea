import { LIMITS } from "../api/limits";

// OTLP's own limits. The body as sent is capped by LIMITS.maxBodyBytes like every agent API call;
// these bound what a compressed body may expand to and how many spans one export may carry.

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

export const OTLP_LIMITS = {
  /** A gzip body after decompression, bytes (413 above; a gzip bomb stops here, not in memory). */
  maxDecodedBytes: envInt("WARDEN_OTLP_MAX_DECODED_BYTES", 8 * LIMITS.maxBodyBytes),
  /** Spans in one export request (413 above). SDK batch processors send 512 by default. */
  maxSpansPerRequest: envInt("WARDEN_OTLP_MAX_SPANS_PER_REQUEST", 5 * LIMITS.maxSpansPerBatch),
  /** Span events kept per span (in attributes["otel.events"]). */
  maxEventsPerSpan: 32,
  /** Rejection reasons quoted in partialSuccess.errorMessage. */
  maxErrorMessages: 5,
} as const;
