import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Comments point readers at the design documents in docs/. A citation of a file that does not
// exist (renamed, never written) or of a document outside the repository sends a newcomer
// nowhere, so both fail here.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED_DIRS = ["app", "components", "lib", "scripts", "tests", "prisma"];
const SKIPPED = new Set(["lib/generated", "node_modules"]);
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs|prisma|sql|sh|css)$/;

// Assembled from parts so this file does not cite them itself (nor, below, its sample citations).
const doc = (p: string) => "docs/" + p;
const OUTSIDE_DOCS = [new RegExp(`\\b${"DESI" + "GN"}(\\.md)?\\b`), new RegExp(`\\b${"STACK" + "[- _]?" + "NOTES"}\\b`, "i")];
// "docs/…" not preceded by a path or URL character, so https://example.com/docs/x is left alone.
const DOCS_CITATION = /(?<![\w./-])docs\/[\w./-]*[\w/](#[\w-]+)?/g;

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (SKIPPED.has(rel) || rel.split("/").includes("node_modules")) return;
    const abs = path.join(ROOT, rel);
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (SOURCE.test(e.name)) out.push(child);
    }
  };
  for (const d of SCANNED_DIRS) walk(d);
  for (const e of readdirSync(ROOT, { withFileTypes: true })) if (e.isFile() && SOURCE.test(e.name)) out.push(e.name);
  return out.sort();
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdownFile: string): Set<string> {
  const text = readFileSync(markdownFile, "utf8");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => slug(m[1])));
}

/** What is wrong with the citations in one file's text; empty when every one resolves. */
function problemsIn(text: string, root = ROOT): string[] {
  const problems: string[] = [];
  for (const re of OUTSIDE_DOCS) {
    const m = re.exec(text);
    if (m) problems.push(`cites "${m[0]}", a document outside the repository; cite the docs/ file instead`);
  }
  for (const m of text.matchAll(DOCS_CITATION)) {
    const [citation, anchor] = [m[0].replace(/#.*$/, ""), m[1]?.slice(1)];
    const target = path.join(root, citation);
    if (!existsSync(target)) {
      problems.push(`cites ${citation}, which does not exist`);
    } else if (anchor && (!target.endsWith(".md") || !anchorsOf(target).has(anchor))) {
      problems.push(`cites ${m[0]}, but ${citation} has no heading #${anchor}`);
    }
  }
  return problems;
}

describe("citations of design documents", () => {
  it("the checker flags missing files, missing headings and outside documents, and passes good ones", () => {
    expect(problemsIn(`// see ${doc("no-such-file.md")}`)).toEqual([`cites ${doc("no-such-file.md")}, which does not exist`]);
    expect(problemsIn(`// see ${doc("architecture.md#no-such-heading")}.`)).toHaveLength(1);
    expect(problemsIn(`// the rules (${"DESI" + "GN"} §2)`)).toHaveLength(1);
    expect(problemsIn(`// see ${"STACK" + "-NOTES"}`)).toHaveLength(1);
    expect(problemsIn(`// see ${doc("architecture.md")}.`)).toEqual([]);
    expect(problemsIn(`// see ${doc("architecture.md#server-process")}`)).toEqual([]);
    expect(problemsIn("// https://nextjs.org/docs/app/api-reference is someone else's")).toEqual([]);
  });

  it("every source comment cites an existing docs/ file and nothing outside the repository", () => {
    const files = sourceFiles();
    expect(files).toContain("lib/policy/decide-route.ts");
    expect(files).toContain("prisma/schema.prisma");
    expect(files.some((f) => f.startsWith("lib/generated/"))).toBe(false);
    const problems = files.flatMap((f) => problemsIn(readFileSync(path.join(ROOT, f), "utf8")).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("links between the design documents and from the README resolve", () => {
    const docsDir = path.join(ROOT, "docs");
    const pages = [path.join(ROOT, "README.md"), ...readdirSync(docsDir).filter((f) => f.endsWith(".md")).map((f) => path.join(docsDir, f))];
    expect(pages.length).toBeGreaterThan(2);
    const problems: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1];
        if (/^[a-z]+:/i.test(link)) continue; // http:, mailto:
        const [file, anchor] = link.split("#");
        const target = file ? path.resolve(path.dirname(page), file) : page;
        const name = `${path.relative(ROOT, page)} → ${link}`;
        if (!existsSync(target)) problems.push(`${name}: no such file`);
        else if (anchor && target.endsWith(".md") && !anchorsOf(target).has(anchor)) problems.push(`${name}: no such heading`);
      }
    }
    expect(problems).toEqual([]);
  });
});
