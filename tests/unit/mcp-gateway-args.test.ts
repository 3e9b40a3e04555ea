import { describe, expect, it } from "vitest";
import { parseArgs, upstreamEnv } from "../../lib/mcp-gateway/args";
import { toPayloadSchema } from "../../lib/mcp-gateway/payload-schema";

const ENV = { WARDEN_URL: "http://127.0.0.1:3000", WARDEN_API_KEY: "wdn_key" };

describe("warden-mcp command line", () => {
  it("takes the upstream command after --, with defaults for the rest", () => {
    expect(parseArgs(["--name", "github", "--", "npx", "-y", "@modelcontextprotocol/server-github", "--name", "x"], ENV)).toEqual({
      server: "github",
      wardenUrl: ENV.WARDEN_URL,
      apiKey: ENV.WARDEN_API_KEY,
      waitMs: 300_000,
      progressEveryMs: 10_000,
      hideKilledTools: true,
      upstream: { kind: "stdio", command: "npx", args: ["-y", "@modelcontextprotocol/server-github", "--name", "x"] },
    });
  });

  it("takes a Streamable HTTP upstream with headers, and the other options", () => {
    const a = parseArgs(
      ["--name", "docs", "--upstream-url", "https://mcp.example.test/mcp", "--header", "Authorization: Bearer a:b", "--wait", "2.5", "--progress-every", "1", "--show-killed-tools"],
      ENV,
    );
    expect(a).toMatchObject({
      waitMs: 2_500,
      progressEveryMs: 1_000,
      hideKilledTools: false,
      upstream: { kind: "http", url: new URL("https://mcp.example.test/mcp"), headers: { Authorization: "Bearer a:b" } },
    });
    expect(parseArgs(["--help"], {})).toBe("help");
  });

  it("refuses what it cannot run, saying why", () => {
    const refused = (argv: string[], env: Record<string, string> = ENV) => {
      try {
        parseArgs(argv, env);
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refused(["--", "srv"])).toMatch(/--name/);
    expect(refused(["--name", "a"])).toMatch(/give the upstream/);
    expect(refused(["--name", "a", "srv"])).toMatch(/after --/);
    expect(refused(["--name", "a", "--upstream-url", "http://x/mcp", "--", "srv"])).toMatch(/not both/);
    expect(refused(["--name", "a", "--upstream-url", "ftp://x"])).toMatch(/http/);
    expect(refused(["--name", "a", "--header", "X: y", "--", "srv"])).toMatch(/--header is for --upstream-url/);
    expect(refused(["--name", "a", "--wait", "0", "--", "srv"])).toMatch(/--wait/);
    expect(refused(["--name", "a", "--wait", "1e3", "--", "srv"])).toMatch(/--wait/);
    expect(refused(["--name", "a", "--wait"])).toMatch(/needs a value/);
    expect(refused(["--name", "a", "--", "srv"], { WARDEN_URL: "http://x" })).toMatch(/WARDEN_API_KEY/);
    expect(refused(["--name", "a", "--", "srv"], { WARDEN_API_KEY: "k" })).toMatch(/WARDEN_URL/);
  });

  it("never hands Warden's settings to the upstream", () => {
    expect(upstreamEnv({ PATH: "/bin", GITHUB_TOKEN: "t", WARDEN_API_KEY: "k", WARDEN_URL: "u", HOME: undefined })).toEqual({ PATH: "/bin", GITHUB_TOKEN: "t" });
  });
});

describe("a tool's input schema as a payload schema", () => {
  it("drops a draft-07 label that a 2020-12 validator cannot load, keeps a 2020-12 one, ignores non-objects", () => {
    const body = { type: "object", properties: { a: { type: "string" } } };
    expect(toPayloadSchema({ $schema: "http://json-schema.org/draft-07/schema#", ...body })).toEqual(body);
    expect(toPayloadSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", ...body })).toEqual({ $schema: "https://json-schema.org/draft/2020-12/schema", ...body });
    expect(toPayloadSchema(body)).toEqual(body);
    for (const v of [undefined, null, "x", [body]]) expect(toPayloadSchema(v)).toBeUndefined();
  });
});
