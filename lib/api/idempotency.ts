import { createHash } from "node:crypto";
import { withTx, type Db, type DbTx } from "../db/client";
import { ConflictError, DomainError, ValidationError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { LIMITS } from "./limits";

// Idempotency-Key for agent POSTs, kept in Postgres so a retry reaching any instance replays.
//
// Exactly once: the request's work and the record of its answer commit in ONE transaction, so
// there is no moment when the work is stored and the key is not (a crash, kill -9 or database
// restart between two statements used to leave keys "in flight" and let a retry do the work
// twice). While a request runs, its key is held by a transaction-scoped advisory lock: a
// concurrent duplicate gets 409 at once, and the lock dies with the transaction — whatever
// kills it (rollback, a dead connection, a killed process) — so no key is ever left stuck.

export type StoredResponse = { status: number; body: unknown };
export type IdempotencyKey = { agentId: string; key: string; fingerprint: string };
export type Answer = StoredResponse & { replayed: boolean };

// The advisory-lock namespace for Idempotency-Keys (the two-int form keeps it apart from others).
// The hot path takes the same lock inside its one statement (lib/actions/commit-action-request.ts).
export const IDEMPOTENCY_LOCK_CLASS = 0x1de0;

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

/** The stored answer for a key, or null; 422 when the key was used with another body. */
export async function storedAnswer(db: DbTx, k: IdempotencyKey): Promise<Answer | null> {
  const rec = await db.idempotencyRecord.findUnique({ where: { agentId_key: { agentId: k.agentId, key: k.key } } });
  if (!rec) return null;
  return answerFor(k, rec);
}

/** A stored record as the answer to a request with this key: replayed, or 422 for another body. */
export function answerFor(k: IdempotencyKey, rec: { requestHash: string; responseCode: number; responseBody: unknown }): Answer {
  if (rec.requestHash !== k.fingerprint) {
    throw new DomainError("validation_failed", "This Idempotency-Key was already used with a different request body.", {
      fieldErrors: [{ path: "Idempotency-Key", message: "reused with a different body" }],
    });
  }
  return { status: rec.responseCode, body: rec.responseBody, replayed: true };
}

export class KeyInProgressError extends ConflictError {
  constructor() {
    super("A request with this Idempotency-Key is still in progress; retry shortly.", { retryAfterSeconds: 1 });
  }
}

/**
 * Runs `work` at most once per key: a retry of a finished request gets its stored answer
 * (replayed), a concurrent duplicate gets 409, and the work's writes and the stored answer
 * commit together. `work` must do all its writes through the handle it is given.
 */
export async function runOnce(db: Db, k: IdempotencyKey, work: (tx: DbTx) => Promise<StoredResponse>): Promise<Answer> {
  const done = await storedAnswer(db, k);
  if (done) return done;
  return withTx(
    db,
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}::int, hashtext(${k.agentId} || ':' || ${k.key})) AS locked`;
      if (!lock?.locked) throw new KeyInProgressError();
      // Finished between our first look and taking the lock.
      const meanwhile = await storedAnswer(tx, k);
      if (meanwhile) return meanwhile;
      const response = await work(tx);
      await tx.idempotencyRecord.create({
        data: {
          agentId: k.agentId,
          key: k.key,
          requestHash: k.fingerprint,
          responseCode: response.status,
          responseBody: response.body as Prisma.InputJsonValue,
        },
      });
      return { ...response, replayed: false };
    },
    { maxWait: 5_000, timeout: 30_000 },
  );
}

/**
 * Keeps a refusal (4xx) as the key's answer, so a retry is told the same. The refused work was
 * rolled back; if this insert is lost, the retry just runs and is refused again.
 */
export async function rememberRefusal(db: DbTx, k: IdempotencyKey, response: StoredResponse): Promise<void> {
  await db.$executeRaw`
    INSERT INTO idempotency_records (agent_id, key, request_hash, response_code, response_body, created_at)
    VALUES (${k.agentId}::uuid, ${k.key}, ${k.fingerprint}, ${response.status}, ${JSON.stringify(response.body)}::jsonb, now())
    ON CONFLICT (agent_id, key) DO NOTHING`;
}
