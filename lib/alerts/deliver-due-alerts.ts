import { randomUUID } from "node:crypto";
import type { DbTx } from "../db/client";
import { logger } from "../observability";
import { renderBody, retryDelayMs, signatureHeaders, type AlertEvent } from "./webhook";

// The delivery job, run by every instance (lib/jobs). A batch of due deliveries is claimed in one
// statement with FOR UPDATE SKIP LOCKED, so two instances never take the same row; the claim
// moves next_attempt_at one lease ahead, so the HTTP calls happen outside any transaction and a
// delivery whose instance died is simply due again when the lease lapses (at least once; the
// webhook-id lets receivers drop a duplicate). Each attempt is logged; a failure is retried with
// exponential backoff until MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 10;
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

export type DeliveryOptions = {
  now?: () => Date;
  batch?: number;
  /** First retry delay; doubles each attempt (WARDEN_ALERT_RETRY_BASE_MS, default 10 s). */
  retryBaseMs?: number;
  timeoutMs?: number;
  /** Only these deliveries (the "send test" button delivers its own at once). */
  onlyIds?: string[];
};

type Claimed = {
  id: string;
  attempts: number;
  payload: AlertEvent;
  url: string;
  secret: string;
  format: string;
};

function retryBase(o: DeliveryOptions): number {
  return o.retryBaseMs ?? (Number(process.env.WARDEN_ALERT_RETRY_BASE_MS) || 10_000);
}

/** Delivers what is due now; returns how many were sent, retried later and given up. */
export async function deliverDueAlerts(db: DbTx, o: DeliveryOptions = {}): Promise<{ delivered: number; retrying: number; failed: number }> {
  const now = o.now ?? (() => new Date());
  const token = randomUUID();
  const start = now();
  const only = o.onlyIds ?? null;
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM alert_deliveries d JOIN alert_channels c ON c.id = d.channel_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= ${start} AND c.enabled
        AND (${only}::uuid[] IS NULL OR d.id = ANY (${only}::uuid[]))
      ORDER BY d.next_attempt_at
      LIMIT ${o.batch ?? 20}
      FOR UPDATE OF d SKIP LOCKED
    ), claimed AS (
      UPDATE alert_deliveries d SET claim_token = ${token}::uuid, attempts = d.attempts + 1,
                                    next_attempt_at = ${new Date(start.getTime() + LEASE_MS)}
      FROM due WHERE d.id = due.id
      RETURNING d.id, d.attempts, d.payload, d.channel_id
    )
    SELECT claimed.id::text, claimed.attempts, claimed.payload, c.url, c.secret, c.format
    FROM claimed JOIN alert_channels c ON c.id = claimed.channel_id`;
  const results = await Promise.all(claimed.map((d) => attempt(db, d, token, now, o)));
  return {
    delivered: results.filter((r) => r === "delivered").length,
    retrying: results.filter((r) => r === "retrying").length,
    failed: results.filter((r) => r === "failed").length,
  };
}

async function attempt(db: DbTx, d: Claimed, token: string, now: () => Date, o: DeliveryOptions): Promise<"delivered" | "retrying" | "failed"> {
  // The signature's timestamp is the wall clock whatever `now` says: receivers reject signatures
  // more than a few minutes off their own clock.
  const sentAt = new Date();
  const body = renderBody(d.format, d.payload, process.env.NEXTAUTH_URL ?? null);
  let statusCode: number | null = null;
  let error: string | null = null;
  const t0 = performance.now();
  try {
    const res = await fetch(d.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Warden-Alerts/1", ...signatureHeaders(d.secret, d.id, body, sentAt) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS),
    });
    statusCode = res.status;
    const text = await res.text().catch(() => "");
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  } catch (err) {
    error = err instanceof Error ? (err.name === "TimeoutError" ? "timed out" : `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ""}`) : String(err);
  }
  const durationMs = Math.round(performance.now() - t0);
  const ok = error === null;
  const gaveUp = !ok && d.attempts >= MAX_ATTEMPTS;
  const next = ok || gaveUp ? null : new Date(now().getTime() + retryDelayMs(d.attempts, retryBase(o)));
  const outcome = ok ? "delivered" : gaveUp ? "failed" : "retrying";
  try {
    await db.$executeRaw`
      WITH log AS (
        INSERT INTO alert_delivery_attempts (delivery_id, attempt, status_code, error, duration_ms, at)
        VALUES (${d.id}::uuid, ${d.attempts}, ${statusCode}, ${error}, ${durationMs}, ${sentAt})
      )
      UPDATE alert_deliveries SET
        status = ${ok ? "delivered" : gaveUp ? "failed" : "pending"},
        delivered_at = ${ok ? now() : null},
        last_error = ${error},
        next_attempt_at = COALESCE(${next}, next_attempt_at),
        claim_token = NULL
      WHERE id = ${d.id}::uuid AND claim_token = ${token}::uuid`;
  } catch (err) {
    // The attempt happened; if its record cannot be written the lease lapses and it is retried.
    logger.warn({ err, deliveryId: d.id }, "could not record an alert delivery attempt");
  }
  if (!ok) logger.info({ deliveryId: d.id, attempt: d.attempts, error, outcome }, "alert delivery failed");
  return outcome;
}
