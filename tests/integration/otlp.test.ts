import { randomBytes, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent } from "../helpers/factories";

// The OTLP endpoint on the built app, fed by the real OpenTelemetry JS exporter.
// Needs a production build: `npx next build` (or NEXT_DIST_DIR=… for a separate one).

const db = useTestDb();
let app: AppServer;
let endpoint: string;

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
  endpoint = `${app.url}/api/v1/otlp/v1/traces`;
});
afterAll(async () => {
  await app?.stop();
});

type ExporterConfig = NonNullable<ConstructorParameters<typeof OTLPTraceExporter>[0]>;
const exporterFor = (key: string, extra: Partial<ExporterConfig> = {}) =>
  new OTLPTraceExporter({ url: endpoint, headers: { Authorization: `Bearer ${key}` }, timeoutMillis: 10_000, ...extra });
// The exporter's CompressionAlgorithm enum lives in a package the tests do not depend on directly.
const GZIP = { compression: "gzip" } as unknown as Partial<ExporterConfig>;

/** One export call, with the exporter's own verdict (0 success, 1 failure). */
function exportWith(exporter: SpanExporter, spans: ReadableSpan[]) {
  return new Promise<{ code: number; error?: Error }>((resolve) => exporter.export(spans, resolve));
}

async function priced() {
  const model = `otlp-e2e-${randomUUID().slice(0, 8)}`;
  await db.modelPrice.create({ data: { model, inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n } });
  return model;
}

/** An agent turn as GenAI instrumentation records it: invoke_agent → chat (model, tokens) + execute_tool. */
function recordAgentTurn(provider: BasicTracerProvider, model: string, opts: { conversation?: string; fail?: boolean } = {}) {
  const tracer = provider.getTracer("warden-it", "1.0.0");
  const root = tracer.startSpan("invoke_agent support", {
    kind: SpanKind.INTERNAL,
    attributes: {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "support",
      "gen_ai.conversation.id": opts.conversation ?? "conv-42",
    },
  });
  const ctx = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    `chat ${model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": model,
        "gen_ai.usage.input_tokens": 1200,
        "gen_ai.usage.output_tokens": 300,
      },
    },
    ctx,
  );
  chat.end();
  const tool = tracer.startSpan(
    "execute_tool lookup_order",
    { attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup_order", "gen_ai.tool.call.arguments": '{"id":7}' } },
    ctx,
  );
  tool.end();
  if (opts.fail) root.setStatus({ code: SpanStatusCode.ERROR, message: "gave up" });
  root.end();
  return { traceId: root.spanContext().traceId, rootId: root.spanContext().spanId, chatId: chat.spanContext().spanId, toolId: tool.spanContext().spanId };
}

/** Spans recorded in memory, to send by hand (the same spans twice, or to another agent). */
function recordedTurn(model: string) {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-svc" }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const ids = recordAgentTurn(provider, model);
  return { ...ids, spans: memory.getFinishedSpans() };
}

const runFor = (agentId: string, traceId: string) => db.run.findUnique({ where: { agentId_traceId: { agentId, traceId } } });

async function post(key: string, body: BodyInit | Uint8Array, headers: Record<string, string>) {
  const init = body instanceof Uint8Array ? new Uint8Array(body) : body;
  return fetch(endpoint, { method: "POST", body: init, headers: { authorization: `Bearer ${key}`, ...headers } });
}

const hex = (n: number) => randomBytes(n).toString("hex");
const jsonSpan = (traceId: string, spanId: string, over: Record<string, unknown> = {}) => ({
  traceId,
  spanId,
  name: "step",
  startTimeUnixNano: "1767607200000000000",
  endTimeUnixNano: "1767607201000000000",
  ...over,
});
const jsonBody = (...spans: unknown[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });

describe("POST /api/v1/otlp/v1/traces with the OpenTelemetry exporter", () => {
  it("turns a GenAI trace into one run with typed, priced, linked spans", async () => {
    const { agent, key } = await makeAgent(db);
    const model = await priced();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "support-svc", "service.version": "2.0.1" }),
      spanProcessors: [new BatchSpanProcessor(exporterFor(key))],
    });
    const ids = recordAgentTurn(provider, model);
    await provider.forceFlush();
    await provider.shutdown();

    const run = await runFor(agent.id, ids.traceId);
    expect(run).toMatchObject({
      sessionId: "conv-42",
      agentVersion: "2.0.1",
      status: "succeeded",
      spanCount: 3,
      inputTokens: 1200n,
      outputTokens: 300n,
      costMicros: 6000n, // 1200 × $2.50/M + 300 × $10/M
    });
    expect(run!.endedAt).toBeInstanceOf(Date);
    expect(run!.metadata).toMatchObject({ source: "otlp", "gen_ai.agent.name": "support", "service.name": "support-svc" });

    const spans = await db.span.findMany({ where: { runId: run!.id } });
    const byId = Object.fromEntries(spans.map((s) => [s.externalId, s]));
    expect(byId[ids.rootId]).toMatchObject({ kind: "other", parentId: null, name: "invoke_agent support", inputTokens: 0 });
    expect(byId[ids.chatId]).toMatchObject({ kind: "llm", parentId: ids.rootId, model, inputTokens: 1200, outputTokens: 300, costMicros: 6000n });
    expect(byId[ids.toolId]).toMatchObject({ kind: "tool", parentId: ids.rootId, model: null, input: { id: 7 } });
    expect(byId[ids.chatId].attributes).toMatchObject({ "gen_ai.provider.name": "openai", "otel.span_kind": "client" });
  });

  it("records a failed root span as a failed run", async () => {
    const { agent, key } = await makeAgent(db);
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporterFor(key))] });
    const ids = recordAgentTurn(provider, await priced(), { fail: true });
    await provider.forceFlush();
    await provider.shutdown();
    expect(await runFor(agent.id, ids.traceId)).toMatchObject({ status: "failed", error: "gave up", spanCount: 3 });
  });

  it("accepts gzip-compressed exports", async () => {
    const { agent, key } = await makeAgent(db);
    const turn = recordedTurn(await priced());
    expect(await exportWith(exporterFor(key, GZIP), turn.spans)).toEqual({ code: 0 });
    expect(await runFor(agent.id, turn.traceId)).toMatchObject({ spanCount: 3, inputTokens: 1200n });
  });

  it("does not double-count a second export of the same spans", async () => {
    const { agent, key } = await makeAgent(db);
    const turn = recordedTurn(await priced());
    const exporter = exporterFor(key);
    expect((await exportWith(exporter, turn.spans)).code).toBe(0);
    expect((await exportWith(exporter, turn.spans)).code).toBe(0);
    expect(await runFor(agent.id, turn.traceId)).toMatchObject({ spanCount: 3, inputTokens: 1200n, outputTokens: 300n, costMicros: 6000n });
    expect(await db.span.count({ where: { run: { agentId: agent.id } } })).toBe(3);
  });

  it("gives another agent's export of the same trace id a separate run", async () => {
    const a = await makeAgent(db);
    const b = await makeAgent(db);
    const turn = recordedTurn(await priced());
    expect((await exportWith(exporterFor(a.key), turn.spans)).code).toBe(0);
    expect((await exportWith(exporterFor(b.key), turn.spans.slice(0, 1))).code).toBe(0);
    const [runA, runB] = [await runFor(a.agent.id, turn.traceId), await runFor(b.agent.id, turn.traceId)];
    expect(runA!.id).not.toBe(runB!.id);
    expect(runA!.spanCount).toBe(3);
    expect(runB!.spanCount).toBe(1);
  });

  it("fails the export with 401 for a bad key, storing nothing", async () => {
    const { agent, key } = await makeAgent(db);
    const turn = recordedTurn(await priced());
    const result = await exportWith(exporterFor(key.slice(0, -4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA")), turn.spans);
    expect(result.code).toBe(1);
    expect((result.error as { code?: number }).code).toBe(401);
    expect(await runFor(agent.id, turn.traceId)).toBeNull();
  });
});

describe("POST /api/v1/otlp/v1/traces over plain HTTP", () => {
  it("answers {} for a fully accepted JSON export", async () => {
    const { key } = await makeAgent(db);
    const res = await post(key, jsonBody(jsonSpan(hex(16), hex(8))), { "content-type": "application/json" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({});
  });

  it("stores the valid spans of a mixed request and reports the rest in partialSuccess", async () => {
    const { agent, key } = await makeAgent(db);
    const traceId = hex(16);
    const body = jsonBody(
      jsonSpan(traceId, hex(8)),
      jsonSpan(traceId, "not-a-span-id"),
      jsonSpan("short", hex(8)),
      jsonSpan(traceId, hex(8), { startTimeUnixNano: "soon" }),
      jsonSpan(traceId, hex(8), { status: { code: 2 } }),
    );
    const res = await post(key, body, { "content-type": "application/json" });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.partialSuccess.rejectedSpans).toBe(3);
    expect(json.partialSuccess.errorMessage).toContain("3 of 5 spans rejected");
    expect(await runFor(agent.id, traceId)).toMatchObject({ spanCount: 2 });
  });

  it("accepts a gzip JSON body", async () => {
    const { agent, key } = await makeAgent(db);
    const traceId = hex(16);
    const res = await post(key, gzipSync(jsonBody(jsonSpan(traceId, hex(8)))), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(await runFor(agent.id, traceId)).toMatchObject({ spanCount: 1 });
  });

  it("accepts protobuf and answers in protobuf", async () => {
    const { agent, key } = await makeAgent(db);
    const turn = recordedTurn(await priced());
    const res = await post(key, ProtobufTraceSerializer.serializeRequest(turn.spans)!, { "content-type": "application/x-protobuf" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(await runFor(agent.id, turn.traceId)).toMatchObject({ spanCount: 3, sessionId: "conv-42", costMicros: 6000n });
  });

  it("refuses malformed JSON with 400 (problem+json)", async () => {
    const { key } = await makeAgent(db);
    const res = await post(key, '{"resourceSpans": [', { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "bad_request" });
    const notAnArray = await post(key, '{"resourceSpans": {}}', { "content-type": "application/json" });
    expect(notAnArray.status).toBe(400);
  });

  it("refuses a wrong content type with 415", async () => {
    const { key } = await makeAgent(db);
    const res = await post(key, jsonBody(), { "content-type": "text/plain" });
    expect(res.status).toBe(415);
  });

  it("refuses a missing or wrong key with 401", async () => {
    const res = await fetch(endpoint, { method: "POST", body: jsonBody(), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
    const wrong = await post(`wdn_nope_${"x".repeat(30)}`, jsonBody(), { "content-type": "application/json" });
    expect(wrong.status).toBe(401);
  });

  it("refuses a gzip bomb with 413", async () => {
    const { key } = await makeAgent(db);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const res = await post(key, bomb, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(res.status).toBe(413);
  });
});

describe("POST /api/v1/otlp/v1/traces under the rate limit", () => {
  let limited: AppServer;
  beforeAll(async () => {
    limited = await startApp({ databaseUrl: inject("databaseUrl"), env: { WARDEN_RATE_LIMIT_PER_MINUTE: "2" } });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it("answers 429 with Retry-After, which the exporter treats as retryable", async () => {
    const { key } = await makeAgent(db);
    const send = () =>
      fetch(`${limited.url}/api/v1/otlp/v1/traces`, {
        method: "POST",
        body: jsonBody(jsonSpan(hex(16), hex(8))),
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
    // Two per minute: the third is refused, or the fifth if a minute boundary fell in between.
    const responses: Response[] = [];
    for (let i = 0; i < 5 && !responses.some((r) => r.status === 429); i++) responses.push(await send());
    expect(responses[0].status).toBe(200);
    const refused = responses.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
