#!/usr/bin/env node
// warden-mcp: puts an MCP server's tools under Warden's policy (lib/mcp-gateway). The gateway is
// TypeScript like the SDK it uses; tsx (a runtime dependency already) loads it, so the command
// runs with plain `node` right after `npm ci`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
await import("../lib/mcp-gateway/cli.ts");
