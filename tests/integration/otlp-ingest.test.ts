import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuthenticatedAgent } from "../../lib/agents";
import { ingestTraces } from "../../lib/otlp";
import { useTestDb } from "../helpers/db";
import { makeAgent } from "../helpers/factories";

// ingestTraces against real Postgres: runs per (agent, trace), totals, idempotence, concurrency.

const db = useTestDb();

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const str = (stringValue: string) => ({ stringValue });
const int = (intValue: number) => ({ intValue });
const kv = (attrs: Record<string, unknown>) => Object.entries(attrs).map(([key, value]) => ({ key, value }));
const ns = (isoOrMs: string | number) => `${BigInt(typeof isoOrMs === "number" ? isoOrMs : Date.parse(isoOrMs)) * 1_000_000n}`;

type SpanOpts = { traceId: string; spanId: string; parent?: string; start: string; end?: string; attrs?: Record<string, unknown>; status?: number; name?: string };
const span = (o: SpanOpts) => ({
  traceId: o.traceId,
  spanId: o.spanId,
  parentSpanId: o.parent ?? "",
  name: o.name ?? "span",
  kind: 1,
  startTimeUnixNano: ns(o.start),
  endTimeUnixNano: o.end ? ns(o.end) : undefined,
  attributes: kv(o.attrs ?? {}),
  status: o.status === undefined ? {} : { code: o.status },
});
const request = (...spans: unknown[]) => ({ resourceSpans: [{ resource: { attributes: kv({ "service.name": str("it") }) }, scopeSpans: [{ spans }] }] });

async function agentWho() {
  const { agent, keyId } = await makeAgent(db);
  const who: AuthenticatedAgent = { agentId: agent.id, agentName: agent.name, keyId };
  return who;
}

async function priced() {
  const model = `otlp-ingest-${randomUUID().slice(0, 8)}`;
  // $2.50 / $10.00 per million tokens.
  await db.modelPrice.create({ data: { model, inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n } });
  return model;
}

/** A trace: an invoke_agent root, a chat span with tokens, a tool span. */
function agentTrace(model: string, opts: { rootStatus?: number } = {}) {
  const traceId = hex(16);
  const [root, chat, tool] = [hex(8), hex(8), hex(8)];
  const spans = {
    root: span({
      traceId,
      spanId: root,
      name: "invoke_agent support",
      start: "2026-01-05T10:00:00.000Z",
      end: "2026-01-05T10:00:05.000Z",
      status: opts.rootStatus,
      attrs: { "gen_ai.operation.name": str("invoke_agent"), "gen_ai.agent.name": str("support"), "gen_ai.conversation.id": str("conv-1") },
    }),
    chat: span({
      traceId,
      spanId: chat,
      parent: root,
      name: `chat ${model}`,
      start: "2026-01-05T10:00:01.000Z",
      end: "2026-01-05T10:00:02.000Z",
      attrs: {
        "gen_ai.operation.name": str("chat"),
        "gen_ai.request.model": str(model),
        "gen_ai.usage.input_tokens": int(1200),
        "gen_ai.usage.output_tokens": int(300),
      },
    }),
    tool: span({
      traceId,
      spanId: tool,
      parent: root,
      name: "execute_tool lookup",
      start: "2026-01-05T10:00:02.500Z",
      end: "2026-01-05T10:00:03.000Z",
      attrs: { "gen_ai.operation.name": str("execute_tool"), "gen_ai.tool.name": str("lookup") },
    }),
  };
  return { traceId, ids: { root, chat, tool }, spans };
}

const runOf = (agentId: string, traceId: string) => db.run.findUniqueOrThrow({ where: { agentId_traceId: { agentId, traceId } } });

describe("ingestTraces", () => {
  it("creates one run for the trace with its spans, tokens, cost and session, and ends it with the root", async () => {
    const who = await agentWho();
    const model = await priced();
    const t = agentTrace(model);
    const result = await ingestTraces(db, who, request(t.spans.chat, t.spans.tool, t.spans.root));
    expect(result).toMatchObject({ acceptedSpans: 3, rejectedSpans: 0 });

    const run = await runOf(who.agentId, t.traceId);
    expect(result.runIds).toEqual([run.id]);
    expect(run).toMatchObject({
      sessionId: "conv-1",
      status: "succeeded",
      spanCount: 3,
      inputTokens: 1200n,
      outputTokens: 300n,
      costMicros: 6000n, // 1200 × $2.50/M + 300 × $10/M = $0.006
      startedAt: new Date("2026-01-05T10:00:00.000Z"),
      endedAt: new Date("2026-01-05T10:00:05.000Z"),
    });
    expect(run.metadata).toMatchObject({ source: "otlp", "gen_ai.agent.name": "support", "service.name": "it" });

    const spans = await db.span.findMany({ where: { runId: run.id }, orderBy: { startedAt: "asc" } });
    expect(spans.map((s) => [s.externalId, s.parentId, s.kind, s.model, s.inputTokens, s.outputTokens, s.costMicros])).toEqual([
      [t.ids.root, null, "other", null, 0, 0, 0n],
      [t.ids.chat, t.ids.root, "llm", model, 1200, 300, 6000n],
      [t.ids.tool, t.ids.root, "tool", null, 0, 0, 0n],
    ]);
    expect(spans[1].durationMs).toBe(1000);
  });

  it("adds later batches to the same run without double-counting re-sent spans", async () => {
    const who = await agentWho();
    const model = await priced();
    const t = agentTrace(model);
    await ingestTraces(db, who, request(t.spans.chat));
    let run = await runOf(who.agentId, t.traceId);
    expect(run).toMatchObject({ status: "running", spanCount: 1, startedAt: new Date("2026-01-05T10:00:01.000Z") });

    // The retry of the first batch plus the rest: only the new spans count; the run starts earlier now.
    const again = await ingestTraces(db, who, request(t.spans.chat, t.spans.tool, t.spans.root));
    expect(again.acceptedSpans).toBe(2);
    await ingestTraces(db, who, request(t.spans.chat, t.spans.tool, t.spans.root));
    run = await runOf(who.agentId, t.traceId);
    expect(run).toMatchObject({ spanCount: 3, inputTokens: 1200n, costMicros: 6000n, status: "succeeded" });
    expect(run.startedAt).toEqual(new Date("2026-01-05T10:00:00.000Z"));
    expect(await db.run.count({ where: { agentId: who.agentId } })).toBe(1);
  });

  it("keeps the first session id a trace reported", async () => {
    const who = await agentWho();
    const traceId = hex(16);
    const a = span({ traceId, spanId: hex(8), parent: hex(8), start: "2026-01-05T10:00:00Z", attrs: { "gen_ai.conversation.id": str("first") } });
    const b = span({ traceId, spanId: hex(8), parent: hex(8), start: "2026-01-05T10:00:01Z", attrs: { "gen_ai.conversation.id": str("second") } });
    await ingestTraces(db, who, request(a));
    await ingestTraces(db, who, request(b));
    expect((await runOf(who.agentId, traceId)).sessionId).toBe("first");
  });

  it("marks the run failed when the root span's status is ERROR", async () => {
    const who = await agentWho();
    const t = agentTrace(await priced(), { rootStatus: 2 });
    await ingestTraces(db, who, request(t.spans.root));
    expect(await runOf(who.agentId, t.traceId)).toMatchObject({ status: "failed", endedAt: new Date("2026-01-05T10:00:05.000Z") });
  });

  it("does not reopen or overwrite a run that is no longer running", async () => {
    const who = await agentWho();
    const t = agentTrace(await priced());
    await ingestTraces(db, who, request(t.spans.chat));
    const run = await runOf(who.agentId, t.traceId);
    await db.run.update({ where: { id: run.id }, data: { status: "halted", haltReason: "budget" } });
    await ingestTraces(db, who, request(t.spans.root, t.spans.tool));
    expect(await runOf(who.agentId, t.traceId)).toMatchObject({ status: "halted", haltReason: "budget", endedAt: null, spanCount: 3 });
  });

  it("gives another agent sending the same trace id a run of its own", async () => {
    const [a, b] = [await agentWho(), await agentWho()];
    const t = agentTrace(await priced());
    await ingestTraces(db, a, request(t.spans.chat, t.spans.root));
    await ingestTraces(db, b, request(t.spans.chat));
    const [runA, runB] = [await runOf(a.agentId, t.traceId), await runOf(b.agentId, t.traceId)];
    expect(runA.id).not.toBe(runB.id);
    expect(runA.spanCount).toBe(2);
    expect(runB.spanCount).toBe(1);
  });

  it("stores concurrent exports of the same trace once", async () => {
    const who = await agentWho();
    const model = await priced();
    const t = agentTrace(model);
    const body = request(t.spans.chat, t.spans.tool, t.spans.root);
    const results = await Promise.all(Array.from({ length: 8 }, () => ingestTraces(db, who, body)));
    expect(results.reduce((n, r) => n + r.acceptedSpans, 0)).toBe(3);
    expect(new Set(results.flatMap((r) => r.runIds)).size).toBe(1);
    expect(await runOf(who.agentId, t.traceId)).toMatchObject({ spanCount: 3, inputTokens: 1200n, costMicros: 6000n });
    expect(await db.span.count({ where: { run: { agentId: who.agentId } } })).toBe(3);
  });

  it("stores the valid spans of a request and reports the rest", async () => {
    const who = await agentWho();
    const t = agentTrace(await priced());
    const result = await ingestTraces(db, who, request(t.spans.chat, { ...t.spans.tool, spanId: "xyz" }, { ...t.spans.root, traceId: "00" }));
    expect(result).toMatchObject({ acceptedSpans: 1, rejectedSpans: 2 });
    expect(result.errorMessage).toContain("2 of 3 spans rejected");
    expect((await runOf(who.agentId, t.traceId)).spanCount).toBe(1);
  });
});
