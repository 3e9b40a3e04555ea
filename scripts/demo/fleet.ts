// The simulated fleet: four agents that work through the SDK over real HTTP, exactly as a
// customer's agents would — runs with LLM, tool, retrieval and guardrail spans, and a question
// to Warden before every side effect.
import { WardenApiError, type Authorization, type JsonValue, type RequestActionInput, type WardenClient } from "../../lib/sdk";
import { crmNote, ENVIRONMENTS, KB_QUERIES, replyText, SERVICES, ticket } from "./data";
import { log } from "./log";
import { rng } from "./prng";
import { stats } from "./stats";
import { timed, Trace } from "./trace";

export type Fleet = { support: WardenClient; crm: WardenClient; ops: WardenClient; kb: WardenClient };

type RunResult = { status: "succeeded" | "failed"; output?: JsonValue; error?: string };
type RunSpec = { externalId: string; input: JsonValue; agentVersion: string; endUser?: string; sessionId?: string; rootName: string };

/** How long an agent waits for a reviewer in the main phase; backlog runs hand off and move on. */
const WAIT_MS = 45_000;
const HANDOFF_MS = 1_500;

const round2 = (n: number) => Math.round(n * 100) / 100;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function simulateRun(warden: WardenClient, spec: RunSpec, body: (trace: Trace) => Promise<RunResult>): Promise<void> {
  let runId: string;
  try {
    const run = await warden.startRun({ externalId: spec.externalId, input: spec.input, agentVersion: spec.agentVersion, endUser: spec.endUser, sessionId: spec.sessionId });
    runId = run.id;
  } catch (e) {
    if (stats.sdkErrors++ < 5) log.warn(`startRun failed: ${errorText(e)}`);
    return;
  }
  const trace = new Trace(warden, runId, spec.rootName);
  let result: RunResult;
  try {
    result = await body(trace);
  } catch (e) {
    result = { status: "failed", error: `agent crashed: ${errorText(e)}` };
  }
  trace.finish(result.status === "failed" ? result.error : undefined);
  try {
    const done = await warden.finishRun(runId, result);
    stats.bump(stats.runs, result.status);
    stats.inputTokens += done.totals.inputTokens;
    stats.outputTokens += done.totals.outputTokens;
    stats.costUsd += done.totals.costUsd;
  } catch (e) {
    if (stats.sdkErrors++ < 5) log.warn(`finishRun failed: ${errorText(e)}`);
  }
}

const refusedBySchema = (a: Authorization) => a.error instanceof WardenApiError && a.error.status === 422;

/** Asks Warden before acting, and records the question (and any wait for a person) as a span. */
async function ask(warden: WardenClient, trace: Trace, req: Omit<RequestActionInput, "runId">, waitMs: number): Promise<Authorization> {
  const a = await timed(
    trace,
    { kind: "other", name: `authorize ${req.type}`, input: req.payload },
    () => warden.authorize({ ...req, runId: trace.runId }, { waitMs }),
    (a) => ({
      output: { decision: a.decision, level: a.level, reason: a.reason },
      attributes: { "warden.action_id": a.id, "warden.decision": a.decision },
      error: refusedBySchema(a) ? a.reason : undefined,
    }),
  );
  stats.decision(req.type, a.decision, a.level);
  if (refusedBySchema(a)) stats.schemaRejections++;
  return a;
}

async function report(warden: WardenClient, type: string, a: Authorization, ok: boolean, outcome: { output?: JsonValue; error?: string }): Promise<void> {
  try {
    await warden.reportResult(a.id!, ok ? { status: "succeeded", output: outcome.output } : { status: "failed", error: outcome.error });
    stats.bump(stats.results, ok ? "succeeded" : "failed");
    if (type === "crm.update_record" && a.level === 1) {
      stats.crmLevel1Executions++;
      if (!ok) stats.crmLevel1Failures++;
    }
  } catch (e) {
    if (stats.sdkErrors++ < 5) log.warn(`reportResult failed: ${errorText(e)}`);
  }
}

function outcomeOf(a: Authorization): JsonValue {
  return { actionId: a.id, decision: a.decision, reason: a.reason };
}

async function pool(workers: number, count: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, count) }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Support bot: answers tickets (support.reply, level 3: drafts a person sends) and refunds
// (payments.refund: level 1 with a schema and a confidence floor, so shaky refunds escalate).

export type SupportOpts = { tag: string; index: number; total: number; backlog?: boolean };

/** Runs whose refund request breaks the payload schema on purpose (422 → `rejected`). */
const SCHEMA_VIOLATIONS = new Set([11, 58]);

async function supportRun(warden: WardenClient, o: SupportOpts): Promise<void> {
  const r = rng(`support:${o.backlog ? "backlog" : "main"}:${o.index}`);
  const forceRefund = SCHEMA_VIOLATIONS.has(o.index) || (o.backlog && o.index % 2 === 0);
  const t = ticket(r, o.backlog ? 900 + o.index : o.index);
  if (forceRefund) t.intent = "refund";
  // A new prompt and a cheaper model roll out for the last third of the traffic: quality drifts.
  const candidate = !o.backlog && o.index >= Math.floor(o.total * 0.65);
  const version = candidate ? "support-bot@1.5.0-rc1" : "support-bot@1.4.2";
  const replyModel = candidate ? "gpt-4o-mini" : "claude-sonnet-4";

  await simulateRun(
    warden,
    { externalId: `${o.tag}-support-${o.backlog ? "b" : ""}${o.index}`, input: { ticketId: t.id, channel: t.channel, text: t.text }, agentVersion: version, endUser: t.email, sessionId: t.id, rootName: "handle ticket" },
    async (trace) => {
      await trace.step({ kind: "guardrail", name: "input guard", durationMs: r.latency(14, 0.5), attributes: { checks: ["length", "pii", "prompt_injection"], verdict: "pass" } });
      await trace.step({ kind: "retrieval", name: "kb.search", durationMs: r.latency(190), input: { query: t.text.slice(0, 80) }, attributes: { topK: 5, hits: r.int(0, 5), index: "help-center-v7" } });
      if (r.chance(0.05)) {
        await trace.step({ kind: "llm", name: "classify intent", model: "gpt-4o-mini", durationMs: r.latency(350), inputTokens: r.int(500, 1100), outputTokens: 0, error: "429 Too Many Requests: rate limit reached for gpt-4o-mini (retrying)" });
      }
      await trace.step({ kind: "llm", name: "classify intent", model: "gpt-4o-mini", durationMs: r.latency(420), inputTokens: r.int(500, 1100), outputTokens: r.int(8, 30), output: { intent: t.intent } });

      let amount = 0;
      if (t.intent === "refund" || t.intent === "shipping") {
        if (r.chance(0.03)) {
          await trace.step({ kind: "tool", name: "orders.lookup", durationMs: r.latency(1500, 0.2), input: { orderId: t.order }, error: "orders service timed out after 1500 ms" });
          return { status: "failed", error: "could not look up the order: orders service timed out" };
        }
        amount = r.chance(0.15) ? round2(r.float(260, 480)) : round2(r.float(12, 240));
        await trace.step({ kind: "tool", name: "orders.lookup", durationMs: r.latency(140), input: { orderId: t.order }, output: { orderId: t.order, totalUsd: amount, status: "delivered" } });
      }

      if (r.chance(0.03)) {
        await trace.step({ kind: "llm", name: "draft reply", model: replyModel, durationMs: r.latency(600), inputTokens: r.int(1800, 4000), outputTokens: 0, error: "503 upstream overloaded" });
        await trace.step({ kind: "llm", name: "draft reply", model: replyModel, durationMs: r.latency(600), inputTokens: r.int(1800, 4000), outputTokens: 0, error: "503 upstream overloaded" });
        return { status: "failed", error: `${replyModel} unavailable after 2 attempts` };
      }
      const text = replyText(t, amount);
      await trace.step({ kind: "llm", name: "draft reply", model: replyModel, durationMs: r.latency(candidate ? 900 : 1800, 0.4, 5000), inputTokens: r.int(1800, 5200), outputTokens: r.int(120, 420), output: { text } });
      if (r.chance(0.04)) {
        await trace.step({ kind: "guardrail", name: "output guard", durationMs: r.latency(20), error: "blocked: the reply quoted a full card number", attributes: { rule: "pci.pan" } });
        await trace.step({ kind: "llm", name: "redraft reply", model: replyModel, durationMs: r.latency(1200, 0.4), inputTokens: r.int(2000, 5400), outputTokens: r.int(120, 380) });
      }
      await trace.step({ kind: "guardrail", name: "output guard", durationMs: r.latency(18), attributes: { verdict: "pass" } });

      const reply = await ask(
        warden,
        trace,
        {
          type: "support.reply",
          payload: { ticketId: t.id, channel: t.channel, to: t.email, text },
          confidence: round2(candidate ? r.float(0.45, 0.93) : r.skewHigh(0.62, 0.99)),
          rationale: `Intent ${t.intent}; answer grounded in the help center and the order record.`,
          subject: t.email,
        },
        0,
      );
      const output: Record<string, JsonValue> = { reply: outcomeOf(reply) };

      if (t.intent === "refund") {
        const violation = SCHEMA_VIOLATIONS.has(o.index) && !o.backlog;
        const payload: Record<string, JsonValue> = violation
          ? o.index % 2 === 0
            ? { orderId: t.order, amountUsd: "59.90", reason: t.text.slice(0, 120) }
            : { orderId: t.order, amountUsd: 749, reason: t.text.slice(0, 120) }
          : { orderId: t.order, amountUsd: amount || round2(r.float(12, 240)), reason: t.text.slice(0, 120) };
        const confidence = o.backlog ? round2(r.float(0.5, 0.78)) : round2(r.skewHigh(0.42, 0.99, 0.8));
        const refund = await ask(warden, trace, { type: "payments.refund", payload, confidence, rationale: "Customer is eligible under the 30-day policy.", subject: t.email }, o.backlog ? HANDOFF_MS : WAIT_MS);
        output.refund = outcomeOf(refund);
        if (refund.executable) {
          const ok = !r.chance(0.03);
          await trace.step({ kind: "tool", name: "stripe.refunds.create", durationMs: r.latency(380), input: refund.payload, error: ok ? undefined : "card_declined: the issuer refused the refund" });
          await report(warden, "payments.refund", refund, ok, ok ? { output: { refundId: `re_${r.int(1e8, 9e8)}` } } : { error: "card_declined: the issuer refused the refund" });
          if (!ok) return { status: "failed", output, error: "refund failed at the payment provider" };
        }
      }
      if (r.chance(0.6)) {
        const base = candidate ? r.float(0.5, 0.86) : r.skewHigh(0.72, 0.99);
        try {
          await warden.score({ runId: trace.runId, name: "helpfulness", value: round2(base), source: "judge", comment: "LLM judge (gpt-4.1) against the support rubric" });
          stats.scores++;
        } catch (e) {
          if (stats.sdkErrors++ < 5) log.warn(`score failed: ${errorText(e)}`);
        }
      }
      return { status: "succeeded", output };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// CRM updater: keeps records in sync with call notes (crm.update_record, promoted to level 1 —
// and its failures get it demoted automatically).

let crmExecutions = 0;

async function crmRun(warden: WardenClient, tag: string, index: number, backlog = false): Promise<void> {
  const r = rng(`crm:${backlog ? "backlog" : "main"}:${index}`);
  const note = crmNote(r);
  await simulateRun(
    warden,
    { externalId: `${tag}-crm-${backlog ? "b" : ""}${index}`, input: { note: note.note }, agentVersion: "crm-updater@2.3.0", rootName: "sync call notes" },
    async (trace) => {
      await trace.step({ kind: "llm", name: "extract fields", model: "gpt-4.1-mini", durationMs: r.latency(650), inputTokens: r.int(700, 1600), outputTokens: r.int(60, 200), output: note.fields });
      await trace.step({ kind: "tool", name: "crm.get_record", durationMs: r.latency(160), input: { recordId: note.recordId } });
      const d = await ask(
        warden,
        trace,
        { type: "crm.update_record", payload: { recordId: note.recordId, object: note.object, fields: note.fields }, confidence: round2(r.skewHigh(0.55, 0.99)), rationale: note.note, subject: note.company },
        backlog ? HANDOFF_MS : WAIT_MS,
      );
      if (!d.executable) return { status: "succeeded", output: outcomeOf(d) };
      // The CRM's API rejects a share of writes (locked records, renamed fields): a quarter of
      // them while the type runs unsupervised, rarely once a person checks each one.
      const n = crmExecutions++;
      const ok = d.level === 1 ? n % 4 !== 2 : !r.chance(0.05);
      const error = r.pick(["CRM API 409: record is locked by another session", "CRM API 422: unknown field 'nextStepDate' (renamed to 'next_step_on')"]);
      await trace.step({ kind: "tool", name: "crm.patch_record", durationMs: r.latency(260), input: d.payload, error: ok ? undefined : error });
      await report(warden, "crm.update_record", d, ok, ok ? { output: { recordId: note.recordId, updated: Object.keys(note.fields) } } : { error });
      if (r.chance(0.5)) {
        try {
          await warden.score({ runId: trace.runId, name: "field_accuracy", value: ok ? round2(r.skewHigh(0.8, 1)) : round2(r.float(0.3, 0.7)), source: "rule" });
          stats.scores++;
        } catch {
          stats.sdkErrors++;
        }
      }
      return ok ? { status: "succeeded", output: outcomeOf(d) } : { status: "failed", output: outcomeOf(d), error };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Ops bot: scales services (ops.scale_service, level 2) and cleans up idle environments
// (ops.delete_environment: destructive, on the blocked list, so always a person's call).

async function opsRun(warden: WardenClient, tag: string, index: number, backlog = false): Promise<void> {
  const r = rng(`ops:${backlog ? "backlog" : "main"}:${index}`);
  const scale = r.chance(0.55);
  await simulateRun(
    warden,
    { externalId: `${tag}-ops-${backlog ? "b" : ""}${index}`, input: { trigger: scale ? "alert: p95 latency over SLO" : "weekly cost review" }, agentVersion: "ops-bot@0.9.1", rootName: scale ? "handle latency alert" : "clean up environments" },
    async (trace) => {
      const wait = backlog ? HANDOFF_MS : WAIT_MS;
      if (scale) {
        const service = r.pick(SERVICES);
        const from = r.int(2, 8);
        const to = from + r.int(2, 10);
        await trace.step({ kind: "tool", name: "prometheus.query", durationMs: r.latency(220), input: { query: `histogram_quantile(0.95, rate(http_request_duration_seconds_bucket{service="${service}"}[5m]))` }, output: { p95Ms: r.int(700, 1400) } });
        await trace.step({ kind: "llm", name: "plan capacity", model: "claude-sonnet-4", durationMs: r.latency(1700, 0.35), inputTokens: r.int(2000, 4500), outputTokens: r.int(150, 400) });
        const d = await ask(warden, trace, { type: "ops.scale_service", payload: { service, fromReplicas: from, replicas: to, reason: "p95 latency over the 500 ms SLO for 15 minutes" }, confidence: round2(r.skewHigh(0.5, 0.95)), subject: service }, wait);
        if (!d.executable) return { status: "succeeded", output: outcomeOf(d) };
        await trace.step({ kind: "tool", name: "k8s.scale_deployment", durationMs: r.latency(420), input: d.payload });
        await report(warden, "ops.scale_service", d, true, { output: { rolledOut: true } });
        return { status: "succeeded", output: outcomeOf(d) };
      }
      await trace.step({ kind: "tool", name: "environments.list", durationMs: r.latency(180) });
      await trace.step({ kind: "llm", name: "find idle environments", model: "claude-sonnet-4", durationMs: r.latency(1500, 0.35), inputTokens: r.int(2500, 6000), outputTokens: r.int(100, 300) });
      const environment = r.chance(0.12) ? "prod-us-east" : r.pick(ENVIRONMENTS.slice(0, -1));
      const d = await ask(
        warden,
        trace,
        {
          type: "ops.delete_environment",
          payload: { environment, lastDeployAt: `2026-${String(r.int(7, 10)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`, monthlyCostUsd: r.int(40, 900), reason: "no deploys or traffic for 30+ days" },
          confidence: round2(r.float(0.5, 0.93)),
          subject: environment,
        },
        wait,
      );
      if (!d.executable) return { status: "succeeded", output: outcomeOf(d) };
      await trace.step({ kind: "tool", name: "terraform.destroy", durationMs: r.latency(1800, 0.3), input: d.payload });
      await report(warden, "ops.delete_environment", d, true, { output: { destroyed: environment } });
      return { status: "succeeded", output: outcomeOf(d) };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Knowledge indexer: logs unanswered searches as content gaps (kb.search_log, level 0).

async function kbRun(warden: WardenClient, tag: string, index: number): Promise<void> {
  const r = rng(`kb:${index}`);
  await simulateRun(
    warden,
    { externalId: `${tag}-kb-${index}`, input: { window: "last 15 minutes" }, agentVersion: "kb-indexer@1.1.0", rootName: "find content gaps" },
    async (trace) => {
      await trace.step({ kind: "retrieval", name: "search_logs.window", durationMs: r.latency(130), attributes: { queries: r.int(40, 400) } });
      await trace.step({ kind: "llm", name: "cluster unanswered queries", model: "gemini-2.0-flash", durationMs: r.latency(520), inputTokens: r.int(3000, 8000), outputTokens: r.int(100, 300) });
      const gaps = r.int(1, 2);
      for (let g = 0; g < gaps; g++) {
        const query = r.pick(KB_QUERIES);
        const d = await ask(warden, trace, { type: "kb.search_log", payload: { query, hits: 0, searches: r.int(3, 60), suggestedArticle: `How to ${query}` }, confidence: round2(r.float(0.9, 0.99)) }, 0);
        if (!d.executable) continue;
        await trace.step({ kind: "tool", name: "kb.append_gap_log", durationMs: r.latency(60), input: d.payload });
        await report(warden, "kb.search_log", d, true, { output: { logged: true } });
      }
      return { status: "succeeded", output: { gaps } };
    },
  );
}

// ---------------------------------------------------------------------------------------------

/** The first request of each type registers it (types are created on first use, at level 3). */
export async function registerTypes(fleet: Fleet, tag: string, missing: Set<string>): Promise<void> {
  const samples: [WardenClient, RequestActionInput][] = [
    [fleet.support, { type: "support.reply", payload: { ticketId: "T-48000", channel: "email", to: "first.customer@example.com", text: "Hi, thanks for writing in! Your order shipped this morning; here is the tracking link." }, confidence: 0.9 }],
    [fleet.support, { type: "payments.refund", payload: { orderId: "ORD-100001", amountUsd: 24.5, reason: "Damaged on arrival" }, confidence: 0.9 }],
    [fleet.crm, { type: "crm.update_record", payload: { recordId: "deal_10001", object: "deal", fields: { stage: "qualified" } }, confidence: 0.9 }],
    [fleet.ops, { type: "ops.scale_service", payload: { service: "checkout-api", fromReplicas: 3, replicas: 5, reason: "Black Friday load test" }, confidence: 0.8 }],
    [fleet.ops, { type: "ops.delete_environment", payload: { environment: "preview-pr-1200", lastDeployAt: "2026-08-01", monthlyCostUsd: 60, reason: "PR merged in August" }, confidence: 0.8 }],
    [fleet.kb, { type: "kb.search_log", payload: { query: "reset api key", hits: 0, searches: 12, suggestedArticle: "How to rotate API keys" }, confidence: 0.95 }],
  ];
  for (const [warden, req] of samples) {
    if (!missing.has(req.type)) continue;
    await simulateRun(warden, { externalId: `${tag}-first-${req.type}`, input: { firstContact: true }, agentVersion: "bootstrap", rootName: `first ${req.type}` }, async (trace) => {
      const a = await ask(warden, trace, { ...req, rationale: "First request of this type: registers it at level 3." }, 0);
      return { status: "succeeded", output: outcomeOf(a) };
    });
  }
}

export type Scale = { support: number; crm: number; ops: number; kb: number };

/** The main phase: every agent works through its share of runs concurrently. */
export async function runFleet(fleet: Fleet, tag: string, n: Scale): Promise<void> {
  await Promise.all([
    pool(6, n.support, (i) => supportRun(fleet.support, { tag, index: i, total: n.support })),
    pool(3, n.crm, (i) => crmRun(fleet.crm, tag, i)),
    pool(2, n.ops, (i) => opsRun(fleet.ops, tag, i)),
    pool(2, n.kb, (i) => kbRun(fleet.kb, tag, i)),
  ]);
}

/** The closing backlog: requests handed to people who have not got to them yet. */
export async function runBacklog(fleet: Fleet, tag: string): Promise<void> {
  await Promise.all([
    pool(4, 10, (i) => supportRun(fleet.support, { tag, index: i, total: 10, backlog: true })),
    pool(2, 4, (i) => opsRun(fleet.ops, tag, i, true)),
    pool(2, 3, (i) => crmRun(fleet.crm, tag, i, true)),
  ]);
}
