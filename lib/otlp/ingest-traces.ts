import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { LIMITS } from "../api/limits";
import type { DbTx } from "../db/client";
import { metrics } from "../observability";
import { insertSpanBatch } from "../runs/record-spans";
import { mapTraceRequest, type MappedTrace } from "./map-traces";

export type IngestTracesResult = {
  /** Spans stored now; spans already stored by an earlier export of the same trace are not counted. */
  acceptedSpans: number;
  rejectedSpans: number;
  errorMessage?: string;
  runIds: string[];
};

/**
 * Stores an OTLP export for an agent: one run per (agent, trace id), created on first sight, and
 * the spans under it. Every step is idempotent (the run upsert, span ids skipped when seen), so
 * an exporter's retry or two exporters sending the same trace at once never double-count.
 */
export async function ingestTraces(db: DbTx, agent: AuthenticatedAgent, raw: unknown): Promise<IngestTracesResult> {
  const mapped = mapTraceRequest(raw);
  let acceptedSpans = 0;
  const runIds: string[] = [];
  for (const trace of mapped.traces) {
    const runId = await upsertTraceRun(db, agent.agentId, trace);
    for (let i = 0; i < trace.spans.length; i += LIMITS.maxSpansPerBatch) {
      acceptedSpans += (await insertSpanBatch(db, runId, trace.spans.slice(i, i + LIMITS.maxSpansPerBatch)))?.accepted ?? 0;
    }
    if (trace.root?.endedAt) await endTraceRun(db, runId, trace.root);
    runIds.push(runId);
  }
  metrics.spansIngested.inc({ source: "otlp" }, acceptedSpans);
  return { acceptedSpans, rejectedSpans: mapped.rejectedSpans, errorMessage: mapped.errorMessage, runIds };
}

/** The agent's run for a trace, created if new (one statement, so concurrent exporters get the same run). */
async function upsertTraceRun(db: DbTx, agentId: string, t: MappedTrace): Promise<string> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO runs (id, agent_id, trace_id, session_id, end_user, agent_version, metadata, started_at)
    VALUES (gen_random_uuid(), ${agentId}::uuid, ${t.traceId}, ${t.run.sessionId ?? null}, ${t.run.endUser ?? null},
            ${t.run.agentVersion ?? null}, ${JSON.stringify(t.run.metadata)}::jsonb, ${new Date(t.startedAt)})
    ON CONFLICT (agent_id, trace_id) DO UPDATE SET
      started_at = LEAST(runs.started_at, EXCLUDED.started_at),
      session_id = COALESCE(runs.session_id, EXCLUDED.session_id),
      end_user = COALESCE(runs.end_user, EXCLUDED.end_user),
      agent_version = COALESCE(runs.agent_version, EXCLUDED.agent_version),
      metadata = EXCLUDED.metadata || COALESCE(runs.metadata, '{}'::jsonb)
    RETURNING id::text`;
  return rows[0].id;
}

/** The root span ended: so did the run, unless it was already finished or halted. */
async function endTraceRun(db: DbTx, runId: string, root: NonNullable<MappedTrace["root"]>): Promise<void> {
  await db.$executeRaw`
    UPDATE runs SET status = ${root.failed ? "failed" : "succeeded"}::"RunStatus", ended_at = ${new Date(root.endedAt!)},
                    error = COALESCE(error, ${root.failed ? (root.error ?? null) : null})
    WHERE id = ${runId}::uuid AND status = 'running'`;
}
