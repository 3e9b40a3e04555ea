// warden-mcp's command line. Pure: argv and environment in, settings or a usage error out.

export const USAGE = `Usage:
  warden-mcp --name <server> [options] -- <command> [args...]    an upstream started on stdio
  warden-mcp --name <server> [options] --upstream-url <url>      a Streamable HTTP upstream

Puts an MCP server's tools under Warden's policy: every tools/call becomes an action of type
mcp.<server>.<tool> that Warden executes, holds for a reviewer, drafts or refuses.

Options:
  --name <server>          the server's name in action types (required)
  --wait <seconds>         how long a call waits for a reviewer before it is withdrawn (default 300)
  --progress-every <s>     progress notifications while a call waits, when the client asks (default 10)
  --show-killed-tools      list tools whose action type's kill switch is on (hidden by default)
  --upstream-url <url>     a Streamable HTTP MCP server instead of a command
  --header "Name: value"   an HTTP header for the upstream URL (repeatable), e.g. its Authorization

Environment:
  WARDEN_URL               where Warden runs, e.g. https://warden.example.com (required)
  WARDEN_API_KEY           the agent's API key (required); never passed on to the upstream`;

export type GatewayArgs = {
  server: string;
  wardenUrl: string;
  apiKey: string;
  waitMs: number;
  progressEveryMs: number;
  hideKilledTools: boolean;
  upstream: { kind: "stdio"; command: string; args: string[] } | { kind: "http"; url: URL; headers: Record<string, string> };
};

export class UsageError extends Error {}

const seconds = (flag: string, value: string | undefined, max: number): number => {
  const n = Number(value);
  if (!value || !/^\d+(\.\d+)?$/.test(value) || n <= 0 || n > max) throw new UsageError(`${flag} takes a number of seconds between 0 and ${max}`);
  return Math.round(n * 1000);
};

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): GatewayArgs | "help" {
  const dash = argv.indexOf("--");
  const own = dash === -1 ? [...argv] : argv.slice(0, dash);
  const command = dash === -1 ? [] : argv.slice(dash + 1);
  let server: string | undefined;
  let url: string | undefined;
  let waitMs = 300_000;
  let progressEveryMs = 10_000;
  let hideKilledTools = true;
  const headers: Record<string, string> = {};

  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    const value = () => {
      const v = own[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--name":
        server = value().trim();
        break;
      case "--wait":
        waitMs = seconds(flag, value(), 24 * 3600);
        break;
      case "--progress-every":
        progressEveryMs = seconds(flag, value(), 60);
        break;
      case "--show-killed-tools":
        hideKilledTools = false;
        break;
      case "--upstream-url":
        url = value();
        break;
      case "--header": {
        const h = value();
        const colon = h.indexOf(":");
        if (colon < 1) throw new UsageError(`--header takes "Name: value", got "${h}"`);
        headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}${dash === -1 && !flag.startsWith("-") ? " (put the upstream command after --)" : ""}`);
    }
  }
  if (!server) throw new UsageError("--name <server> is required");
  if (url && command.length) throw new UsageError("give either --upstream-url or a command after --, not both");
  if (!url && !command.length) throw new UsageError("give the upstream: a command after --, or --upstream-url");
  if (Object.keys(headers).length && !url) throw new UsageError("--header is for --upstream-url");
  const wardenUrl = env.WARDEN_URL?.trim();
  const apiKey = env.WARDEN_API_KEY?.trim();
  if (!wardenUrl) throw new UsageError("set WARDEN_URL to where Warden runs");
  if (!apiKey) throw new UsageError("set WARDEN_API_KEY to the agent's API key");

  let upstream: GatewayArgs["upstream"];
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--upstream-url is not a URL: ${url}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UsageError("--upstream-url must be http(s)");
    upstream = { kind: "http", url: parsed, headers };
  } else {
    upstream = { kind: "stdio", command: command[0], args: command.slice(1) };
  }
  return { server, wardenUrl, apiKey, waitMs, progressEveryMs, hideKilledTools, upstream };
}

/** The upstream's environment: the gateway's own, without Warden's settings — its key above all. */
export function upstreamEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith("WARDEN_")));
}
