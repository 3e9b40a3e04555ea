import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

// A real MCP client (the official SDK's Client) talking over stdio to `warden-mcp` exactly as an
// MCP host would start it (`node bin/warden-mcp.mjs …`), in front of tests/fixtures/mcp-upstream.ts.

const ROOT = path.resolve(import.meta.dirname, "../..");
export const GATEWAY = path.join(ROOT, "bin/warden-mcp.mjs");
/** The command that starts the fixture upstream on stdio. */
export const FIXTURE = [process.execPath, "--import", "tsx", path.join(ROOT, "tests/fixtures/mcp-upstream.ts")];

type LogEntry = { event: "start"; wardenKeyVisible: boolean } | { event: "call"; tool: string; args: Record<string, unknown> };

export type GatewaySession = {
  client: Client;
  /** What reached the upstream: its start(s) and every tool call, in order. */
  upstreamLog(): LogEntry[];
  upstreamCalls(): Array<{ tool: string; args: Record<string, unknown> }>;
  /** The gateway's diagnostics (stderr). */
  stderr(): string;
  close(): Promise<void>;
};

export function fixtureLogFile(label: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), `warden-mcp-${label}-`)), "upstream.jsonl");
}

export function readFixtureLog(file: string): LogEntry[] {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogEntry);
  } catch {
    return [];
  }
}

export async function connectThroughGateway(opts: {
  server: string;
  wardenUrl: string;
  apiKey: string;
  /** Options before `--`, e.g. ["--wait", "5"]. */
  gatewayArgs?: string[];
  /** The upstream command; the fixture on stdio by default. Empty with --upstream-url. */
  upstream?: string[];
  logFile?: string;
}): Promise<GatewaySession> {
  const logFile = opts.logFile ?? fixtureLogFile(opts.server);
  const upstream = opts.upstream ?? FIXTURE;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [GATEWAY, "--name", opts.server, ...(opts.gatewayArgs ?? []), ...(upstream.length ? ["--", ...upstream] : [])],
    env: { ...(process.env as Record<string, string>), WARDEN_URL: opts.wardenUrl, WARDEN_API_KEY: opts.apiKey, MCP_FIXTURE_LOG: logFile },
    stderr: "pipe",
    cwd: ROOT,
  });
  let stderr = "";
  transport.stderr?.on("data", (d) => (stderr += d));
  const client = new Client({ name: "warden-test-client", version: "1.0.0" });
  try {
    await client.connect(transport);
  } catch (e) {
    throw new Error(`could not connect through warden-mcp: ${(e as Error).message}\n${stderr}`);
  }
  const upstreamLog = () => readFixtureLog(logFile);
  return {
    client,
    upstreamLog,
    upstreamCalls: () => upstreamLog().flatMap((e) => (e.event === "call" ? [{ tool: e.tool, args: e.args }] : [])),
    stderr: () => stderr,
    close: () => client.close(),
  };
}

/** The fixture as a Streamable HTTP server on a free port; resolves once it listens. */
export async function startHttpFixture(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(FIXTURE[0], [...FIXTURE.slice(1), "--http", "0"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`the HTTP fixture exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
