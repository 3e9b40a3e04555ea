import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Dependencies point from the edges (app, lib/http, lib/server, lib/openapi) to the domain (lib/<module>) to
// the database (lib/db), never back. Type-only imports count too: they tie the modules together
// just the same. Scanned with TypeScript's own import reader, so comments and strings do not match.

const ROOT = path.resolve(import.meta.dirname, "../..");

type Edge = { file: string; spec: string; target: string };

/** Every import of a project file from lib/, as `lib/<module>/…`, `app/…` or `components/…`. */
function libImports(): Edge[] {
  const edges: Edge[] = [];
  for (const rel of readdirSync(path.join(ROOT, "lib"), { recursive: true, encoding: "utf8" })) {
    if (!/\.tsx?$/.test(rel) || rel.split(path.sep)[0] === "generated") continue;
    const file = path.join("lib", rel);
    const src = readFileSync(path.join(ROOT, file), "utf8");
    for (const { fileName: spec } of ts.preProcessFile(src, true, true).importedFiles) {
      let abs: string;
      if (spec.startsWith(".")) abs = path.resolve(ROOT, path.dirname(file), spec);
      else if (spec.startsWith("@/")) abs = path.join(ROOT, spec.slice(2));
      else continue; // a package
      edges.push({ file: file.split(path.sep).join("/"), spec, target: path.relative(ROOT, abs).split(path.sep).join("/") });
    }
  }
  return edges;
}

const moduleOf = (p: string) => p.split("/").slice(0, 2).join("/");
const edges = libImports();
const show = (list: Edge[]) => list.map((e) => `${e.file} → ${e.spec}`);
const crossing = (from: (m: string) => boolean, to: (m: string) => boolean) =>
  show(edges.filter((e) => moduleOf(e.file) !== moduleOf(e.target) && from(moduleOf(e.file)) && to(moduleOf(e.target))));

describe("module boundaries", () => {
  it("reads the imports it checks", () => {
    // Guards the scanner itself: a regression that finds nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual(expect.objectContaining({ file: "lib/actions/schemas.ts", target: "lib/api/common-schemas" }));
  });

  it("lib never imports app/ or components/", () => {
    expect(show(edges.filter((e) => /^(app|components)(\/|$)/.test(e.target)))).toEqual([]);
  });

  it("lib/db imports no other lib module but lib/generated and lib/errors", () => {
    expect(crossing((m) => m === "lib/db", (m) => !["lib/generated", "lib/errors"].includes(m))).toEqual([]);
  });

  it("no domain module imports the edges (lib/http, lib/server), and only app/ imports lib/openapi", () => {
    const edge = (m: string) => m === "lib/http" || m === "lib/server";
    expect(crossing((m) => !edge(m), edge)).toEqual([]);
    expect(crossing(() => true, (m) => m === "lib/openapi")).toEqual([]);
  });

  it("lib/api holds base helpers only: no domain module behind it", () => {
    expect(crossing((m) => m === "lib/api", (m) => !["lib/db", "lib/errors", "lib/generated"].includes(m))).toEqual([]);
  });
});
