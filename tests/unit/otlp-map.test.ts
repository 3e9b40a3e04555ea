import { describe, expect, it } from "vitest";
import { BadRequestError, DomainError, STATUS_BY_CODE } from "../../lib/errors";
import { mapTraceRequest, OTLP_LIMITS } from "../../lib/otlp";
import { spanInput } from "../../lib/runs/schemas";

const TRACE = "5b8efff798038103d269b633813fc60c";
const TRACE_2 = "0af7651916cd43dd8448eb211c80319c";
const ROOT = "eee19b7ec3c1b174";
const CHILD = "b7ad6b7169203331";
const T0 = "1700000000000000000"; // 2023-11-14T22:13:20.000Z
const T0_ISO = "2023-11-14T22:13:20.000Z";

const str = (stringValue: string) => ({ stringValue });
const int = (intValue: number | string) => ({ intValue });
const dbl = (doubleValue: number | string) => ({ doubleValue });
const kv = (attrs: Record<string, unknown>) => Object.entries(attrs).map(([key, value]) => ({ key, value }));

function span(over: Record<string, unknown> = {}) {
  return {
    traceId: TRACE,
    spanId: ROOT,
    name: "span",
    kind: 1,
    startTimeUnixNano: T0,
    endTimeUnixNano: "1700000001500000000",
    attributes: [],
    status: {},
    ...over,
  };
}
const body = (spans: unknown[], resource: Record<string, unknown> = {}) => ({
  resourceSpans: [{ resource: { attributes: kv(resource) }, scopeSpans: [{ scope: { name: "test" }, spans }] }],
});
/** The one span a one-span request maps to (and it must not be rejected). */
function one(s: Record<string, unknown>) {
  const m = mapTraceRequest(body([s]));
  expect(m.errorMessage).toBeUndefined();
  expect(m.rejectedSpans).toBe(0);
  return m.traces[0].spans[0];
}
const badRequest = (b: unknown) => {
  try {
    mapTraceRequest(b);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestError);
    expect(STATUS_BY_CODE[(err as DomainError).code]).toBe(400);
    return (err as Error).message;
  }
  throw new Error("expected a 400");
};

describe("mapTraceRequest: OpenTelemetry GenAI attributes", () => {
  it("maps a chat span: kind, response model over request model, tokens, ids, times, content", () => {
    const s = one(
      span({
        spanId: CHILD,
        parentSpanId: ROOT,
        name: "chat gpt-4o",
        kind: 3,
        attributes: kv({
          "gen_ai.operation.name": str("chat"),
          "gen_ai.provider.name": str("openai"),
          "gen_ai.request.model": str("gpt-4o"),
          "gen_ai.response.model": str("gpt-4o-2024-08-06"),
          "gen_ai.usage.input_tokens": int(120),
          "gen_ai.usage.output_tokens": int("45"),
          "gen_ai.input.messages": str('[{"role":"user","parts":[{"type":"text","content":"hi"}]}]'),
          "gen_ai.output.messages": {
            arrayValue: { values: [{ kvlistValue: { values: kv({ role: str("assistant"), finish_reason: str("stop") }) } }] },
          },
        }),
        status: { code: 1 },
      }),
    );
    expect(s).toMatchObject({
      id: CHILD,
      parentId: ROOT,
      kind: "llm",
      name: "chat gpt-4o",
      model: "gpt-4o-2024-08-06",
      inputTokens: 120,
      outputTokens: 45,
      status: "ok",
      startTime: T0_ISO,
      endTime: "2023-11-14T22:13:21.500Z",
      input: [{ role: "user", parts: [{ type: "text", content: "hi" }] }],
      output: [{ role: "assistant", finish_reason: "stop" }],
    });
    expect(s.costUsd).toBeUndefined(); // priced from the model table at insert
    expect(s.attributes).toMatchObject({ "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "otel.span_kind": "client" });
    // The content moved to input/output is not stored twice.
    expect(s.attributes).not.toHaveProperty("gen_ai.input.messages");
    expect(s.attributes).not.toHaveProperty("gen_ai.output.messages");
  });

  it("falls back to the request model and the deprecated token names", () => {
    const s = one(
      span({
        attributes: kv({
          "gen_ai.operation.name": str("text_completion"),
          "gen_ai.request.model": str("claude-3-5-haiku"),
          "gen_ai.usage.prompt_tokens": int(7),
          "gen_ai.usage.completion_tokens": int(9),
        }),
      }),
    );
    expect(s).toMatchObject({ kind: "llm", model: "claude-3-5-haiku", inputTokens: 7, outputTokens: 9 });
  });

  it("maps an execute_tool span with its arguments and result as input and output", () => {
    const s = one(
      span({
        name: "execute_tool get_weather",
        attributes: kv({
          "gen_ai.operation.name": str("execute_tool"),
          "gen_ai.tool.name": str("get_weather"),
          "gen_ai.tool.call.id": str("call_1"),
          "gen_ai.tool.call.arguments": str('{"location":"Paris"}'),
          "gen_ai.tool.call.result": str("rainy, 57°F"),
        }),
      }),
    );
    expect(s).toMatchObject({ kind: "tool", input: { location: "Paris" }, output: "rainy, 57°F" });
    expect(s.attributes).toMatchObject({ "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.id": "call_1" });
    expect(s.model).toBeUndefined();
  });

  it("does not count usage that an agent span repeats from its children (it stays in attributes)", () => {
    const s = one(
      span({
        attributes: kv({
          "gen_ai.operation.name": str("invoke_agent"),
          "gen_ai.request.model": str("gpt-4o"),
          "gen_ai.usage.input_tokens": int(500),
          "gen_ai.usage.output_tokens": int(80),
        }),
      }),
    );
    expect(s.kind).toBe("other");
    expect(s.inputTokens).toBeUndefined();
    expect(s.outputTokens).toBeUndefined();
    expect(s.model).toBeUndefined();
    expect(s.attributes).toMatchObject({ "gen_ai.usage.input_tokens": 500 });
  });

  it.each([
    ["chat", "llm"],
    ["text_completion", "llm"],
    ["embeddings", "llm"],
    ["generate_content", "llm"],
    ["CHAT", "llm"],
    ["execute_tool", "tool"],
    ["retrieval", "retrieval"],
    ["search_memory", "retrieval"],
    ["guardrail", "guardrail"],
    ["invoke_agent", "other"],
    ["create_agent", "other"],
    ["some_custom_op", "other"],
    ["constructor", "other"],
  ])("gen_ai.operation.name %s → %s", (op, kind) => {
    expect(one(span({ attributes: kv({ "gen_ai.operation.name": str(op) }) })).kind).toBe(kind);
  });
});

describe("mapTraceRequest: OpenInference attributes", () => {
  it.each([
    ["LLM", "llm"],
    ["EMBEDDING", "llm"],
    ["TOOL", "tool"],
    ["RETRIEVER", "retrieval"],
    ["RERANKER", "retrieval"],
    ["GUARDRAIL", "guardrail"],
    ["CHAIN", "other"],
    ["AGENT", "other"],
    ["EVALUATOR", "other"],
    ["llm", "llm"],
    ["SOMETHING_NEW", "other"],
  ])("openinference.span.kind %s → %s", (oi, kind) => {
    expect(one(span({ attributes: kv({ "openinference.span.kind": str(oi) }) })).kind).toBe(kind);
  });

  it("maps an LLM span: llm.model_name, token counts, llm.cost.total, input.value/output.value", () => {
    const s = one(
      span({
        attributes: kv({
          "openinference.span.kind": str("LLM"),
          "llm.model_name": str("gpt-4o-mini"),
          "llm.token_count.prompt": int(30),
          "llm.token_count.completion": int(12),
          "llm.token_count.total": int(42),
          "llm.cost.total": dbl(0.0125),
          "input.value": str('{"messages":[{"role":"user","content":"hi"}]}'),
          "input.mime_type": str("application/json"),
          "output.value": str("Hello!"),
        }),
      }),
    );
    expect(s).toMatchObject({
      kind: "llm",
      model: "gpt-4o-mini",
      inputTokens: 30,
      outputTokens: 12,
      costUsd: 0.0125,
      input: { messages: [{ role: "user", content: "hi" }] },
      output: "Hello!",
    });
    expect(s.attributes).toMatchObject({ "llm.token_count.total": 42, "input.mime_type": "application/json" });
  });

  it("sums llm.cost.prompt and llm.cost.completion when there is no total", () => {
    const s = one(
      span({ attributes: kv({ "openinference.span.kind": str("LLM"), "llm.cost.prompt": dbl(0.25), "llm.cost.completion": dbl("0.5") }) }),
    );
    expect(s.costUsd).toBe(0.75);
  });

  it("gen_ai.operation.name wins over openinference.span.kind, and an unknown operation defers to it", () => {
    expect(one(span({ attributes: kv({ "gen_ai.operation.name": str("execute_tool"), "openinference.span.kind": str("LLM") }) })).kind).toBe("tool");
    expect(one(span({ attributes: kv({ "gen_ai.operation.name": str("custom"), "openinference.span.kind": str("RETRIEVER") }) })).kind).toBe("retrieval");
  });

  it("infers a kind from older instrumentations' attributes", () => {
    expect(one(span({ attributes: kv({ "llm.request.type": str("chat") }) })).kind).toBe("llm");
    expect(one(span({ attributes: kv({ "gen_ai.system": str("openai"), "gen_ai.usage.prompt_tokens": int(3) }) })).kind).toBe("llm");
    expect(one(span({ attributes: kv({ "tool.name": str("search") }) })).kind).toBe("tool");
    expect(one(span({ attributes: kv({ "http.method": str("GET") }) })).kind).toBe("other");
    expect(one(span({ attributes: kv({ "llm.request.type": str("toString") }) })).kind).toBe("other");
  });
});

describe("mapTraceRequest: runs per trace", () => {
  it("groups spans by trace id, with run facts from the spans and their resource", () => {
    const m = mapTraceRequest(
      body(
        [
          span({ spanId: CHILD, parentSpanId: ROOT, startTimeUnixNano: "1700000000100000000", attributes: kv({ "gen_ai.conversation.id": str("conv-child") }) }),
          span({
            spanId: ROOT,
            attributes: kv({
              "gen_ai.operation.name": str("invoke_agent"),
              "gen_ai.agent.name": str("Support bot"),
              "gen_ai.agent.id": str("asst_1"),
              "gen_ai.conversation.id": str("conv-root"),
              "user.id": str("user-7"),
            }),
          }),
          span({ traceId: TRACE_2, spanId: CHILD, parentSpanId: ROOT, attributes: kv({ "session.id": str("oi-session") }) }),
        ],
        { "service.name": str("support"), "service.version": str("1.4.2"), "deployment.environment.name": str("prod") },
      ),
    );
    expect(m.rejectedSpans).toBe(0);
    expect(m.traces.map((t) => t.traceId)).toEqual([TRACE, TRACE_2]);
    const [a, b] = m.traces;
    expect(a.spans).toHaveLength(2);
    expect(a.startedAt).toBe(T0_ISO); // the earliest start, not the first span's
    // The root span speaks for the run even when a child came first.
    expect(a.run).toEqual({
      sessionId: "conv-root",
      endUser: "user-7",
      agentVersion: "1.4.2",
      metadata: {
        source: "otlp",
        "gen_ai.agent.name": "Support bot",
        "gen_ai.agent.id": "asst_1",
        "service.name": "support",
        "service.version": "1.4.2",
        "deployment.environment.name": "prod",
      },
    });
    expect(a.root).toEqual({ endedAt: "2023-11-14T22:13:21.500Z", failed: false, error: undefined });
    expect(b.run.sessionId).toBe("oi-session");
    expect(b.root).toBeUndefined(); // only a child of this trace arrived
  });

  it("gen_ai.agent.version wins over service.version", () => {
    const m = mapTraceRequest(body([span({ attributes: kv({ "gen_ai.agent.version": str("2025-05-01") }) })], { "service.version": str("9") }));
    expect(m.traces[0].run.agentVersion).toBe("2025-05-01");
  });

  it("marks a root span with status ERROR as a failed run, with its message", () => {
    const m = mapTraceRequest(body([span({ status: { code: 2, message: "tool timed out" } })]));
    expect(m.traces[0].root).toEqual({ endedAt: "2023-11-14T22:13:21.500Z", failed: true, error: "tool timed out" });
  });

  it("keeps the first of two spans with the same id in one request", () => {
    const m = mapTraceRequest(body([span({ name: "first" }), span({ name: "second" })]));
    expect(m.traces[0].spans.map((s) => s.name)).toEqual(["first"]);
    expect(m.rejectedSpans).toBe(0);
  });
});

describe("mapTraceRequest: OTLP encoding rules", () => {
  it.each([
    [undefined, "unset"],
    [0, "unset"],
    [1, "ok"],
    [2, "error"],
    ["STATUS_CODE_ERROR", "error"],
    [7, "unset"],
  ])("status code %s → %s", (code, status) => {
    expect(one(span({ status: code === undefined ? {} : { code } })).status).toBe(status);
  });

  it("keeps the status message and the span kind name in attributes", () => {
    const s = one(span({ kind: 2, status: { code: 2, message: "boom" } }));
    expect(s.attributes).toMatchObject({ "otel.span_kind": "server", "otel.status_message": "boom" });
    expect(one(span({ kind: "SPAN_KIND_CONSUMER" })).attributes).toMatchObject({ "otel.span_kind": "consumer" });
    expect(one(span({ kind: 0 })).attributes).not.toHaveProperty("otel.span_kind");
  });

  it("reads nanosecond timestamps as decimal strings or numbers, to the millisecond", () => {
    expect(one(span({ startTimeUnixNano: "1700000000123456789", endTimeUnixNano: "1700000000999999999" }))).toMatchObject({
      startTime: "2023-11-14T22:13:20.123Z",
      endTime: "2023-11-14T22:13:20.999Z",
    });
    expect(one(span({ startTimeUnixNano: 1700000000123456789, endTimeUnixNano: 1700000002000000000 }))).toMatchObject({
      startTime: "2023-11-14T22:13:20.123Z",
      endTime: "2023-11-14T22:13:22.000Z",
    });
  });

  it("treats an absent or zero end time as not ended", () => {
    expect(one(span({ endTimeUnixNano: undefined })).endTime).toBeUndefined();
    expect(one(span({ endTimeUnixNano: "0" })).endTime).toBeUndefined();
    expect(one(span({ endTimeUnixNano: 0 })).endTime).toBeUndefined();
  });

  it("converts every attribute value type", () => {
    const s = one(
      span({
        attributes: kv({
          s: str("text"),
          i: int(42),
          iStr: int("42"),
          iNeg: int("-7"),
          iBig: int("9007199254740993"),
          d: dbl(1.5),
          dStr: dbl("2.25"),
          dNaN: dbl("NaN"),
          dInf: dbl("Infinity"),
          b: { boolValue: true },
          bFalse: { boolValue: false },
          arr: { arrayValue: { values: [str("a"), int(1), { arrayValue: { values: [{ boolValue: false }] } }] } },
          emptyArr: { arrayValue: {} },
          kvl: { kvlistValue: { values: kv({ x: int("1"), nested: { kvlistValue: { values: kv({ y: str("z") }) } } }) } },
          bytes: { bytesValue: "3q2+7w==" },
          empty: {},
          future: { someNewValue: 1 },
        }),
      }),
    );
    expect(s.attributes).toEqual({
      s: "text",
      i: 42,
      iStr: 42,
      iNeg: -7,
      iBig: "9007199254740993",
      d: 1.5,
      dStr: 2.25,
      dNaN: "NaN",
      dInf: "Infinity",
      b: true,
      bFalse: false,
      arr: ["a", 1, [false]],
      emptyArr: [],
      kvl: { x: 1, nested: { y: "z" } },
      bytes: "3q2+7w==",
      empty: null,
      future: null,
      "otel.span_kind": "internal",
    });
  });

  it("ignores unknown fields at every level", () => {
    const m = mapTraceRequest({
      futureTopLevel: true,
      resourceSpans: [
        {
          schemaUrl: "https://opentelemetry.io/schemas/1.30.0",
          somethingNew: { a: 1 },
          resource: { attributes: kv({ "service.name": str("svc") }), droppedAttributesCount: 0, entityRefs: [] },
          scopeSpans: [
            {
              scope: { name: "x", version: "1", extra: 1 },
              schemaUrl: "",
              spans: [span({ traceState: "a=b", flags: 257, links: [{ traceId: TRACE_2 }], droppedEventsCount: 0, brandNew: [1, 2] })],
            },
          ],
        },
      ],
    });
    expect(m.rejectedSpans).toBe(0);
    expect(m.traces[0].spans).toHaveLength(1);
    expect(m.traces[0].run.metadata["service.name"]).toBe("svc");
  });

  it("records span events in attributes", () => {
    const s = one(
      span({ events: [{ name: "exception", timeUnixNano: "1700000000500000000", attributes: kv({ "exception.message": str("bad") }) }] }),
    );
    expect(s.attributes?.["otel.events"]).toEqual([
      { name: "exception", time: "2023-11-14T22:13:20.500Z", attributes: { "exception.message": "bad" } },
    ]);
  });

  it("names a nameless span after its operation, and cuts over-long names and models", () => {
    expect(one(span({ name: "", attributes: kv({ "gen_ai.operation.name": str("chat") }) })).name).toBe("chat");
    expect(one(span({ name: undefined })).name).toBe("span");
    const long = one(span({ name: "n".repeat(500), attributes: kv({ "gen_ai.operation.name": str("chat"), "gen_ai.request.model": str("m".repeat(300)) }) }));
    expect(long.name).toHaveLength(200);
    expect(long.model).toHaveLength(200);
  });

  it("drops characters Postgres cannot store (NUL, lone surrogates)", () => {
    const s = one(span({ name: "a\u0000b", attributes: kv({ "k\u0000": str("x\uD800y"), msg: str('{"t":"\\u0000z"}') }) }));
    expect(s.name).toBe("ab");
    expect(s.attributes).toMatchObject({ k: "x\uFFFDy", msg: '{"t":"\\u0000z"}' });
    const withInput = one(span({ attributes: kv({ "input.value": str('{"t":"\\u0000z"}') }) }));
    expect(withInput.input).toEqual({ t: "z" });
  });

  it("accepts uppercase hex ids (stored lowercase) and base64 ids from generic protobuf-JSON encoders", () => {
    expect(one(span({ traceId: TRACE.toUpperCase(), spanId: ROOT.toUpperCase() }))).toMatchObject({ id: ROOT });
    const b64 = one(span({ traceId: Buffer.from(TRACE, "hex").toString("base64"), spanId: Buffer.from(ROOT, "hex").toString("base64") }));
    expect(b64.id).toBe(ROOT);
  });

  it("produces spans the REST contract accepts as they are", () => {
    const s = one(span({ attributes: kv({ "gen_ai.operation.name": str("chat"), "gen_ai.usage.input_tokens": int(1) }) }));
    expect(spanInput.safeParse(s).success).toBe(true);
  });
});

describe("mapTraceRequest: rejected spans and malformed requests", () => {
  it.each([
    ["a short traceId", { traceId: "abc" }, "traceId must be 32 hex"],
    ["an all-zero traceId", { traceId: "0".repeat(32) }, "traceId must be 32 hex"],
    ["a non-hex traceId", { traceId: "z".repeat(32) }, "traceId must be 32 hex"],
    ["a missing spanId", { spanId: undefined }, "spanId must be 16 hex"],
    ["a 32-char spanId", { spanId: TRACE }, "spanId must be 16 hex"],
    ["a bad parentSpanId", { parentSpanId: "xyz" }, "parentSpanId must be empty or 16 hex"],
    ["no start time", { startTimeUnixNano: undefined }, "startTimeUnixNano"],
    ["a zero start time", { startTimeUnixNano: "0" }, "startTimeUnixNano"],
    ["a non-numeric start time", { startTimeUnixNano: "yesterday" }, "startTimeUnixNano"],
    ["a negative end time", { endTimeUnixNano: -5 }, "endTimeUnixNano must be"],
    ["an end before its start", { endTimeUnixNano: "1600000000000000000" }, "before startTimeUnixNano"],
    ["attributes that are not a list", { attributes: { a: 1 } }, "attributes must be an array"],
  ])("rejects a span with %s, keeps the others, and says why", (_label, over, reason) => {
    const m = mapTraceRequest(body([span({ spanId: CHILD, parentSpanId: ROOT }), span(over), span({ spanId: "aaaaaaaaaaaaaaaa" })]));
    expect(m.rejectedSpans).toBe(1);
    expect(m.spanCount).toBe(3);
    expect(m.traces[0].spans).toHaveLength(2);
    expect(m.errorMessage).toContain("1 of 3 spans rejected");
    expect(m.errorMessage).toContain("resourceSpans[0].scopeSpans[0].spans[1]");
    expect(m.errorMessage).toContain(reason);
  });

  it("counts every rejected span but quotes only the first few reasons", () => {
    const bad = Array.from({ length: 12 }, () => span({ traceId: "nope" }));
    const m = mapTraceRequest(body([...bad, "not a span", span()]));
    expect(m.rejectedSpans).toBe(13);
    expect(m.traces[0].spans).toHaveLength(1);
    expect(m.errorMessage!.match(/resourceSpans/g)).toHaveLength(OTLP_LIMITS.maxErrorMessages);
    expect(m.errorMessage).toMatch(/; …$/);
  });

  it("accepts an empty request", () => {
    expect(mapTraceRequest({})).toEqual({ traces: [], spanCount: 0, rejectedSpans: 0 });
    expect(mapTraceRequest({ resourceSpans: [] }).traces).toEqual([]);
    expect(mapTraceRequest({ resourceSpans: [{}] }).traces).toEqual([]);
    expect(mapTraceRequest({ resourceSpans: [{ scopeSpans: [{}] }] }).traces).toEqual([]);
  });

  it.each([
    ["null", null],
    ["a string", "resourceSpans"],
    ["an array", [{ resourceSpans: [] }]],
    ["resourceSpans as an object", { resourceSpans: {} }],
    ["resourceSpans as a string", { resourceSpans: "[]" }],
    ["a resourceSpans item that is not an object", { resourceSpans: [1] }],
    ["scopeSpans that is not an array", { resourceSpans: [{ scopeSpans: {} }] }],
    ["a scopeSpans item that is not an object", { resourceSpans: [{ scopeSpans: [null] }] }],
    ["spans that is not an array", { resourceSpans: [{ scopeSpans: [{ spans: "x" }] }] }],
  ])("refuses %s with 400", (_label, b) => {
    badRequest(b);
  });

  it("refuses snake_case field names instead of silently storing nothing", () => {
    expect(badRequest({ resource_spans: [{ scope_spans: [] }] })).toContain("lowerCamelCase");
  });

  it("refuses more spans than one export may carry with 413", () => {
    const spans = Array.from({ length: OTLP_LIMITS.maxSpansPerRequest + 1 }, (_, i) => span({ spanId: (i + 1).toString(16).padStart(16, "0") }));
    try {
      mapTraceRequest(body(spans));
      throw new Error("expected a 413");
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect(STATUS_BY_CODE[(err as DomainError).code]).toBe(413);
    }
  });
});
