// `npm run demo`: starts the console (embedded Postgres unless DATABASE_URL) and runs a simulated
// fleet against it through the SDK over real HTTP, with a reviewer working the queues through the
// console API — then keeps the console running to explore, until Ctrl-C.
import path from "node:path";
import { runBreakers, type BreakerResults } from "./demo/breakers";
import { ConsoleApi, signIn } from "./demo/console";
import { demoDatabaseEnv } from "./demo/data-dir";
import { c, log } from "./demo/log";
import { registerTypes, runBacklog, runFleet, type Fleet, type Scale } from "./demo/fleet";
import { Reviewer } from "./demo/reviewer";
import { portIsFree, startServer, stopAllServers } from "./demo/server";
import { agentClient, board, configureType, ensureUser, getActionType, setLevel, type DemoUser } from "./demo/setup";
import { stats } from "./demo/stats";
import { sleep } from "./demo/trace";

const DEMO_PASSWORD = "warden-demo-password";
const REVIEWER: DemoUser = { email: "reviewer@warden.local", password: "warden-demo-reviewer", role: "reviewer", name: "Riley Reviewer" };
const SECOND_ADMIN: DemoUser = { email: "ops-admin@warden.local", password: "warden-demo-ops-admin", role: "admin", name: "Olu Ops-Admin" };

const started = Date.now();
const secs = (ms: number) => `${Math.round(ms / 1000)} s`;
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const baseUrl = `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`;
const scaleFactor = Math.min(5, Math.max(0.2, Number(process.env.DEMO_SCALE) || 1));
const scale: Scale = {
  support: Math.round(150 * scaleFactor),
  crm: Math.max(30, Math.round(50 * scaleFactor)),
  ops: Math.round(24 * scaleFactor),
  kb: Math.round(36 * scaleFactor),
};
// Unique per demo run: run externalIds are unique per agent, and the database may be reused.
const tag = `demo-${started.toString(36)}`;

// Whoever set WARDEN_INIT_ADMIN_* keeps their account; otherwise the demo admin has a known password.
const userAdmin = Boolean(process.env.WARDEN_INIT_ADMIN_EMAIL || process.env.WARDEN_INIT_ADMIN_PASSWORD);
let admin = {
  email: process.env.WARDEN_INIT_ADMIN_EMAIL || "admin@warden.local",
  password: process.env.WARDEN_INIT_ADMIN_PASSWORD || DEMO_PASSWORD,
};

function serverEnv(adminEmail: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...demoDatabaseEnv(),
    PORT: String(port),
    ...(userAdmin ? {} : { WARDEN_INIT_ADMIN_EMAIL: adminEmail, WARDEN_INIT_ADMIN_PASSWORD: DEMO_PASSWORD }),
    // The auto-demotion job checks every 5 s instead of every minute, so the demo shows it.
    WARDEN_AUTO_DEMOTION_INTERVAL_MS: process.env.WARDEN_AUTO_DEMOTION_INTERVAL_MS || "5000",
    // The demo's own story is the output; a line per request would bury it (LOG_LEVEL=info shows them).
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  };
}

const phases = { start: 0, setup: 0, fleet: 0, backlog: 0, breakers: 0 };
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info("stopping the console…");
    await stopAllServers();
    process.exit(0);
  });
}

function signInBox(): string {
  const pw = userAdmin ? "(your WARDEN_INIT_ADMIN_PASSWORD)" : admin.password;
  return [
    "",
    c.bold("  Sign in to the Warden console"),
    `    URL:      ${c.cyan(baseUrl)}`,
    `    e-mail:   ${admin.email}`,
    `    password: ${pw}`,
    c.dim(`    also: ${REVIEWER.email} / ${REVIEWER.password} (reviewer), ${SECOND_ADMIN.email} / ${SECOND_ADMIN.password} (admin)`),
    "",
  ].join("\n");
}

async function main() {
  if (!(await portIsFree(port, host))) {
    log.error(`port ${port} on ${host} is in use; set PORT to a free one (PORT=3100 npm run demo)`);
    process.exit(1);
  }
  const dataDir = demoDatabaseEnv().WARDEN_DATA_DIR;
  log.step(`starting the console on ${baseUrl} (${dataDir ? `embedded Postgres in ${path.relative(process.cwd(), dataDir) || "."}, apart from your own console` : "DATABASE_URL"})`);
  let server = await startServer(serverEnv(admin.email), baseUrl);

  let adminFetch = await signIn(baseUrl, admin.email, admin.password);
  if (!adminFetch && !userAdmin) {
    // admin@warden.local already exists in this database with another password (e.g. the one
    // `npm start` generated): let headless init create a separate demo admin instead.
    log.warn(`${admin.email} exists here with another password; restarting with demo-admin@warden.local`);
    await server.stop();
    admin = { email: "demo-admin@warden.local", password: DEMO_PASSWORD };
    server = await startServer(serverEnv(admin.email), baseUrl);
    adminFetch = await signIn(baseUrl, admin.email, admin.password);
  }
  if (!adminFetch) {
    log.error(`could not sign in as ${admin.email}; check WARDEN_INIT_ADMIN_EMAIL / WARDEN_INIT_ADMIN_PASSWORD, or use a fresh WARDEN_DEMO_DATA_DIR`);
    await server.stop();
    process.exit(1);
  }
  console.log(signInBox());
  const adminApi = new ConsoleApi(admin.email, adminFetch);
  phases.start = Date.now() - started;
  let phaseStart = Date.now();

  // People.
  log.step("setting up people, agents and guardrails");
  await ensureUser(adminApi, REVIEWER);
  await ensureUser(adminApi, SECOND_ADMIN);
  const reviewerFetch = await signIn(baseUrl, REVIEWER.email, REVIEWER.password);
  if (!reviewerFetch) log.warn(`could not sign in as ${REVIEWER.email} (another password?); the admin reviews instead`);
  const reviewerApi = reviewerFetch ? new ConsoleApi(REVIEWER.email, reviewerFetch) : adminApi;
  const signerFetch = await signIn(baseUrl, SECOND_ADMIN.email, SECOND_ADMIN.password);
  if (!signerFetch) log.warn(`could not sign in as ${SECOND_ADMIN.email}; no type will reach level 0`);
  const signerApi = signerFetch ? new ConsoleApi(SECOND_ADMIN.email, signerFetch) : null;

  // Agents, each with a fresh key.
  const clients = await Promise.all([
    agentClient(adminApi, baseUrl, "Support Bot", "Answers customer tickets and issues refunds.", tag),
    agentClient(adminApi, baseUrl, "CRM Updater", "Keeps CRM records in sync with sales call notes.", tag),
    agentClient(adminApi, baseUrl, "Ops Bot", "Scales services and cleans up idle environments.", tag),
    agentClient(adminApi, baseUrl, "Knowledge Indexer", "Logs unanswered help-center searches as content gaps.", tag),
  ]);
  if (clients.some((x) => !x)) {
    log.error("could not create the demo agents and keys; see the warnings above");
    await server.stop();
    process.exit(1);
  }
  const [support, crm, ops, kb] = clients as NonNullable<(typeof clients)[number]>[];
  const fleet: Fleet = { support, crm, ops, kb };

  // Action types appear on first use; register the missing ones, then set their guardrails.
  const keys = ["support.reply", "payments.refund", "crm.update_record", "ops.scale_service", "ops.delete_environment", "kb.search_log"];
  const missing = new Set<string>();
  for (const k of keys) if (!(await getActionType(adminApi, k))) missing.add(k);
  await registerTypes(fleet, tag, missing);
  await configureType(adminApi, "support.reply", { description: "Reply to a customer ticket (e-mail or chat).", riskLabel: "low" });
  await configureType(adminApi, "payments.refund", {
    description: "Refund an order through Stripe. Up to $500; anything less certain than 0.8 goes to a person.",
    riskLabel: "high",
    minConfidence: 0.8,
    auditSampleRate: 0.25,
    payloadSchema: {
      type: "object",
      required: ["orderId", "amountUsd"],
      properties: { orderId: { type: "string" }, amountUsd: { type: "number", maximum: 500 }, reason: { type: "string" } },
    },
  });
  await configureType(adminApi, "crm.update_record", { description: "Update a CRM contact or deal from call notes.", riskLabel: "medium", auditSampleRate: 0.2 });
  await configureType(adminApi, "ops.scale_service", {
    description: "Change a deployment's replica count.",
    riskLabel: "medium",
    payloadSchema: { type: "object", required: ["service", "replicas"], properties: { service: { type: "string" }, replicas: { type: "integer", minimum: 0, maximum: 50 } } },
  });
  await configureType(adminApi, "ops.delete_environment", { description: "Destroy an environment and its data (terraform destroy).", blocked: true, riskLabel: "critical" });
  await configureType(adminApi, "kb.search_log", { description: "Append an unanswered search to the content-gap log.", riskLabel: "low", auditSampleRate: 0.05 });

  // Autonomy as a manager would have set it over the pilot's first weeks.
  log.step("setting autonomy levels");
  const levels = {
    "payments.refund": await setLevel(adminApi, signerApi, "payments.refund", 1, {
      2: "Pilot: refunds under $500 were right in 48 of 50 spot checks.",
      1: "Small refunds go out at once; 25% are audited and shaky ones (confidence < 0.8) still need a person.",
    }),
    "crm.update_record": await setLevel(adminApi, signerApi, "crm.update_record", 1, {
      2: "Sales ops reviewed the field mapping; approvals were a rubber stamp.",
      1: "Let it write directly and audit a sample — the CRM has its own history to undo mistakes.",
    }),
    "ops.scale_service": await setLevel(adminApi, signerApi, "ops.scale_service", 2, { 2: "Scaling plans are sound; an on-call engineer approves each one." }),
    "ops.delete_environment": await setLevel(adminApi, signerApi, "ops.delete_environment", 1, {
      2: "Environment clean-up moves with the rest of the ops automation.",
      1: "Level follows ops automation; the blocked list still sends every delete to a person.",
    }),
    "kb.search_log": await setLevel(adminApi, signerApi, "kb.search_log", 0, {
      2: "Append-only log, nothing customer-facing.",
      1: "Two weeks of clean writes.",
      0: "Harmless and high-volume: fully autonomous, metrics still watched.",
    }),
  };
  for (const [k, l] of Object.entries(levels)) log.info(`${k} at level ${l}`);

  // The fleet and the reviewer, concurrently.
  phases.setup = Date.now() - phaseStart;
  phaseStart = Date.now();
  log.step(`running the fleet: ${scale.support + scale.crm + scale.ops + scale.kb} runs (support ${scale.support}, crm ${scale.crm}, ops ${scale.ops}, kb ${scale.kb})`);
  let mainDone = false;
  const progress = setInterval(() => {
    const runs = stats.runs.succeeded + stats.runs.failed;
    log.info(`${elapsed()}: ${runs} runs, ${stats.spans} spans, $${stats.costUsd.toFixed(2)}, reviews ${Object.values(stats.reviews).reduce((a, b) => a + b, 0)}`);
  }, 10_000);
  const reviewer = new Reviewer(reviewerApi);
  const demotion = watchDemotion(adminApi, () => mainDone);
  await Promise.all([runFleet(fleet, tag, scale).then(() => (mainDone = true)), reviewer.run(() => mainDone)]);
  const demoted = await demotion;

  phases.fleet = Date.now() - phaseStart;
  phaseStart = Date.now();

  // Leave work for the people who sign in now.
  log.step("leaving a backlog in the queues");
  await runBacklog(fleet, tag);
  clearInterval(progress);
  await Promise.all([support, crm, ops, kb].map((w) => w.shutdown()));
  phases.backlog = Date.now() - phaseStart;
  phaseStart = Date.now();

  log.step("cost controls: a runaway run, a loop, a spend alert");
  const breakers = await runBreakers(adminApi, baseUrl, tag);
  phases.breakers = Date.now() - phaseStart;

  await summary(adminApi, demoted, breakers);
  console.log(signInBox());
  log.info(`the console keeps running; ${c.bold("Ctrl-C")} stops it`);
}

const LEVEL_NAMES: Record<number, string> = { 3: "draft", 2: "approval", 1: "audit", 0: "autonomous" };

type Change = { fromLevel: number; toLevel: number; automatic: boolean; reason: string; createdAt: string };

/** Waits for the auto-demotion job to catch crm.update_record's failures (≥ 20 executions, > 10% failed). */
async function watchDemotion(api: ConsoleApi, fleetDone: () => boolean): Promise<Change | null> {
  const since = new Date(started).toISOString();
  const find = async () => {
    const r = await api.get<{ level: number; changes: Change[] }>("/api/console/autonomy/crm.update_record");
    return r.data?.changes.find((ch) => ch.automatic && ch.createdAt >= since) ?? null;
  };
  while (stats.crmLevel1Executions < 20) {
    if (await find()) break;
    if (fleetDone()) break;
    await sleep(1_000);
  }
  for (let i = 0; i < 30; i++) {
    const change = await find();
    if (change) {
      log.info(c.yellow(`crm.update_record was demoted automatically ${change.fromLevel} → ${change.toLevel}: ${change.reason}`));
      return change;
    }
    await sleep(1_000);
  }
  log.warn("crm.update_record was not demoted within 30 s of its 20th execution");
  return null;
}

async function summary(api: ConsoleApi, demoted: Change | null, breakers: BreakerResults) {
  const types = (await api.get<{ key: string; level: number; blocked: boolean; pendingApprovals: number; pendingDrafts: number }[]>("/api/console/action-types")).data ?? [];
  const b = (await board(api)) ?? [];
  const runs = stats.runs.succeeded + stats.runs.failed;
  const fmt = (n: number) => n.toLocaleString("en-US");
  const byLevel: Record<number, number> = {};
  for (const perType of Object.values(stats.levels)) for (const [l, n] of Object.entries(perType)) byLevel[Number(l)] = (byLevel[Number(l)] ?? 0) + n;
  const lines = [
    "",
    c.bold(`  Warden demo finished in ${elapsed()}`) +
      c.dim(` (console start ${secs(phases.start)}, set-up ${secs(phases.setup)}, fleet ${secs(phases.fleet)}, backlog ${secs(phases.backlog)}, cost controls ${secs(phases.breakers)})`),
    `    runs      ${fmt(runs)} (${fmt(stats.runs.succeeded)} succeeded, ${fmt(stats.runs.failed)} failed) · spans ${fmt(stats.spans)} (${stats.spanErrors} errors) · scores ${stats.scores}`,
    `    tokens    ${fmt(stats.inputTokens)} in / ${fmt(stats.outputTokens)} out · cost $${stats.costUsd.toFixed(2)}`,
    `    results   ${stats.results.succeeded} executed, ${stats.results.failed} failed · reviews: ${Object.entries(stats.reviews).map(([k, v]) => `${v} ${k}`).join(", ")}`,
    `    requests  by the level they were handled at: ${[3, 2, 1, 0].map((l) => `${byLevel[l] ?? 0} at ${l} (${LEVEL_NAMES[l]})`).join(", ")}; ${stats.schemaRejections} refused by a payload schema (422)`,
    "",
    c.bold(`    ${"action type".padEnd(34)}level  ${"final decisions".padEnd(48)}pending`),
  ];
  for (const t of types) {
    const d = Object.entries(stats.decisions[t.key] ?? {}).map(([k, v]) => `${v} ${k}`).join(", ");
    const pending = [t.pendingApprovals && `${t.pendingApprovals} approval`, t.pendingDrafts && `${t.pendingDrafts} draft`].filter(Boolean).join(", ");
    lines.push(`    ${(t.key + (t.blocked ? " (blocked)" : "")).padEnd(34)}${String(t.level).padEnd(7)}${d.padEnd(48)}${pending}`);
  }
  const reply = b.find((t) => t.key === "support.reply");
  const kb = b.find((t) => t.key === "kb.search_log");
  lines.push("", c.bold("    autonomy"));
  if (reply) {
    const rate = reply.evidence.acceptanceRate === null ? "n/a" : `${(reply.evidence.acceptanceRate * 100).toFixed(1)}%`;
    lines.push(
      reply.eligibility.eligible
        ? `    ${c.green("✓")} support.reply is eligible for ${reply.level} → ${reply.eligibility.nextLevel}: ${reply.evidence.reviewed} reviewed, ${rate} accepted — promote it on the autonomy board`
        : `    ${c.yellow("•")} support.reply not eligible yet: ${reply.eligibility.checks.filter((x) => !x.ok).map((x) => `${x.label} ${x.actual ?? "–"}/${x.required}`).join(", ")}`,
    );
  }
  lines.push(
    demoted
      ? `    ${c.green("✓")} crm.update_record was auto-demoted ${demoted.fromLevel} → ${demoted.toLevel} (an incident was raised): ${demoted.reason}`
      : `    ${c.yellow("•")} crm.update_record was not auto-demoted during this run`,
  );
  if (kb) lines.push(`    ${kb.level === 0 ? c.green("✓") : c.yellow("•")} kb.search_log is at level ${kb.level}${kb.level === 0 ? ` (requested by ${admin.email}, signed off by ${SECOND_ADMIN.email})` : ""}`);
  const mark = (ok: boolean) => (ok ? c.green("✓") : c.yellow("•"));
  lines.push("", c.bold("    cost controls"));
  lines.push(`    ${mark(!!breakers.budgetTrip)} budget trip: ${breakers.budgetTrip ?? "none"}`);
  lines.push(`    ${mark(!!breakers.loopTrip)} loop trip: ${breakers.loopTrip ?? "none"}${breakers.granted ? " — a manager's grant let it continue" : ""}`);
  lines.push(`    ${mark(!!breakers.spendAlert)} spend alert: ${breakers.spendAlert ?? "none"}`);
  lines.push(`    ${mark(breakers.alerts.verified > 0)} webhook alerts: ${breakers.alerts.received} received, ${breakers.alerts.verified} signatures verified (${baseUrl}/incidents)`);
  const approvals = types.reduce((n, t) => n + t.pendingApprovals, 0);
  const drafts = types.reduce((n, t) => n + t.pendingDrafts, 0);
  lines.push("", `    waiting for you: ${approvals} approvals (${baseUrl}/queue) and ${drafts} drafts (${baseUrl}/drafts)`);
  if (stats.sdkErrors) lines.push(c.yellow(`    SDK errors: ${stats.sdkErrors} (see the warnings above)`));
  console.log(lines.join("\n"));
}

main().catch(async (err) => {
  log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  await stopAllServers();
  process.exit(1);
});
