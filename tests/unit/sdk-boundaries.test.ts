import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// The SDK runs inside agents: any Node ≥ 20 process, no Next.js, no database, no zod. Type-only
// imports of the contract schemas are fine (they vanish when compiled); anything else is not.

// vi.mock is hoisted above imports, so each factory stands alone.
vi.mock("zod", () => {
  throw new Error("the SDK loaded zod at runtime");
});
vi.mock("next/server", () => {
  throw new Error("the SDK loaded next/server at runtime");
});
vi.mock("server-only", () => {
  throw new Error("the SDK loaded a server-only module at runtime");
});
vi.mock("pg", () => {
  throw new Error("the SDK loaded pg at runtime");
});
vi.mock("@prisma/client", () => {
  throw new Error("the SDK loaded @prisma/client at runtime");
});

const SDK_DIR = path.resolve(import.meta.dirname, "../../lib/sdk");

describe("SDK boundaries", () => {
  it("loads without zod, Next.js or server modules", async () => {
    const sdk = await import("../../lib/sdk");
    expect(typeof sdk.createClient).toBe("function");
    expect(Object.keys(sdk).sort()).toEqual(["WardenAbortedError", "WardenApiError", "WardenError", "WardenUnavailableError", "createClient", "refusalText"]);
  });

  it("imports at runtime only its own files and node: built-ins", () => {
    const files = readdirSync(SDK_DIR).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("index.ts");
    const offending: string[] = [];
    for (const f of files) {
      const src = readFileSync(path.join(SDK_DIR, f), "utf8");
      for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms)) {
        const [, , typeOnly, spec] = m;
        if (typeOnly) continue;
        if (spec.startsWith("./") || spec.startsWith("node:")) continue;
        offending.push(`${f}: ${spec}`);
      }
      if (/\b(require\(|import\()/.test(src)) offending.push(`${f}: dynamic import`);
    }
    expect(offending).toEqual([]);
  });

  it("adapters load without their frameworks, and the MCP gateway without server code", () => {
    // Adapters import only types from `ai` / `@openai/agents` (the agent brings its own copy);
    // the gateway runs beside agents with the SDK and the MCP SDK, never the server's modules.
    const runtimeImports = (dir: string) => {
      const out: string[] = [];
      for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
        const src = readFileSync(path.join(dir, f), "utf8");
        for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms)) if (!m[2]) out.push(`${f}: ${m[3]}`);
      }
      return out;
    };
    const adapters = runtimeImports(path.join(SDK_DIR, "adapters"));
    expect(adapters.length).toBeGreaterThan(0);
    expect(adapters.filter((i) => !/: (\.\/|\.\.\/(client|errors|refusal|transport|types)$)/.test(i))).toEqual([]);
    const gateway = runtimeImports(path.resolve(SDK_DIR, "../mcp-gateway"));
    expect(gateway.filter((i) => !/: (\.\/|\.\.\/sdk$|node:|@modelcontextprotocol\/sdk\/)/.test(i))).toEqual([]);
  });
});
