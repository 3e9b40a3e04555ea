import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { createClient } from "../sdk";
import { parseArgs, upstreamEnv, UsageError, USAGE } from "./args";
import { McpGateway } from "./gateway";

// The warden-mcp command (bin/warden-mcp.mjs): an MCP client starts it in place of an MCP
// server. stdout carries the protocol, so everything else goes to stderr.

const log = (line: string) => process.stderr.write(`[warden-mcp] ${line}\n`);

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs(process.argv.slice(2), process.env);
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`warden-mcp: ${e.message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (parsed === "help") {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const args = parsed;

const warden = createClient({ baseUrl: args.wardenUrl, apiKey: args.apiKey, onError: (e) => log(e.message) });
const upstream: Transport =
  args.upstream.kind === "http"
    ? new StreamableHTTPClientTransport(args.upstream.url, { requestInit: { headers: args.upstream.headers } })
    : new StdioClientTransport({ command: args.upstream.command, args: args.upstream.args, env: upstreamEnv(process.env), stderr: "inherit" });

const gateway = new McpGateway(new StdioServerTransport(), upstream, {
  server: args.server,
  warden,
  waitMs: args.waitMs,
  progressEveryMs: args.progressEveryMs,
  hideKilledTools: args.hideKilledTools,
  log,
});
gateway.onclose = (failed) => process.exit(failed ? 1 : 0);

try {
  await gateway.start();
} catch (e) {
  log(`could not start the upstream: ${(e as Error).message}`);
  process.exit(1);
}
// The stdio server transport does not notice the client going away; the end of stdin is that.
process.stdin.once("end", () => void gateway.close("the client disconnected", false));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void gateway.close(`received ${signal}`, false));
