// The cost controls at work: a research agent with a per-run budget, the loop limit and an hourly
// spend alert. One run burns through its budget, another repeats a web search; Warden halts
// each in the span batch that crosses the line, raises incidents (and a spend alert), and sends
// them to a webhook channel whose receiver checks every signature. A manager then lets the
// looping run continue with a raised limit ("escalate instead of only killing").
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import type { WardenClient } from "../../lib/sdk";
import { ConsoleApi, describeProblem } from "./console";
import { c, log } from "./log";
import { agentClient } from "./setup";
import { sleep } from "./trace";

export type BreakerResults = {
  budgetTrip: string | null;
  loopTrip: string | null;
  granted: boolean;
  spendAlert: string | null;
  alerts: { received: number; verified: number; kinds: string[] };
};

type Incident = { id: string; kind: string; title: string; run: { id: string } | null };

/** A local webhook receiver that verifies Standard Webhooks signatures, as a customer's would. */
async function receiver() {
  const got: { verified: boolean; kind: string }[] = [];
  let secret = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      let verified = false;
      let kind = "?";
      try {
        const event = new Webhook(secret).verify(body, req.headers as Record<string, string>) as { data?: { kind?: string } };
        verified = true;
        kind = event.data?.kind ?? "?";
      } catch {
        verified = false;
      }
      got.push({ verified, kind });
      res.writeHead(verified ? 200 : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/warden`,
    setSecret: (s: string) => (secret = s),
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Sends one span now and returns Warden's answer for the run. */
async function step(warden: WardenClient, runId: string, span: Parameters<WardenClient["recordSpans"]>[1]) {
  warden.recordSpans(runId, span);
  await warden.flush();
  return warden.runSignal(runId);
}

export async function runBreakers(admin: ConsoleApi, baseUrl: string, tag: string): Promise<BreakerResults> {
  const out: BreakerResults = { budgetTrip: null, loopTrip: null, granted: false, spendAlert: null, alerts: { received: 0, verified: 0, kinds: [] } };
  const hook = await receiver();
  try {
    const channel = await admin.post<{ id: string; secret: string }>("/api/console/alerts", { name: `Demo on-call ${tag}`, url: hook.url, minSeverity: "warning" });
    if (channel.ok && channel.data) {
      hook.setSecret(channel.data.secret);
      log.info(`alert channel "Demo on-call" posts incidents to ${hook.url} (Standard Webhooks signatures)`);
    } else log.warn(`could not create an alert channel: ${describeProblem(channel)}`);

    const warden = await agentClient(admin, baseUrl, "Research Agent", "Researches accounts before sales calls; pays per token.", tag);
    const agents = await admin.get<{ id: string; name: string }[]>("/api/console/agents");
    const agentId = agents.data?.find((a) => a.name === "Research Agent")?.id;
    if (!warden || !agentId) return out;
    const limits = await admin.patch(`/api/console/agents/${agentId}/controls`, { runCostBudgetUsd: 0.25, loopThreshold: 5, hourlySpendAlertUsd: 0.2 });
    if (!limits.ok) log.warn(`could not set the research agent's limits: ${describeProblem(limits)}`);
    else log.info("Research Agent: $0.25 per run, loop limit 5, spend alert above $0.20 an hour");

    // A runaway: every turn re-sends the whole, growing context to a large model.
    const runaway = await warden.startRun({ externalId: `${tag}-research-runaway`, input: { account: "Acme Corp" }, agentVersion: "research@0.9.0" });
    for (let turn = 1; turn <= 40; turn++) {
      const signal = await step(warden, runaway.id, { kind: "llm", name: "chat", model: "gpt-4o", startTime: new Date().toISOString(), endTime: new Date().toISOString(), inputTokens: 8_000 * turn, outputTokens: 600 });
      if (!signal.continue) {
        out.budgetTrip = signal.reason;
        log.info(c.yellow(`budget trip on turn ${turn}: ${signal.reason}`));
        break;
      }
    }

    // A loop: the same search again and again, with a fresh request id each time.
    const looping = await warden.startRun({ externalId: `${tag}-research-loop`, input: { account: "Globex" }, agentVersion: "research@0.9.0" });
    for (let call = 1; call <= 12; call++) {
      const signal = await step(warden, looping.id, { kind: "tool", name: "web.search", startTime: new Date().toISOString(), input: { query: "Globex  pricing page", requestId: randomUUID() } });
      if (!signal.continue) {
        out.loopTrip = signal.reason;
        log.info(c.yellow(`loop trip on call ${call}: ${signal.reason}`));
        break;
      }
    }

    // Escalate instead of only killing: a manager lets the looping run go on with a higher limit.
    const grant = await admin.post(`/api/console/runs/${looping.id}/budget-grant`, { loopThreshold: 8, reason: "The search API was paginating; let it finish." });
    if (grant.ok) {
      const again = await step(warden, looping.id, { kind: "llm", name: "summarize", model: "gpt-4o-mini", startTime: new Date().toISOString(), inputTokens: 3_000, outputTokens: 400 });
      out.granted = again.continue;
      log.info(`${admin.email} granted the looping run a loop limit of 8; its next batch answered continue: ${again.continue}`);
      await warden.finishRun(looping.id, { status: "succeeded", output: { summary: "Globex: three pricing tiers." } }).catch(() => undefined);
    } else log.warn(`the budget grant was refused: ${describeProblem(grant)}`);

    const incidents = await admin.get<{ items: Incident[] }>(`/api/console/incidents?agentId=${agentId}&status=open`);
    const alert = incidents.data?.items.find((i) => i.kind === "spend_alert_hourly");
    out.spendAlert = alert?.title ?? null;
    if (alert) log.info(c.yellow(`spend alert: ${alert.title}`));

    // The delivery job runs every 2 s on the server; give it a moment.
    for (let i = 0; i < 20 && hook.got.length < 3; i++) await sleep(500);
    out.alerts = { received: hook.got.length, verified: hook.got.filter((g) => g.verified).length, kinds: [...new Set(hook.got.map((g) => g.kind))] };
    log.info(`the webhook received ${out.alerts.received} alerts (${out.alerts.verified} with a valid signature): ${out.alerts.kinds.join(", ")}`);
    await warden.shutdown();
    return out;
  } finally {
    await hook.close();
  }
}
