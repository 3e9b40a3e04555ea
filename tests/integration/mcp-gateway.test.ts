import { createServer } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decideAction } from "../../lib/actions";
import { createPersonalToken } from "../../lib/tokens";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";
import { connectThroughGateway, FIXTURE, startHttpFixture, type GatewaySession } from "../helpers/mcp-gateway";

// warden-mcp end to end: a real MCP client (the SDK's Client) → warden-mcp over stdio → the
// fixture MCP server, with the real app (built) deciding every tools/call.

const db = useTestDb();
let app: AppServer;
let agentKey: string;
let managerToken: string;
const sessions: GatewaySession[] = [];

beforeAll(async () => {
  app = await startApp({ databaseUrl: inject("databaseUrl") });
  agentKey = (await makeAgent(db)).key;
  const { actor } = await makeUser(db, "manager");
  managerToken = (await createPersonalToken(db, actor, { name: "mcp tests" })).token;
});
afterAll(async () => {
  await Promise.allSettled(sessions.map((s) => s.close()));
  await app?.stop();
});

const serverName = () => `t${uniq("s").slice(2, 10)}`;
const text = (r: unknown) => ((r as { content: Array<{ text?: string }> }).content ?? []).map((c) => c.text ?? "").join("\n");

async function gateway(server: string, extra: { gatewayArgs?: string[]; wardenUrl?: string; upstream?: string[] } = {}) {
  const s = await connectThroughGateway({ server, wardenUrl: extra.wardenUrl ?? app.url, apiKey: agentKey, gatewayArgs: extra.gatewayArgs, upstream: extra.upstream });
  sessions.push(s);
  return s;
}

async function eventually<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A manager sets the level over the policy-as-code API, as a deployment script would. */
async function setLevel(type: string, level: number, expectedLevel: number) {
  const res = await fetch(`${app.url}/api/v1/action-types/${type}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${managerToken}`, "content-type": "application/json" },
    body: JSON.stringify({ level, expectedLevel, reason: "MCP tool reviewed by the team", override: true }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const pendingApproval = (type: string) =>
  eventually(() => db.action.findFirst({ where: { actionType: { key: type }, status: "pending", route: "approval" } }), `a pending ${type}`);

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("warden-mcp", () => {
  it("passes everything but tools/call through: initialize, tools, resources, prompts", async () => {
    const direct = new Client({ name: "direct", version: "1.0.0" });
    await direct.connect(new StdioClientTransport({ command: FIXTURE[0], args: FIXTURE.slice(1), stderr: "ignore" }));
    const s = await gateway(serverName());
    try {
      expect(s.client.getServerVersion()).toEqual(direct.getServerVersion());
      expect(s.client.getInstructions()).toBe("Fixture server for warden-mcp tests.");
      expect(s.client.getServerCapabilities()).toEqual(direct.getServerCapabilities());
      expect(await s.client.listTools()).toEqual(await direct.listTools());
      expect(await s.client.listResources()).toEqual(await direct.listResources());
      expect(await s.client.readResource({ uri: "fixture://readme" })).toEqual(await direct.readResource({ uri: "fixture://readme" }));
      expect(await s.client.listPrompts()).toEqual(await direct.listPrompts());
      expect(await s.client.getPrompt({ name: "greet", arguments: { name: "Ada" } })).toEqual(await direct.getPrompt({ name: "greet", arguments: { name: "Ada" } }));
      expect(await s.client.ping()).toEqual({});
      // The upstream runs with the gateway's environment minus Warden's settings: it never sees the key.
      expect(s.upstreamLog().filter((e) => e.event === "start")).toEqual([expect.objectContaining({ wardenKeyVisible: false })]);
    } finally {
      await direct.close();
    }
  });

  it("a new tool is a draft: an error result the model can read, the upstream is not called, the type carries the tool's schema", async () => {
    const server = serverName();
    const s = await gateway(server);
    const result = await s.client.callTool({ name: "send_email", arguments: { to: "ada@example.test", subject: "Hello" } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/held this call to "send_email" as a draft.*NOT run/);
    expect(s.upstreamCalls()).toEqual([]);

    const type = `mcp.${server}.send_email`;
    const action = await db.action.findFirstOrThrow({ where: { actionType: { key: type } }, include: { actionType: true } });
    expect(action).toMatchObject({ status: "pending", route: "draft", proposedPayload: { to: "ada@example.test", subject: "Hello" } });
    expect(action.rationale).toContain('MCP tool "send_email"');
    expect(action.actionType).toMatchObject({ level: 3, description: expect.stringContaining("Sends an e-mail.") });
    expect(action.actionType.payloadSchema).toMatchObject({ type: "object", required: ["to", "subject"], properties: { to: { type: "string" } } });
    expect(action.actionType.payloadSchema).not.toHaveProperty("$schema"); // the tool's draft-07 label, dropped
  });

  it("at level 2 the call waits with progress; the reviewer's edited arguments reach the upstream; the result is reported", async () => {
    const server = serverName();
    const type = `mcp.${server}.send_email`;
    const s = await gateway(server, { gatewayArgs: ["--progress-every", "1"] });
    await s.client.callTool({ name: "send_email", arguments: { to: "x@example.test", subject: "first" } }); // registers the type (draft)
    await setLevel(type, 2, 3);

    const progress: unknown[] = [];
    const call = s.client.callTool({ name: "send_email", arguments: { to: "ada@example.test", subject: "Refund" } }, undefined, {
      onprogress: (p) => progress.push(p),
      resetTimeoutOnProgress: true,
    });
    const action = await pendingApproval(type);
    await eventually(async () => progress.length >= 2, "progress while waiting");
    expect(progress[0]).toMatchObject({ progress: 1, message: expect.stringContaining(action.id) });

    const { actor: reviewer } = await makeUser(db, "reviewer");
    // An edit must still satisfy the tool's input schema.
    await expect(decideAction(db, reviewer, action.id, { decision: "approve", payload: { to: "ada@example.test" } })).rejects.toMatchObject({ code: "validation_failed" });
    await decideAction(db, reviewer, action.id, { decision: "approve", payload: { to: "ada@example.test", subject: "Refund approved" } });

    const result = await call;
    expect(result).toEqual({ content: [{ type: "text", text: 'Sent "Refund approved" to ada@example.test.' }] });
    expect(s.upstreamCalls()).toEqual([{ tool: "send_email", args: { to: "ada@example.test", subject: "Refund approved" } }]);
    const done = await eventually(async () => {
      const a = await db.action.findUniqueOrThrow({ where: { id: action.id } });
      return a.status === "executed" && a;
    }, "the result reported");
    expect(done).toMatchObject({ outcome: "succeeded", executedPayload: { to: "ada@example.test", subject: "Refund approved" } });
    expect(done.outcomeOutput).toEqual(result);
  });

  it("level 0 forwards at once; a tool's error result is reported as a failed execution; the session is a run with a span per call", async () => {
    const server = serverName();
    const s = await gateway(server);
    await db.actionType.createMany({ data: [{ key: `mcp.${server}.echo`, level: 0 }, { key: `mcp.${server}.fail`, level: 0 }] });
    expect(await s.client.callTool({ name: "echo", arguments: { text: "hi" } })).toEqual({ content: [{ type: "text", text: "hi" }] });
    const failed = await s.client.callTool({ name: "fail", arguments: {} });
    expect(failed).toMatchObject({ isError: true, content: [{ text: "the mailbox is full" }] });
    expect(s.upstreamCalls().map((c) => c.tool)).toEqual(["echo", "fail"]);

    const fail = await eventually(() => db.action.findFirst({ where: { actionType: { key: `mcp.${server}.fail` }, status: "failed" } }), "the failure reported");
    expect(fail.outcomeError).toBe("the mailbox is full");

    await s.close();
    const run = await eventually(() => db.run.findFirst({ where: { status: "succeeded", spans: { some: { attributes: { path: ["mcp.server"], equals: server } } } }, include: { spans: { orderBy: { startedAt: "asc" } } } }), "the finished run");
    expect(run.sessionId).toBeTruthy();
    expect(run.spans.map((sp) => [sp.kind, sp.name, sp.status])).toEqual([
      ["tool", "echo", "ok"],
      ["tool", "fail", "error"],
    ]);
    expect(run.spans[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(run.spans[0].attributes).toMatchObject({ "mcp.tool": "echo", "warden.decision": "execute", "warden.action_type": `mcp.${server}.echo` });
    expect(await db.action.count({ where: { runId: run.id } })).toBe(2);
  });

  it("fails closed when Warden is down: an error result, the upstream is not called; listing still works", async () => {
    const s = await gateway(serverName(), { wardenUrl: `http://127.0.0.1:${await closedPort()}` });
    expect((await s.client.listTools()).tools.map((t) => t.name)).toEqual(["send_email", "echo", "fail"]);
    const result = await s.client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/could not be reached.*NOT run \(fail closed\)/);
    expect(s.upstreamCalls()).toEqual([]);
  });

  it("a client that cancels while waiting withdraws the pending action", async () => {
    const server = serverName();
    const type = `mcp.${server}.send_email`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const s = await gateway(server);
    const controller = new AbortController();
    const call = s.client.callTool({ name: "send_email", arguments: { to: "a@example.test", subject: "s" } }, undefined, { signal: controller.signal });
    const action = await pendingApproval(type);
    controller.abort("the user pressed stop");
    await expect(call).rejects.toThrow();
    const withdrawn = await eventually(async () => {
      const a = await db.action.findUniqueOrThrow({ where: { id: action.id } });
      return a.status === "cancelled" && a;
    }, "the action withdrawn");
    expect(withdrawn.decisionReason).toContain("The MCP client cancelled the call");
    expect(await db.auditEvent.count({ where: { targetId: action.id, action: "action.cancelled" } })).toBe(1);
    expect(s.upstreamCalls()).toEqual([]);
  });

  it("withdraws a call nobody decided within --wait and tells the model", async () => {
    const server = serverName();
    const type = `mcp.${server}.echo`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const s = await gateway(server, { gatewayArgs: ["--wait", "1"] });
    const result = await s.client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/withdrawn.*No reviewer decided within 1 s.*NOT run/);
    expect(await db.action.findFirstOrThrow({ where: { actionType: { key: type } } })).toMatchObject({ status: "cancelled" });
    expect(s.upstreamCalls()).toEqual([]);
  });

  it("hides tools whose kill switch is on (unless --show-killed-tools), and halts a call to one", async () => {
    const server = serverName();
    await db.actionType.create({ data: { key: `mcp.${server}.echo`, level: 0, killSwitch: true } });
    const s = await gateway(server);
    expect((await s.client.listTools()).tools.map((t) => t.name)).toEqual(["send_email", "fail"]);
    const halted = await s.client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(text(halted)).toMatch(/halted this call to "echo"/);
    expect(s.upstreamCalls()).toEqual([]);

    const shown = await gateway(server, { gatewayArgs: ["--show-killed-tools"] });
    expect((await shown.client.listTools()).tools.map((t) => t.name)).toEqual(["send_email", "echo", "fail"]);
  });

  it("puts a Streamable HTTP upstream behind Warden the same way (--upstream-url, --header)", async () => {
    const fixture = await startHttpFixture({ FIXTURE_HTTP_TOKEN: "fixture-secret" });
    try {
      const server = serverName();
      await db.actionType.create({ data: { key: `mcp.${server}.echo`, level: 0 } });
      const s = await gateway(server, { upstream: [], gatewayArgs: ["--upstream-url", fixture.url, "--header", "Authorization: Bearer fixture-secret"] });
      expect(s.client.getServerVersion()).toMatchObject({ name: "fixture-mail" });
      expect((await s.client.listTools()).tools.map((t) => t.name)).toEqual(["send_email", "echo", "fail"]);
      expect(await s.client.callTool({ name: "echo", arguments: { text: "over http" } })).toEqual({ content: [{ type: "text", text: "over http" }] });
      const draft = await s.client.callTool({ name: "send_email", arguments: { to: "a@example.test", subject: "s" } });
      expect(text(draft)).toMatch(/as a draft/);
    } finally {
      await fixture.stop();
    }
  });
});
