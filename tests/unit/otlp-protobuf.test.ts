import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../lib/errors";
import { decodeTraceRequest, encodeTraceResponse, mapTraceRequest } from "../../lib/otlp";

/** Spans recorded by the real OpenTelemetry SDK, as an agent would produce them. */
function sdkSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "pb-agent", "service.version": "3.1.0" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("unit");
  const root = tracer.startSpan("invoke_agent planner", {
    kind: SpanKind.INTERNAL,
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner", "gen_ai.conversation.id": "conv-pb" },
  });
  const ctx = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    "chat gpt-4o",
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 1200,
        "gen_ai.usage.output_tokens": 300,
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.stream": false,
        "gen_ai.response.finish_reasons": ["stop"],
        "big.negative": -1234567890123,
        "unicode": "héllo ✓ 日本",
      },
    },
    ctx,
  );
  chat.addEvent("gen_ai.choice", { index: 0 });
  chat.setStatus({ code: SpanStatusCode.OK });
  chat.end();
  const tool = tracer.startSpan("execute_tool search", { attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" } }, ctx);
  tool.setStatus({ code: SpanStatusCode.ERROR, message: "search backend down" });
  tool.end();
  root.end();
  return exporter.getFinishedSpans();
}

describe("OTLP protobuf decoding", () => {
  it("decodes the SDK's protobuf export to the same runs and spans as its JSON export", () => {
    const spans = sdkSpans();
    const fromJson = mapTraceRequest(JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!)));
    const fromProtobuf = mapTraceRequest(decodeTraceRequest(ProtobufTraceSerializer.serializeRequest(spans)!));
    expect(fromProtobuf).toEqual(fromJson);

    expect(fromProtobuf.rejectedSpans).toBe(0);
    const [t] = fromProtobuf.traces;
    expect(t.spans.map((s) => [s.name, s.kind, s.status])).toEqual([
      ["chat gpt-4o", "llm", "ok"],
      ["execute_tool search", "tool", "error"],
      ["invoke_agent planner", "other", "unset"],
    ]);
    const chat = t.spans[0];
    expect(chat).toMatchObject({ model: "gpt-4o", inputTokens: 1200, outputTokens: 300 });
    expect(chat.attributes).toMatchObject({
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.stream": false,
      "gen_ai.response.finish_reasons": ["stop"],
      "big.negative": -1234567890123,
      unicode: "héllo ✓ 日本",
      "otel.span_kind": "client",
    });
    expect(t.run).toMatchObject({ sessionId: "conv-pb", agentVersion: "3.1.0", metadata: { "gen_ai.agent.name": "planner", "service.name": "pb-agent" } });
    expect(t.root).toMatchObject({ failed: false });
  });

  it("keeps ids as hex and timestamps as decimal nanoseconds", () => {
    const spans = sdkSpans();
    const decoded = decodeTraceRequest(ProtobufTraceSerializer.serializeRequest(spans)!) as {
      resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    const s = decoded.resourceSpans[0].scopeSpans[0].spans[0];
    expect(s.traceId).toBe(spans[0].spanContext().traceId);
    expect(s.spanId).toBe(spans[0].spanContext().spanId);
    expect(s.parentSpanId).toBe(spans[0].parentSpanContext?.spanId);
    expect(s.startTimeUnixNano).toMatch(/^\d{19}$/);
  });

  it("skips fields it does not know (forward compatibility)", () => {
    const known = ProtobufTraceSerializer.serializeRequest(sdkSpans())!;
    // Field 15 of the request, wire type 2 (length-delimited), 3 bytes; field 99, varint.
    const extended = Uint8Array.from([...known, 0x7a, 0x03, 1, 2, 3, 0x98, 0x06, 0x01]);
    expect(mapTraceRequest(decodeTraceRequest(extended)).traces[0].spans).toHaveLength(3);
  });

  it("decodes an empty body as an empty request", () => {
    expect(decodeTraceRequest(new Uint8Array(0))).toEqual({ resourceSpans: [] });
  });

  it.each([
    ["a truncated message", (b: Uint8Array) => b.subarray(0, b.length - 7)],
    ["a length past the end", () => Uint8Array.from([0x0a, 0x7f, 0x01])],
    ["a known field with the wrong wire type", () => Uint8Array.from([0x08, 0x01])],
    ["field number 0", () => Uint8Array.from([0x00, 0x01])],
    ["a group wire type", () => Uint8Array.from([0x0b])],
    ["JSON sent as protobuf", () => new TextEncoder().encode('{"resourceSpans":[]}')],
  ])("refuses %s with 400", (_label, make) => {
    const bytes = make(ProtobufTraceSerializer.serializeRequest(sdkSpans())!);
    expect(() => decodeTraceRequest(bytes)).toThrow(BadRequestError);
  });

  it("refuses attribute values nested deeper than it will recurse", () => {
    // AnyValue{array_value{values: AnyValue{...}}} 200 levels deep, inside KeyValue inside a span.
    let value: number[] = [0x0a, 0x01, 0x78]; // string_value "x"
    for (let i = 0; i < 200; i++) {
      const arr = [0x0a, ...len(value.length), ...value]; // ArrayValue.values
      value = [0x2a, ...len(arr.length), ...arr]; // AnyValue.array_value
    }
    const keyValue = [0x0a, 0x01, 0x6b, 0x12, ...len(value.length), ...value];
    const span = [0x4a, ...len(keyValue.length), ...keyValue];
    const scopeSpans = [0x12, ...len(span.length), ...span];
    const resourceSpans = [0x12, ...len(scopeSpans.length), ...scopeSpans];
    const request = Uint8Array.from([0x0a, ...len(resourceSpans.length), ...resourceSpans]);
    expect(() => decodeTraceRequest(request)).toThrow(/nest deeper/);
  });
});

describe("OTLP protobuf response", () => {
  it("is empty on full success", () => {
    expect(encodeTraceResponse()).toHaveLength(0);
    expect(encodeTraceResponse({ rejectedSpans: 0 })).toHaveLength(0);
  });

  it("carries partial_success as the SDK reads it", () => {
    const bytes = encodeTraceResponse({ rejectedSpans: 300, errorMessage: "300 of 512 spans rejected: ✗" });
    expect(ProtobufTraceSerializer.deserializeResponse(bytes)).toEqual({
      partialSuccess: { rejectedSpans: 300, errorMessage: "300 of 512 spans rejected: ✗" },
    });
  });
});

function len(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
