import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, uniq } from "../helpers/factories";

// What a team does with our OpenAPI document: generate types with openapi-typescript (default
// options), write a client with openapi-fetch, compile it under --strict and run it. Generated,
// compiled and run in a temporary folder against the real built app (`npx next build` first).

const ROOT = path.resolve(import.meta.dirname, "../..");
const db = useTestDb();
let app: AppServer;
let dir: string;

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
  dir = mkdtempSync(path.join(tmpdir(), "warden-openapi-client-"));
  // The folder resolves packages (openapi-fetch, @types/node) from the project, as an installed app would.
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
});
afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The flow an agent runs: start a run, record spans, ask to act, read the action, report the
// result, finish. The @ts-expect-error lines fail the compile if the types turn permissive (any).
const CLIENT = `
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type SpanInput = components["schemas"]["SpanInput"];
type JsonValue = components["schemas"]["JsonValue"];
type IsAny<T> = 0 extends 1 & T ? true : false;

const api = createClient<paths>({
  baseUrl: process.env.WARDEN_URL!,
  headers: { authorization: \`Bearer \${process.env.WARDEN_KEY!}\` },
});

function must<T>(r: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (r.data === undefined) throw new Error(\`\${what}: \${r.response.status} \${JSON.stringify(r.error)}\`);
  return r.data;
}

const run = must(
  await api.POST("/api/v1/runs", {
    body: { externalId: process.env.EXTERNAL_ID!, input: { ticket: 42 }, metadata: { channel: "email", tags: ["vip", null] } },
  }),
  "startRun",
);
const runIsTyped: IsAny<typeof run> = false;

const t0 = new Date(Date.now() - 2_000).toISOString();
const spans: SpanInput[] = [
  {
    id: "s1", kind: "llm", name: "draft reply", model: "gpt-4o-mini", startTime: t0, endTime: new Date().toISOString(),
    inputTokens: 812, outputTokens: 164, input: [{ role: "user", content: "hi" }],
  },
  // kind and status have defaults on the server: a client may leave them out.
  { id: "s2", parentId: "s1", name: "lookup", startTime: t0 },
];
// @ts-expect-error name is required
const nameless: SpanInput = { startTime: t0 };
const recorded = must(await api.POST("/api/v1/runs/{id}/spans", { params: { path: { id: run.id } }, body: { spans } }), "recordSpans");

const payload: { [key: string]: JsonValue } = { text: "hello", amounts: [1, 2.5], nested: { ok: true, none: null } };
const asked = must(
  await api.POST("/api/v1/actions", {
    params: { header: { "Idempotency-Key": process.env.EXTERNAL_ID! } },
    body: { runId: run.id, type: process.env.ACTION_TYPE!, payload, confidence: 0.9 },
  }),
  "requestAction",
);
// @ts-expect-error decision is one of the documented values
const impossible: typeof asked.decision = "maybe";

const read = must(await api.GET("/api/v1/actions/{id}", { params: { path: { id: asked.id }, query: { wait: 1 } } }), "getAction");
const readIsTyped: IsAny<typeof read> = false;
const reported = must(
  await api.POST("/api/v1/actions/{id}/result", { params: { path: { id: asked.id } }, body: { status: "succeeded", output: { messageId: "m-1" } } }),
  "reportActionResult",
);
// Out of range: the server refuses it with a problem naming the field.
const refused = await api.GET("/api/v1/actions/{id}", { params: { path: { id: asked.id }, query: { wait: 61 } } });
const finished = must(await api.PATCH("/api/v1/runs/{id}", { params: { path: { id: run.id } }, body: { status: "succeeded", output: "sent" } }), "finishRun");

console.log(JSON.stringify({
  run, recorded, asked, read, reported, finished,
  refused: { status: refused.response.status, code: refused.error?.code, fieldErrors: refused.error?.fieldErrors },
}));
`;

/** Compiles the client with the TypeScript compiler API under strict; returns the diagnostics as text. */
function compile(files: string[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmitOnError: true,
    skipLibCheck: false, // the generated schema is a .d.ts: check it too
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    typeRoots: [path.join(dir, "node_modules/@types")],
    outDir: path.join(dir, "out"),
  };
  const program = ts.createProgram(files, options);
  const before = ts.getPreEmitDiagnostics(program);
  const diagnostics = before.length ? before : program.emit().diagnostics;
  return diagnostics.map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : "";
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

describe("a typed client generated from the OpenAPI document", () => {
  // Type-checking the DOM and Node declarations takes seconds; more on a busy machine.
  it("compiles under strict with openapi-typescript + openapi-fetch and runs an agent's flow against the app", { timeout: 180_000 }, async () => {
    const doc = await (await fetch(`${app.url}/api/v1/openapi.json`)).json();
    writeFileSync(path.join(dir, "schema.d.ts"), astToString(await openapiTS(doc)));
    writeFileSync(path.join(dir, "client.ts"), CLIENT);

    expect(compile([path.join(dir, "client.ts")])).toEqual([]);

    const { key } = await makeAgent(db);
    const type = `oas_${uniq("t").slice(2).replace(/-/g, "_")}.send`;
    await db.actionType.create({ data: { key: type, level: 0 } }); // level 0: executes at once
    const externalId = uniq("oas");
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(dir, "out/client.js")], {
      env: { ...process.env, WARDEN_URL: app.url, WARDEN_KEY: key, EXTERNAL_ID: externalId, ACTION_TYPE: type },
    });
    const out = JSON.parse(stdout);

    expect(out.run).toMatchObject({ externalId, status: "running" });
    expect(out.recorded).toMatchObject({ accepted: 2, continue: true, run: { totals: { inputTokens: 812, outputTokens: 164, spanCount: 2 } } });
    expect(out.asked).toMatchObject({ type, decision: "execute", runId: out.run.id, payload: { text: "hello", nested: { ok: true, none: null } } });
    expect(out.read).toMatchObject({ id: out.asked.id, decision: "execute", payload: out.asked.payload });
    expect(out.reported).toMatchObject({ status: "executed", outcome: "succeeded" });
    expect(out.refused).toEqual({ status: 422, code: "validation_failed", fieldErrors: [{ path: "wait", message: expect.any(String) }] });
    expect(out.finished).toMatchObject({ id: out.run.id, status: "succeeded" });

    // The span sent without kind and status got the server's defaults.
    const spans = await db.span.findMany({ where: { runId: out.run.id }, orderBy: { externalId: "asc" } });
    expect(spans.map((s) => [s.externalId, s.kind, s.status])).toEqual([
      ["s1", "llm", "unset"],
      ["s2", "other", "unset"],
    ]);
  });
});
