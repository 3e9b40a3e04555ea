// When are two tool calls "the same call again"? Byte-equal JSON would miss the loops that matter:
// an agent retrying a tool tends to send the same request with keys in another order, different
// spacing or case, or a fresh request id or timestamp. Two calls are similar when their tool names
// match (trimmed, case-insensitive) and their inputs are equal after this normalisation:
//
//   - objects: keys sorted; keys whose value is null or missing are dropped (an optional argument
//     sent as null is the same request as one left out)
//   - arrays: element by element, order kept (order usually carries meaning)
//   - strings: a string holding JSON (as OTLP exporters send tool arguments) is parsed and
//     normalised as that value; a string holding only a number is that number; otherwise trimmed,
//     inner whitespace collapsed to one space, lower-cased, and volatile tokens replaced by a
//     placeholder: UUIDs, ISO-8601 timestamps, hex runs of 16+ characters (trace ids, hashes,
//     ULID-like ids) and digit runs of 10+ (epoch timestamps, long numeric ids)
//   - numbers: compared at 12 significant digits, so 1, 1.0 and 0.1 + 0.2 vs 0.3 agree; integers
//     of 10+ digits are the same placeholder as in strings (epoch milliseconds, numeric ids)
//
// Anything else that differs (another query, another customer, page 2 instead of page 1) makes
// the calls dissimilar: progress, not a loop.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?/g;
const LONG_HEX = /\b(?=[0-9a-z]*\d)(?:[0-9a-f]{16,}|[0-9a-hjkmnp-tv-z]{26})\b/g;
const LONG_DIGITS = /\d{10,}/g;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MAX_DEPTH = 32;

type Normal = null | boolean | number | string | Normal[] | { [k: string]: Normal };

function normalizeNumber(n: number): number | string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) >= 1e9) return "<n>";
  return Number(n.toPrecision(12));
}

function normalizeString(s: string, depth: number): Normal {
  const t = s.trim();
  if (depth < MAX_DEPTH && (t.startsWith("{") || t.startsWith("["))) {
    try {
      return normalize(JSON.parse(t), depth + 1);
    } catch {
      // not JSON after all: compare as text
    }
  }
  if (NUMBER.test(t)) return normalizeNumber(Number(t));
  return t
    .toLowerCase()
    .replace(UUID, "<id>")
    .replace(ISO_TIME, "<time>")
    .replace(LONG_HEX, "<id>")
    .replace(LONG_DIGITS, "<n>")
    .replace(/\s+/g, " ");
}

function normalize(v: unknown, depth: number): Normal {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return normalizeNumber(v);
  if (typeof v === "bigint") return normalizeNumber(Number(v));
  if (typeof v === "string") return normalizeString(v, depth);
  if (depth >= MAX_DEPTH) return "<deep>";
  if (Array.isArray(v)) return v.map((x) => normalize(x, depth + 1));
  if (typeof v === "object") {
    const out: { [k: string]: Normal } = {};
    for (const k of Object.keys(v as object).sort()) {
      const n = normalize((v as Record<string, unknown>)[k], depth + 1);
      if (n !== null) out[k] = n;
    }
    return out;
  }
  return String(v);
}

/** The normalised form of a tool call's input, as a string; equal strings mean similar input. */
export function normalizedInput(input: unknown): string {
  return JSON.stringify(normalize(input, 0));
}

/** Identifies a call up to similarity: the tool's name and its normalised input. */
export function callSignature(tool: string, input: unknown): string {
  return `${tool.trim().toLowerCase()}\u0000${normalizedInput(input)}`;
}

export function similarCalls(a: { name: string; input: unknown }, b: { name: string; input: unknown }): boolean {
  return callSignature(a.name, a.input) === callSignature(b.name, b.input);
}
