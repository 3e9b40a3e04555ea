import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { enforceRunLimits } from "../budgets/enforce-run-limits";
import { withTx, type DbTx } from "../db/client";
import { metrics } from "../observability";
import { getKillSwitches } from "../switches";
import type { Run } from "../generated/prisma/client";
import { getOwnRunOrThrow } from "./get-run";
import { costMicros, findPrice, loadPrices, usdToMicros, type Price } from "./pricing";
import { runGuard } from "./run-guard";
import { toRunView } from "./run-view";
import { recordSpansInput, type RecordSpansResult, type SpanInput } from "./schemas";

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Stores a batch of spans and adds them to the run's totals in one statement (the hot path:
 * one INSERT … SELECT FROM unnest(arrays) instead of a row per span). A span id seen before
 * in the run is skipped, so a retried batch never double-counts.
 */
export async function recordSpans(db: DbTx, agent: AuthenticatedAgent, runId: string, raw: unknown): Promise<RecordSpansResult> {
  const { spans } = recordSpansInput.parse(raw);
  const [run, switches] = await Promise.all([getOwnRunOrThrow(db, agent, runId), getKillSwitches(db, agent.agentId)]);
  const { accepted, run: after, stop } = await insertSpanBatch(db, run.id, spans);
  metrics.spansIngested.inc({ source: "rest" }, accepted);
  const guard = runGuard(after, switches, stop);
  return { accepted, run: toRunView(after), continue: guard.continue, reason: guard.reason };
}

/**
 * Inserts validated spans into a run and adds them to its totals in one statement; returns how
 * many were new. Shared by the REST endpoint and OTLP ingestion. The run's budgets, loop breaker
 * and the agent's spend caps are enforced in the same transaction (lib/budgets), so the batch
 * that crosses a limit is the one whose answer says stop.
 */
export async function insertSpanBatch(db: DbTx, runId: string, spans: readonly SpanInput[]): Promise<{ accepted: number; run: Run; stop: string | null }> {
  return withTx(db, (tx) => insertAndEnforce(tx, runId, spans));
}

async function insertAndEnforce(db: DbTx, runId: string, spans: readonly SpanInput[]): Promise<{ accepted: number; run: Run; stop: string | null }> {
  const prices = spans.some((s) => s.costUsd === undefined && s.model) ? await loadPrices(db) : [];
  const rows = spans.map((s) => toRow(s, prices));
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  const updated = await db.$queryRaw<(Run & { accepted: number; batchCostMicros: bigint; batchTokens: bigint })[]>`
    WITH ins AS (
      INSERT INTO spans (id, run_id, external_id, parent_id, kind, name, model, input_tokens, output_tokens,
                         cost_micros, status, input, output, attributes, started_at, ended_at, duration_ms)
      SELECT gen_random_uuid(), ${runId}::uuid, u.external_id, u.parent_id, u.kind::"SpanKind", u.name, u.model,
             u.input_tokens, u.output_tokens, u.cost_micros, u.status::"SpanStatus", u.input::jsonb, u.output::jsonb,
             u.attributes::jsonb, u.started_at, u.ended_at, u.duration_ms
      FROM unnest(${col("externalId")}::text[], ${col("parentId")}::text[], ${col("kind")}::text[], ${col("name")}::text[],
                  ${col("model")}::text[], ${col("inputTokens")}::int[], ${col("outputTokens")}::int[],
                  ${col("costMicros")}::bigint[], ${col("status")}::text[], ${col("input")}::text[], ${col("output")}::text[],
                  ${col("attributes")}::text[], ${col("startedAt")}::timestamptz[], ${col("endedAt")}::timestamptz[],
                  ${col("durationMs")}::int[])
        AS u(external_id, parent_id, kind, name, model, input_tokens, output_tokens, cost_micros, status, input, output,
             attributes, started_at, ended_at, duration_ms)
      ON CONFLICT (run_id, external_id) DO NOTHING
      RETURNING input_tokens, output_tokens, cost_micros
    ), s AS (
      SELECT count(*)::int AS n, coalesce(sum(input_tokens), 0)::bigint AS it, coalesce(sum(output_tokens), 0)::bigint AS ot,
             coalesce(sum(cost_micros), 0)::bigint AS c
      FROM ins
    )
    UPDATE runs SET span_count = span_count + s.n, input_tokens = input_tokens + s.it,
                    output_tokens = output_tokens + s.ot, cost_micros = cost_micros + s.c
    FROM s WHERE runs.id = ${runId}::uuid
    RETURNING s.n AS accepted, s.c AS "batchCostMicros", (s.it + s.ot) AS "batchTokens", runs.id, runs.agent_id AS "agentId", runs.external_id AS "externalId",
              runs.status::text AS status, runs.halt_reason AS "haltReason", runs.agent_version AS "agentVersion",
              runs.session_id AS "sessionId", runs.started_at AS "startedAt", runs.ended_at AS "endedAt",
              runs.input_tokens AS "inputTokens", runs.output_tokens AS "outputTokens", runs.cost_micros AS "costMicros",
              runs.span_count AS "spanCount"`;
  const { accepted, batchCostMicros, batchTokens, ...run } = updated[0];
  const batch = { accepted: Number(accepted), costMicros: BigInt(batchCostMicros), tokens: BigInt(batchTokens), toolCalls: spans.some((s) => s.kind === "tool") };
  return { accepted: Number(accepted), ...(await enforceRunLimits(db, run as Run, batch)) };
}

type Row = ReturnType<typeof toRow>;

function toRow(s: SpanInput, prices: readonly Price[]) {
  const inputTokens = s.inputTokens ?? 0;
  const outputTokens = s.outputTokens ?? 0;
  let cost = 0n;
  if (s.costUsd !== undefined) cost = usdToMicros(s.costUsd);
  else if (s.model && (inputTokens || outputTokens)) {
    const price = findPrice(prices, s.model, new Date(s.startTime));
    if (price) cost = costMicros(price, inputTokens, outputTokens);
  }
  const start = Date.parse(s.startTime);
  const end = s.endTime ? Date.parse(s.endTime) : null;
  return {
    externalId: s.id ?? null,
    parentId: s.parentId ?? null,
    kind: s.kind,
    name: s.name,
    model: s.model ?? null,
    inputTokens,
    outputTokens,
    costMicros: cost.toString(),
    status: s.status,
    input: json(s.input),
    output: json(s.output),
    attributes: json(s.attributes),
    startedAt: new Date(start).toISOString(),
    endedAt: end === null ? null : new Date(end).toISOString(),
    durationMs: end === null ? null : Math.min(end - start, 2_147_483_647),
  };
}
