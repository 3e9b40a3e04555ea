import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decideAction } from "../../lib/actions";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser } from "../helpers/factories";

// The framework adapters' examples (examples/*.ts), run as a user would run them, against the
// real app: each asks Warden, waits for a reviewer, and executes with the reviewer's edit. Their
// models are the frameworks' own test doubles, so no network is involved.

const ROOT = path.resolve(import.meta.dirname, "../..");
const db = useTestDb();
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
});
afterAll(async () => {
  await app?.stop();
});

function runExample(file: string, apiKey: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, file)], {
    cwd: ROOT,
    env: { ...process.env, WARDEN_URL: app.url, WARDEN_API_KEY: apiKey },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    output: () => out,
    exited,
    async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${file}: no ${pattern} in:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    kill: () => child.kill("SIGKILL"),
  };
}

/** The input a tool ran with, from the example's "<tool> executed with {json}" line. */
function executedWith(output: string, tool: string): unknown {
  const m = new RegExp(`${tool} executed with (.+)`).exec(output);
  return m ? JSON.parse(m[1]) : null;
}

async function level2(key: string) {
  await db.actionType.upsert({ where: { key }, create: { key, level: 2 }, update: { level: 2 } });
}

describe("framework adapters' examples", () => {
  it("Vercel AI SDK: the tool waits for a reviewer and executes with the edited input", async () => {
    await level2("example.send_email");
    const { agent, key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const ex = runExample("examples/ai-sdk.ts", key);
    try {
      const [, id] = await ex.waitFor(/waiting for a reviewer in Warden: action (\S+)/);
      const action = await db.action.findUniqueOrThrow({ where: { id } });
      expect(action).toMatchObject({ agentId: agent.id, status: "pending", route: "approval" });
      expect(action.proposedPayload).toEqual({ to: "ada@example.com", subject: "Your refund", body: "We refunded 90 EUR." });
      expect(ex.output()).not.toContain("send_email executed");

      const edited = { to: "ada@example.com", subject: "Your refund is on its way", body: "We refunded 90 EUR today." };
      await decideAction(db, reviewer, id, { decision: "approve", payload: edited });
      expect(await ex.exited, ex.output()).toBe(0);
      expect(executedWith(ex.output(), "send_email")).toEqual(edited);
      expect(ex.output()).toContain("model: I e-mailed Ada about her refund.");
      expect(await db.action.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "executed", outcome: "succeeded", executedPayload: edited });
    } finally {
      ex.kill();
    }
  });

  it("Vercel AI SDK: a rejection reaches the model as the tool's error and nothing runs", async () => {
    await level2("example.send_email");
    const { key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const ex = runExample("examples/ai-sdk.ts", key);
    try {
      const [, id] = await ex.waitFor(/waiting for a reviewer in Warden: action (\S+)/);
      await decideAction(db, reviewer, id, { decision: "reject", reason: "Ada asked not to be e-mailed." });
      expect(await ex.exited, ex.output()).toBe(0);
      expect(ex.output()).toMatch(/tool error: A reviewer rejected this call to "example\.send_email".*Ada asked not to be e-mailed\..*NOT run/);
      expect(ex.output()).not.toContain("send_email executed");
    } finally {
      ex.kill();
    }
  });

  it("OpenAI Agents SDK: the run stops for approval, resumes with Warden's decision, and executes the reviewer's edit", async () => {
    await level2("example.issue_refund");
    const { agent, key } = await makeAgent(db);
    const { actor: reviewer } = await makeUser(db, "reviewer");
    const ex = runExample("examples/openai-agents.ts", key);
    try {
      const [, id] = await ex.waitFor(/waiting for a reviewer in Warden: action (\S+)/);
      expect(await db.action.findUniqueOrThrow({ where: { id } })).toMatchObject({ agentId: agent.id, status: "pending", proposedPayload: { orderId: "1042", amountEur: 90 } });
      await decideAction(db, reviewer, id, { decision: "approve", payload: { orderId: "1042", amountEur: 45 }, comment: "Only one of the two charges was a duplicate." });
      expect(await ex.exited, ex.output()).toBe(0);
      expect(executedWith(ex.output(), "issue_refund")).toEqual({ orderId: "1042", amountEur: 45 });
      expect(ex.output()).toContain("agent: Done: Refunded 45 EUR on order 1042.");
      expect(await db.action.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "executed", outcome: "succeeded" });
    } finally {
      ex.kill();
    }
  });

  it("OpenAI Agents SDK: at level 0 the tool runs without an interruption", async () => {
    await db.actionType.upsert({ where: { key: "example.issue_refund" }, create: { key: "example.issue_refund", level: 0 }, update: { level: 0 } });
    const { key } = await makeAgent(db);
    const ex = runExample("examples/openai-agents.ts", key);
    try {
      expect(await ex.exited, ex.output()).toBe(0);
      expect(ex.output()).not.toContain("waiting for a reviewer");
      expect(executedWith(ex.output(), "issue_refund")).toEqual({ orderId: "1042", amountEur: 90 });
    } finally {
      ex.kill();
    }
  });
});
