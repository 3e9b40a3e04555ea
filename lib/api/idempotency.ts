import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { DbTx } from "../db/client";
import { ConflictError, DomainError, ValidationError } from "../errors";
import { LIMITS } from "./limits";

// Idempotency-Key for agent POSTs, kept in Postgres so retries hitting another instance replay
// too. A key is claimed (in_flight) before the work runs and completed with the response.

// A claim older than this is taken to belong to a request that died; a retry may take it over.
const STALE_CLAIM_MS = 2 * 60_000;

export type StoredResponse = { status: number; body: unknown };
export type Claim = { kind: "claimed" } | { kind: "replay"; response: StoredResponse };

export function requestFingerprint(method: string, path: string, rawBody: string): string {
  return createHash("sha256").update(`${method} ${path}\n${rawBody}`).digest("hex");
}

export function validateIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > LIMITS.idempotencyKeyLength || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ValidationError(`Idempotency-Key must be 1–${LIMITS.idempotencyKeyLength} printable ASCII characters.`, [
      { path: "Idempotency-Key", message: "invalid" },
    ]);
  }
}

export async function claimIdempotencyKey(db: DbTx, agentId: string, key: string, fingerprint: string, now = new Date()): Promise<Claim> {
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_records (agent_id, key, request_hash, status, created_at)
    VALUES (${agentId}::uuid, ${key}, ${fingerprint}, 'in_flight', ${now})
    ON CONFLICT (agent_id, key) DO NOTHING`;
  if (inserted === 1) return { kind: "claimed" };

  const rec = await db.idempotencyRecord.findUnique({ where: { agentId_key: { agentId, key } } });
  if (!rec) return claimIdempotencyKey(db, agentId, key, fingerprint, now); // expired in between
  if (rec.requestHash !== fingerprint) {
    throw new DomainError("validation_failed", "This Idempotency-Key was already used with a different request body.", {
      fieldErrors: [{ path: "Idempotency-Key", message: "reused with a different body" }],
    });
  }
  if (rec.status === "done") return { kind: "replay", response: { status: rec.responseCode!, body: rec.responseBody } };
  if (now.getTime() - rec.createdAt.getTime() > STALE_CLAIM_MS) {
    const taken = await db.idempotencyRecord.updateMany({
      where: { agentId, key, status: "in_flight", createdAt: rec.createdAt },
      data: { createdAt: now },
    });
    if (taken.count === 1) return { kind: "claimed" };
  }
  throw new ConflictError("A request with this Idempotency-Key is still in progress; retry shortly.", { retryAfterSeconds: 1 });
}

export async function completeIdempotencyKey(db: DbTx, agentId: string, key: string, response: StoredResponse): Promise<void> {
  await db.idempotencyRecord.update({
    where: { agentId_key: { agentId, key } },
    data: { status: "done", responseCode: response.status, responseBody: response.body as Prisma.InputJsonValue, completedAt: new Date() },
  });
}

/** Server errors are not remembered: the retry should run again. */
export async function releaseIdempotencyKey(db: DbTx, agentId: string, key: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { agentId, key, status: "in_flight" } });
}

export async function purgeExpiredIdempotencyKeys(db: DbTx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LIMITS.idempotencyRetentionHours * 3600_000);
  return db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: cutoff } } }).then((r) => r.count);
}
