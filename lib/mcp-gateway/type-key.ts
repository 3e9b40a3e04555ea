import { createHash } from "node:crypto";

// Warden's action type keys are dotted lowercase (`[a-z][a-z0-9_]*` segments, at most 100
// characters); MCP server and tool names may hold capitals, dashes, dots and more. Each name
// becomes one segment: camelCase and separators turn into `_`, so `getUser`, `get-user` and
// `get.user` all read `get_user` — a reviewer sees the tool's real name in the action's
// rationale. Names that had to be cut keep a short hash, so two long names stay distinct.

const MAX_KEY = 100;

/** One key segment from any name: lowercase, `[a-z0-9_]`, starting with a letter. */
export function toSegment(name: string): string {
  const snake = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents off: "é" reads "e"
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!snake) return "x";
  return /^[a-z]/.test(snake) ? snake : `t_${snake}`;
}

const shortHash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

/** The action type of a tool: `mcp.<server>.<tool>`. */
export function toolTypeKey(server: string, tool: string): string {
  const head = `mcp.${toSegment(server).slice(0, 40)}.`;
  const segment = toSegment(tool);
  if (head.length + segment.length <= MAX_KEY) return head + segment;
  const room = MAX_KEY - head.length - 9; // "_" + 8 hex digits
  return `${head}${segment.slice(0, room).replace(/_+$/, "")}_${shortHash(tool)}`;
}
