const MAX_VALUE = 80;
const MAX_TOTAL = 200;

function scalar(v: unknown): string {
  if (typeof v === "string") {
    const s = v.replace(/\s+/g, " ").trim();
    return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
  }
  if (Array.isArray(v)) return `[${v.length} ${v.length === 1 ? "item" : "items"}]`;
  return String(v);
}

function entries(v: unknown, prefix: string): [string, string][] {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, x]) => entries(x, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, scalar(v)]];
}

/**
 * A payload in one line a person can scan in a queue row: its fields as "name: value", nested
 * ones by their dotted path, text with its line breaks folded and long values cut
 * ("to: ada@example.test · subject: Your refund"). Not JSON: no braces, quotes or escapes.
 */
export function payloadSummary(payload: unknown): string {
  const parts = entries(payload, "").map(([k, v]) => (k ? `${k}: ${v}` : v));
  const line = parts.join(" · ");
  return line.length > MAX_TOTAL ? `${line.slice(0, MAX_TOTAL - 1)}…` : line;
}
