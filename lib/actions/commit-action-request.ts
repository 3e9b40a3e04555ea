import { IDEMPOTENCY_LOCK_CLASS, type IdempotencyKey } from "../api/idempotency";
import { rateWindowStart } from "../api/rate-limit";
import { hashShardKeySql, pickShardSql, EVIDENCE_SHARDS } from "../autonomy/bump-evidence";
import type { DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { preparedQuery } from "../db/prepared-query";
import { GLOBAL_KILL_SWITCH } from "../switches";
import type { ActionRoute, ActionStatus } from "../generated/prisma/client";

// Asking before acting, recorded in ONE statement (one round trip, one commit): the hot path of
// every agent (docs/architecture.md#one-request-step-by-step-post-apiv1actions).
//
// The decision was made in code from context that may come from this instance's caches (the key,
// the action type, the switches). The statement first proves that context still holds — the key
// is not revoked, the agent is not disabled and its kill switch is as assumed, the global switch
// is as assumed, the action type is still at the version decided on (every change bumps it), the
// run is in the state assumed — and only then inserts the action with its evidence counter, its
// audit event and, with an Idempotency-Key, its stored answer. It also counts the request against
// the key's rate limit and takes the key's advisory lock, exactly as lib/api/rate-limit.ts and
// lib/api/idempotency.ts do on the other endpoints. If anything assumed is out of date, nothing is
// written and the caller decides again from fresh context.

export type Assumed = {
  keyId: string;
  agentId: string;
  agentKillSwitch: boolean;
  globalKillSwitch: boolean;
  /** The type and its version; a null version registers the type (first sight) with this id. */
  type: { id: string; key: string; version: number | null };
  run: { id: string; halted: boolean } | null;
};

export type PlannedAction = {
  id: string;
  runId: string | null;
  proposedPayload: unknown;
  rationale: string | null;
  confidence: number | null;
  subject: string | null;
  level: number;
  route: ActionRoute;
  reason: string;
  status: ActionStatus;
  auditSampled: boolean;
  decidedAt: Date | null;
  dueAt: Date | null;
  createdAt: Date;
  audit: unknown;
};

export type Bookkeeping = {
  /** Count this request against the key's limit (not again on a second attempt). */
  rateLimit: { perMinute: number } | null;
  idempotency: { key: IdempotencyKey; response: { status: number; body: unknown } } | null;
};

export type CommitOutcome =
  | { kind: "recorded" }
  | { kind: "stale"; what: ("key" | "global" | "type" | "run")[] }
  | { kind: "rate_limited" }
  | { kind: "key_in_progress" }
  /** Another request with the same key finished in between: decide again to replay its answer. */
  | { kind: "raced" }
  | { kind: "key_used"; record: { requestHash: string; responseCode: number; responseBody: unknown } };

const SQL = `
WITH
  rl AS (
    INSERT INTO rate_limit_windows (key_id, window_start, count)
    SELECT $1::uuid::text, $2::timestamptz, 1 WHERE $3::int IS NOT NULL
    ON CONFLICT (key_id, window_start) DO UPDATE SET count = rate_limit_windows.count + 1
    RETURNING count
  ),
  idem AS (
    SELECT CASE WHEN $28::text IS NULL THEN true
                ELSE pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}, hashtext($4::uuid::text || ':' || $28::text)) END AS locked,
           (SELECT json_build_object('requestHash', r.request_hash, 'responseCode', r.response_code, 'responseBody', r.response_body)
              FROM idempotency_records r WHERE $28::text IS NOT NULL AND r.agent_id = $4::uuid AND r.key = $28) AS prev
  ),
  nt AS (
    INSERT INTO action_types (id, key, level, updated_at)
    SELECT $7::uuid, $9, 3, $24::timestamptz WHERE $8::int IS NULL
    ON CONFLICT (key) DO NOTHING
    RETURNING id
  ),
  ctx AS MATERIALIZED (
    SELECT
      coalesce((SELECT k.revoked_at IS NULL AND a.status <> 'disabled' AND a.kill_switch = $5
                  FROM api_keys k JOIN agents a ON a.id = k.agent_id WHERE k.id = $1::uuid AND a.id = $4::uuid), false) AS key_ok,
      coalesce((SELECT value = 'true'::jsonb FROM settings WHERE key = '${GLOBAL_KILL_SWITCH}'), false) = $6 AS global_ok,
      CASE WHEN $8::int IS NULL THEN EXISTS (SELECT 1 FROM nt)
           ELSE EXISTS (SELECT 1 FROM action_types WHERE id = $7::uuid AND version = $8::int) END AS type_ok,
      $10::uuid IS NULL OR EXISTS (SELECT 1 FROM runs WHERE id = $10::uuid AND agent_id = $4::uuid AND (status = 'halted') = $11) AS run_ok,
      coalesce((SELECT count FROM rl), 0) AS rate_count
  ),
  gate AS (
    SELECT ctx.*, idem.locked, idem.prev,
           ctx.key_ok AND ctx.global_ok AND ctx.type_ok AND ctx.run_ok
             AND ($3::int IS NULL OR ctx.rate_count <= $3::int) AND idem.locked AND idem.prev IS NULL AS go
    FROM ctx, idem
  ),
  ins AS (
    INSERT INTO actions (id, agent_id, run_id, action_type_id, proposed_payload, rationale, confidence, subject_key,
                         level_at_request, route, route_reason, status, audit_sampled, decided_at, due_at, created_at, updated_at)
    SELECT $12::uuid, $4::uuid, $10::uuid, $7::uuid, $13::jsonb, $14, $15::float8, $16, $17::int, $18::"ActionRoute", $19,
           $20::"ActionStatus", $21::bool, $22::timestamptz, $23::timestamptz, $24::timestamptz, $24::timestamptz
    FROM gate WHERE gate.go
    RETURNING id
  ),
  shard AS (
    SELECT ${pickShardSql("$27")} AS shard
    FROM (SELECT ${hashShardKeySql("$7", "$26")} AS k) h
    WHERE EXISTS (SELECT 1 FROM ins)
  ),
  ev AS (
    INSERT INTO evidence_daily (action_type_id, day, shard, requests)
    SELECT $7::uuid, $26::date, shard.shard, 1 FROM shard
    ON CONFLICT (action_type_id, day, shard) DO UPDATE SET requests = evidence_daily.requests + 1
  ),
  audit AS (
    INSERT INTO audit_events (actor_type, actor_id, action, target_type, target_id, after, created_at)
    SELECT 'agent', $4::uuid::text, 'action.requested', 'action', ins.id::text, $25::jsonb, $24::timestamptz FROM ins
  ),
  rec AS (
    INSERT INTO idempotency_records (agent_id, key, request_hash, response_code, response_body, created_at)
    SELECT $4::uuid, $28, $29, $30::int, $31::jsonb, $24::timestamptz FROM ins WHERE $28::text IS NOT NULL
  ),
  touched AS (
    UPDATE api_keys SET last_used_at = $24::timestamptz
    WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at < $24::timestamptz - interval '1 minute')
      AND EXISTS (SELECT 1 FROM ins)
  )
SELECT gate.key_ok, gate.global_ok, gate.type_ok, gate.run_ok, gate.rate_count, gate.locked, gate.prev,
       EXISTS (SELECT 1 FROM ins) AS recorded
FROM gate`;

type Row = {
  key_ok: boolean;
  global_ok: boolean;
  type_ok: boolean;
  run_ok: boolean;
  rate_count: number;
  locked: boolean;
  prev: { requestHash: string; responseCode: number; responseBody: unknown } | null;
  recorded: boolean;
};

/** Records a planned action if the context it was decided on still holds (see above). */
export async function commitActionRequest(db: DbTx, assumed: Assumed, a: PlannedAction, b: Bookkeeping): Promise<CommitOutcome> {
  const idem = b.idempotency;
  let rows: Row[];
  try {
    rows = await preparedQuery<Row>(db, "warden_commit_action_request", SQL, [
      assumed.keyId, // 1
      rateWindowStart(a.createdAt), // 2
      b.rateLimit?.perMinute ?? null, // 3
      assumed.agentId, // 4
      assumed.agentKillSwitch, // 5
      assumed.globalKillSwitch, // 6
      assumed.type.id, // 7
      assumed.type.version, // 8
      assumed.type.key, // 9
      assumed.run?.id ?? null, // 10
      assumed.run?.halted ?? false, // 11
      a.id, // 12
      JSON.stringify(a.proposedPayload), // 13
      a.rationale, // 14
      a.confidence, // 15
      a.subject, // 16
      a.level, // 17
      a.route, // 18
      a.reason, // 19
      a.status, // 20
      a.auditSampled, // 21
      a.decidedAt, // 22
      a.dueAt, // 23
      a.createdAt, // 24
      JSON.stringify(a.audit), // 25
      a.createdAt.toISOString().slice(0, 10), // 26
      Math.floor(Math.random() * EVIDENCE_SHARDS), // 27
      idem?.key.key ?? null, // 28
      idem?.key.fingerprint ?? null, // 29
      idem?.response.status ?? null, // 30
      idem ? JSON.stringify(idem.response.body) : null, // 31
    ]);
  } catch (err) {
    // The same Idempotency-Key finished between this statement's snapshot and its lock: the
    // stored answer's primary key refused the second record, and nothing was written.
    if (idem && isUniqueViolation(err)) return { kind: "raced" };
    throw err;
  }
  const r = rows[0];
  if (r.recorded) return { kind: "recorded" };
  if (!r.locked) return { kind: "key_in_progress" };
  if (r.prev) return { kind: "key_used", record: r.prev };
  if (b.rateLimit && Number(r.rate_count) > b.rateLimit.perMinute) return { kind: "rate_limited" };
  const what: ("key" | "global" | "type" | "run")[] = [];
  if (!r.key_ok) what.push("key");
  if (!r.global_ok) what.push("global");
  if (!r.type_ok) what.push("type");
  if (!r.run_ok) what.push("run");
  return { kind: "stale", what };
}
