import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/openapi.json/route";
import { LIMITS } from "../../lib/api/limits";
import { buildOpenApiDocument } from "../../lib/openapi/document";
import { ValidationError } from "../../lib/errors";
import { errorToResponse } from "../../lib/http/problem";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
  security: unknown[];
  "x-warden-limits": Record<string, number>;
};
type Operation = {
  operationId: string;
  parameters?: Array<{ $ref?: string; name?: string; schema?: Schema }>;
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
};
type Schema = Record<string, any>;

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every (METHOD, /api/v1/path) a route file under app/api/v1 exports, from the filesystem. */
function routeOperations(): string[] {
  const ops: string[] = [];
  for (const file of readdirSync(API_DIR, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((s) => s !== "." && !/^\(.*\)$/.test(s)) // route groups do not appear in URLs
      .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
    const urlPath = ["/api/v1", ...segments].join("/");
    const src = readFileSync(path.join(API_DIR, file), "utf8");
    const exported = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(src));
    expect(exported.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const m of exported) ops.push(`${m} ${urlPath}`);
  }
  return ops.sort();
}

function documentedOperations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
}

const doc = buildOpenApiDocument() as Doc;

function schemaValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "https://warden.test/openapi.json", components: doc.components }, "doc");
  return (name: string) => {
    const validate = ajv.getSchema(`https://warden.test/openapi.json#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return (value: unknown) => (validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));
  };
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document (real validator, $refs resolved)", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route file under app/api/v1 (a new endpoint without docs fails here)", () => {
    const documented = new Set(documentedOperations(doc));
    const routes = routeOperations();
    expect(routes).toContain("PATCH /api/v1/runs/{id}");
    const missing = routes.filter((op) => !documented.has(op));
    expect(missing).toEqual([]);
  });

  it("documents nothing that has no route file", () => {
    const routes = new Set(routeOperations());
    const stale = documentedOperations(doc).filter((op) => !routes.has(op));
    expect(stale).toEqual([]);
  });

  it("covers the agent API's endpoints", () => {
    expect(documentedOperations(doc)).toEqual(
      [
        "GET /api/v1/agent",
        "POST /api/v1/runs",
        "GET /api/v1/runs/{id}",
        "PATCH /api/v1/runs/{id}",
        "POST /api/v1/runs/{id}/spans",
        "POST /api/v1/actions",
        "GET /api/v1/actions/{id}",
        "POST /api/v1/actions/{id}/result",
        "POST /api/v1/actions/{id}/cancel",
        "POST /api/v1/scores",
        "POST /api/v1/otlp/v1/traces",
        "GET /api/v1/openapi.json",
        "GET /api/v1/action-types",
        "POST /api/v1/action-types",
        "GET /api/v1/action-types/{key}",
        "PATCH /api/v1/action-types/{key}",
        "GET /api/v1/agents/{id}",
        "PATCH /api/v1/agents/{id}",
        "GET /api/v1/kill-switch",
        "PUT /api/v1/kill-switch",
        "GET /api/v1/incidents",
        "POST /api/v1/incidents/{id}/acknowledge",
        "POST /api/v1/incidents/{id}/resolve",
        "POST /api/v1/runs/{id}/budget-grant",
      ].sort(),
    );
  });

  it("requires the bearer key everywhere but on the document itself", () => {
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        if (p === "/api/v1/openapi.json") expect(op.security).toEqual([]);
        else {
          expect(op.security, op.operationId).toBeUndefined();
          expect(op.responses["401"], op.operationId).toBeDefined();
          expect(op.responses["429"], op.operationId).toBeDefined();
        }
      }
    }
  });

  it("takes an Idempotency-Key on every agent POST but OTLP's and documents replays and conflicts", () => {
    const operator = (op: Operation) => (op as Operation & { tags: string[] }).tags.includes("operators");
    const posts = Object.values(doc.paths).flatMap((item) => (item.post && item.post.operationId !== "exportTraces" && !operator(item.post) ? [item.post] : []));
    expect(posts.length).toBeGreaterThanOrEqual(5);
    for (const op of posts) {
      expect(op.parameters?.map((p) => p.$ref), op.operationId).toContain("#/components/parameters/IdempotencyKey");
      expect(op.responses["409"], op.operationId).toBeDefined();
      expect(op.responses["422"], op.operationId).toBeDefined();
    }
    expect(doc.components.parameters.IdempotencyKey.schema.maxLength).toBe(LIMITS.idempotencyKeyLength);
    // OTLP dedupes by span id instead, and answers in OTLP's own error scheme (400 for bad input, 503 to retry).
    const otlp = doc.paths["/api/v1/otlp/v1/traces"].post;
    expect(otlp.parameters?.map((p) => p.$ref ?? p.name)).toEqual(["Content-Encoding"]);
    expect(Object.keys(otlp.responses).sort()).toEqual(["200", "400", "401", "403", "413", "415", "429", "503"]);
    // Operator POSTs are exactly once by their own rules (a second acknowledge is 409) and say so.
    const operatorPosts = Object.values(doc.paths).flatMap((item) => (item.post && operator(item.post) ? [item.post] : []));
    expect(operatorPosts.map((op) => op.operationId).sort()).toEqual(["acknowledgeIncident", "grantRunBudget", "resolveIncident"]);
    for (const op of operatorPosts) {
      expect(op.parameters?.map((p) => p.$ref), op.operationId).not.toContain("#/components/parameters/IdempotencyKey");
      expect(op.responses["409"], op.operationId).toBeDefined();
    }
  });

  it("documents the long-poll wait parameter with its 60 s cap", () => {
    const wait = doc.paths["/api/v1/actions/{id}"].get.parameters!.find((p) => p.name === "wait");
    expect(wait).toMatchObject({ in: "query", required: false, schema: { type: "number", minimum: 0, maximum: LIMITS.maxWaitSeconds } });
  });

  it("carries the limits: x-warden-limits, maxItems and maxLength from the schemas", () => {
    expect(doc["x-warden-limits"]).toMatchObject({ ...LIMITS, otlp: { maxDecodedBytes: expect.any(Number) } });
    const s = doc.components.schemas;
    expect(s.RecordSpansInput.properties.spans).toMatchObject({ maxItems: LIMITS.maxSpansPerBatch, minItems: 1 });
    expect(s.RecordSpansInput.properties.spans.items).toEqual({ $ref: "#/components/schemas/SpanInput" });
    expect(s.SpanInput.properties.name.maxLength).toBe(LIMITS.shortString);
    expect(s.RequestActionInput.properties.rationale.maxLength).toBe(LIMITS.longString);
    expect(JSON.stringify(doc)).toContain(`${LIMITS.maxBodyBytes} bytes`);
  });

  it("generates request schemas as inputs (defaults optional) and responses as outputs", () => {
    const s = doc.components.schemas;
    expect(s.SpanInput.required).toEqual(["name", "startTime"]);
    expect(s.SpanInput.additionalProperties).toBe(false);
    expect(s.ActionView.required).toContain("decision");
    expect(s.ActionView.properties.decision.enum).toEqual(["execute", "wait", "draft", "rejected", "halted"]);
    expect(s.RecordSpansResult.properties.run).toEqual({ $ref: "#/components/schemas/RunView" });
  });

  it("stays within what code generators handle: JSON values without recursion, no defaults in request schemas", () => {
    // A self-referencing JsonValue becomes a type alias naming itself (TS2502), and a `default`
    // makes openapi-typescript mark the property required; tests/integration/openapi-client compiles a client.
    const s = doc.components.schemas;
    expect(s.JsonValue).toEqual({ description: expect.stringContaining("Any JSON value") });
    expect(s.ActionView.properties.payload).toMatchObject({ $ref: "#/components/schemas/JsonValue" });
    expect(s.SpanInput.properties.kind).not.toHaveProperty("default");
    expect(s.SpanInput.properties.kind.description).toBe('Defaults to "other" when omitted.');
    expect(s.SpanInput.properties.status.description).toBe('Defaults to "unset" when omitted.');
    expect(JSON.stringify(doc)).not.toContain('"default":');
  });

  it("has only $refs into components (no dangling local $defs)", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(r).toMatch(/"\$ref":"#\/components\/(schemas|responses|parameters|headers)\/\w+"/);
    expect(JSON.stringify(doc)).not.toContain("$defs");
  });

  it("accepts real request bodies and responses, and refuses what the API refuses", async () => {
    const check = schemaValidator();
    const runView = {
      id: "0b7a3c8e-2f0e-4f4e-9d7a-1c2b3d4e5f60",
      externalId: null,
      status: "running",
      haltReason: null,
      agentVersion: "1.2.0",
      sessionId: null,
      startedAt: "2025-01-01T00:00:00.000Z",
      endedAt: null,
      totals: { inputTokens: 10, outputTokens: 5, costUsd: 0.001, spanCount: 2, durationMs: null },
    };
    expect(check("RunView")(runView)).toEqual([]);
    expect(check("RecordSpansResult")({ accepted: 2, run: runView, continue: true, reason: null })).toEqual([]);
    expect(
      check("RecordSpansInput")({
        spans: [{ name: "llm call", startTime: "2025-01-01T00:00:00Z", kind: "llm", input: { messages: [{ role: "user", content: "hi" }] } }],
      }),
    ).toEqual([]);
    expect(check("RecordSpansInput")({ spans: [] })).not.toEqual([]);
    expect(check("RecordSpansInput")({ spans: [{ name: "x", startTime: "2025-01-01T00:00:00Z", extra: 1 }] })).not.toEqual([]);
    expect(check("RequestActionInput")({ type: "support.reply", payload: { text: "hello", n: [1, null, { a: true }] }, confidence: 0.9 })).toEqual([]);
    expect(check("RequestActionInput")({ type: "Support Reply", payload: {} })).not.toEqual([]);
    const score = check("RecordScoreInput");
    expect(score({ runId: runView.id, name: "helpfulness", value: 0.8, source: "judge" })).toEqual([]);
    expect(score({ name: "helpfulness", value: 0.8, source: "judge" })).not.toEqual([]);
    expect(score({ runId: runView.id, actionId: runView.id, name: "h", value: 1, source: "rule" })).not.toEqual([]);

    const problem = await errorToResponse(new ValidationError("bad", [{ path: "payload.amount", message: "must be positive" }])).json();
    expect(check("Problem")(problem)).toEqual([]);
  });

  it("is served as JSON without a key", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
