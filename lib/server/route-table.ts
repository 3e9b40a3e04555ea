import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The app's routes as the server sees them, read from app/ once at start: each page and route
// handler with its URL template and the methods it answers. The server uses it to answer 405
// with an accurate Allow header (Next answers TRACE and friends with a 500), to label metrics
// with a bounded route template instead of raw paths, and to find the agent-API handlers it
// serves itself.

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type RouteEntry = {
  /** URL template with Next's brackets, e.g. /api/v1/actions/[id]. */
  template: string;
  kind: "page" | "route";
  /** The route.ts / page.tsx file, relative to the project root. */
  file: string;
  /** Methods the entry answers (HEAD and OPTIONS included where Next adds them). */
  methods: string[];
  params: string[];
  regex: RegExp;
  /** For ordering: more static segments first, catch-alls last. */
  rank: number;
};

const EXPORTED_METHOD = /export\s+(?:const|let|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b|\bas\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

/** The HTTP methods a route file exports (GET implies HEAD; Next answers OPTIONS itself). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(EXPORTED_METHOD)) found.add(m[1] ?? m[2]);
  if (found.has("GET")) found.add("HEAD");
  if (found.size) found.add("OPTIONS");
  return HTTP_METHODS.filter((m) => found.has(m));
}

/** A template's matcher: [id] is one segment, [...rest] one or more, [[...rest]] zero or more. */
export function compileTemplate(template: string): { regex: RegExp; params: string[]; rank: number } {
  const params: string[] = [];
  let rank = 0;
  const parts = template.split("/").filter(Boolean);
  let pattern = "";
  for (const seg of parts) {
    const optionalCatchAll = /^\[\[\.\.\.(\w+)\]\]$/.exec(seg);
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg);
    const param = /^\[(\w+)\]$/.exec(seg);
    if (optionalCatchAll) {
      params.push(optionalCatchAll[1]);
      pattern += "(?:/(.+))?";
      rank -= 1000;
    } else if (catchAll) {
      params.push(catchAll[1]);
      pattern += "/(.+)";
      rank -= 1000;
    } else if (param) {
      params.push(param[1]);
      pattern += "/([^/]+)";
    } else {
      pattern += `/${seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
      rank += 10;
    }
  }
  return { regex: new RegExp(`^${pattern || "/"}/?$`), params, rank };
}

/** Every page and route handler under `appDir`. Route groups "(name)" do not appear in URLs. */
export function scanAppRoutes(appDir: string, rootDir = path.dirname(appDir)): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (dir: string, segments: string[]) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith("_") || e.name.startsWith("@")) continue; // private folders, parallel slots
        walk(full, /^\(.*\)$/.test(e.name) ? segments : [...segments, e.name]);
        continue;
      }
      const route = /^route\.(ts|js)$/.test(e.name);
      const page = /^page\.(tsx|ts|jsx|js)$/.test(e.name);
      if (!route && !page) continue;
      const template = `/${segments.join("/")}`;
      const methods = route ? exportedMethods(readFileSync(full, "utf8")) : ["GET", "HEAD"];
      out.push({ template, kind: route ? "route" : "page", file: path.relative(rootDir, full), methods, ...compileTemplate(template) });
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => b.rank - a.rank || b.template.length - a.template.length);
}

export type RouteMatch = { entry: RouteEntry; params: Record<string, string> };

export function matchRoute(table: readonly RouteEntry[], pathname: string): RouteMatch | null {
  for (const entry of table) {
    const m = entry.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    entry.params.forEach((name, i) => {
      const v = m[i + 1];
      if (v !== undefined) params[name] = safeDecode(v);
    });
    return { entry, params };
  }
  return null;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
