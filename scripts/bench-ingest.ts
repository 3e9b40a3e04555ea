// npm run bench:ingest — span ingestion over real HTTP vs. Postgres COPY, measured in one run.
// Sends SPANS spans (default 50,000) in batches of 1,000 through POST /api/v1/runs/{id}/spans
// on a production server (`next build` first), then COPYs the same rows into an identical
// scratch table; ROUNDS (default 3) alternating rounds, medians compared.
// Last line: spans_per_s=<n> copy_rows_per_s=<n> ratio=<spans/copy>.
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { makeAgent } from "../tests/helpers/factories";
import { startApp } from "../tests/helpers/app-server";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench:ingest needs DATABASE_URL (a Postgres server; e.g. postgres://postgres@127.0.0.1:5432/test)");
  process.exit(2);
}
const TOTAL = Number(process.env.SPANS || 50_000);
const BATCH = 1_000;
const CONCURRENCY = Number(process.env.CONCURRENCY || 4);

await applyMigrations({ kind: "postgres", url });
const db = createDb({ kind: "postgres", url }, { poolMax: 2 });
const { key } = await makeAgent(db, { name: `bench-${randomUUID().slice(0, 8)}` });
const app = await startApp({ databaseUrl: url, env: { WARDEN_RATE_LIMIT_PER_MINUTE: "1000000" } });

const api = (path: string, body: unknown) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const t0 = Date.parse("2026-11-26T00:00:00Z");
function span(i: number) {
  const llm = i % 3 !== 2;
  return {
    id: `s${i}`,
    parentId: i % 10 === 0 ? undefined : `s${i - (i % 10)}`,
    kind: llm ? "llm" : "tool",
    name: llm ? "chat" : "search_orders",
    model: llm ? "gpt-4o-mini" : undefined,
    startTime: new Date(t0 + i * 10).toISOString(),
    endTime: new Date(t0 + i * 10 + 350).toISOString(),
    inputTokens: llm ? 800 + (i % 400) : undefined,
    outputTokens: llm ? 120 + (i % 80) : undefined,
    status: i % 50 === 0 ? "error" : "ok",
    input: { messages: [{ role: "user", content: `Where is order #${10_000 + i}? I ordered it last week.` }] },
    output: { content: "Your order shipped yesterday and should arrive on Friday." },
    attributes: { "gen_ai.system": "openai", attempt: 1 },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ROUNDS = Number(process.env.ROUNDS || 3);

try {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bench_spans_copy");
  await client.query("CREATE TABLE bench_spans_copy (LIKE spans INCLUDING ALL)");
  const esc = (v: unknown) => (v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n"));

  // Both sides get their input prepared before the clock starts: request bodies for HTTP,
  // tab-separated lines for COPY. Rounds alternate so machine noise hits both alike.
  const httpSeconds: number[] = [];
  const copySeconds: number[] = [];
  let spanBase = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const runs: string[] = [];
    for (let i = 0; i < CONCURRENCY; i++) runs.push((await (await api("/api/v1/runs", {})).json()).id);
    for (const r of runs) await api(`/api/v1/runs/${r}/spans`, { spans: [{ ...span(-1), id: "warm" }] });
    const bodies = Array.from({ length: Math.ceil(TOTAL / BATCH) }, (_, b) =>
      JSON.stringify({ spans: Array.from({ length: Math.min(BATCH, TOTAL - b * BATCH) }, (_, j) => span(spanBase + b * BATCH + j)) }),
    );
    let next = 0;
    let started = performance.now();
    await Promise.all(
      runs.map(async (runId) => {
        for (;;) {
          const b = next++;
          if (b >= bodies.length) return;
          const res = await fetch(`${app.url}/api/v1/runs/${runId}/spans`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: bodies[b],
          });
          if (res.status !== 200) throw new Error(`batch ${b}: HTTP ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    httpSeconds.push((performance.now() - started) / 1000);
    const stored = await db.span.count({ where: { runId: { in: runs } } });
    if (stored !== TOTAL + runs.length) throw new Error(`expected ${TOTAL + runs.length} spans stored, found ${stored}`);

    const lines: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const s = span(spanBase + i);
      lines.push(
        [
          randomUUID(), runs[i % runs.length], `c${spanBase + i}`, s.parentId ?? null, s.kind, s.name, s.model ?? null,
          s.inputTokens ?? 0, s.outputTokens ?? 0, 0, s.status, JSON.stringify(s.input), JSON.stringify(s.output),
          JSON.stringify(s.attributes), s.startTime, s.endTime, Date.parse(s.endTime) - Date.parse(s.startTime),
        ].map(esc).join("\t") + "\n",
      );
    }
    started = performance.now();
    await pipeline(
      Readable.from(lines),
      client.query(
        copyFrom(
          "COPY bench_spans_copy (id, run_id, external_id, parent_id, kind, name, model, input_tokens, output_tokens, cost_micros, status, input, output, attributes, started_at, ended_at, duration_ms) FROM STDIN",
        ),
      ),
    );
    copySeconds.push((performance.now() - started) / 1000);
    spanBase += TOTAL;
  }
  await client.query("DROP TABLE bench_spans_copy");
  await client.end();

  const spansPerS = Math.round(TOTAL / median(httpSeconds));
  const copyPerS = Math.round(TOTAL / median(copySeconds));
  console.log(
    `spans=${TOTAL} batch=${BATCH} concurrency=${CONCURRENCY} rounds=${ROUNDS} http_s=${httpSeconds.map((x) => x.toFixed(2)).join(",")} copy_s=${copySeconds.map((x) => x.toFixed(2)).join(",")}`,
  );
  console.log(`spans_per_s=${spansPerS} copy_rows_per_s=${copyPerS} ratio=${(spansPerS / copyPerS).toFixed(3)}`);
} finally {
  await app.stop();
  await db.$disconnect();
}
process.exit(0);
