// The agent API's explicit limits: one place, used by the schemas, the handlers, the OpenAPI
// document and the README. Environment variables override the defaults per deployment.

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

export const LIMITS = {
  /** Request body, bytes (413 above). */
  maxBodyBytes: envInt("WARDEN_MAX_BODY_BYTES", 1024 * 1024),
  /** Spans in one POST /runs/{id}/spans batch (422 above). */
  maxSpansPerBatch: envInt("WARDEN_MAX_SPANS_PER_BATCH", 1000),
  /** Requests per API key per minute, counted in Postgres across instances (429 above). */
  requestsPerMinute: envInt("WARDEN_RATE_LIMIT_PER_MINUTE", 6000),
  /** Requests with a missing or wrong key, per client address per minute (429 above, instead of 401). */
  unauthenticatedPerMinute: envInt("WARDEN_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE", 60),
  /** Longest long-poll, seconds. */
  maxWaitSeconds: 60,
  /** Identifier-like strings (names, ids, models). */
  shortString: 200,
  /** Free text (rationale, error messages). */
  longString: 10_000,
  /** Idempotency-Key header length. */
  idempotencyKeyLength: 200,
  /** How long an Idempotency-Key is remembered, hours. */
  idempotencyRetentionHours: 24,
} as const;
