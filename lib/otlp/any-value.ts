// OTLP AnyValue / KeyValue lists (JSON encoding) → plain JSON values, pure. The protobuf decoder
// produces the same shapes, so one conversion serves both encodings.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Attributes = Record<string, Json>;

/** Deeper values are cut: attributes are for reading, and unbounded recursion is a crash waiting. */
const MAX_DEPTH = 32;
const TOO_DEEP = "[nested too deep]";

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An AnyValue as JSON: ints from strings become numbers when exact, NaN/±Infinity and big ints stay strings. */
export function anyValueToJson(v: unknown, depth = 0): Json {
  if (!isObject(v)) return null;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (typeof v.stringValue === "string") return v.stringValue;
  if (typeof v.boolValue === "boolean") return v.boolValue;
  if (v.intValue !== undefined) return intToJson(v.intValue);
  if (v.doubleValue !== undefined) return doubleToJson(v.doubleValue);
  if (isObject(v.arrayValue)) {
    const values = Array.isArray(v.arrayValue.values) ? v.arrayValue.values : [];
    return values.map((x) => anyValueToJson(x, depth + 1));
  }
  if (isObject(v.kvlistValue)) return keyValuesToObject(v.kvlistValue.values, depth + 1);
  if (typeof v.bytesValue === "string") return v.bytesValue;
  return null;
}

/** A KeyValue list as an object (later duplicates win); entries without a string key are skipped. */
export function keyValuesToObject(list: unknown, depth = 0): Attributes {
  if (!Array.isArray(list)) return {};
  if (depth > MAX_DEPTH) return {};
  const entries: [string, Json][] = [];
  for (const kv of list) {
    if (isObject(kv) && typeof kv.key === "string") entries.push([kv.key, anyValueToJson(kv.value, depth)]);
  }
  // fromEntries defines own properties, so a "__proto__" key is data, not a prototype change.
  return Object.fromEntries(entries);
}

function intToJson(v: unknown): Json {
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === "string" && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  return null;
}

function doubleToJson(v: unknown): Json {
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "string") {
    if (v === "NaN" || v === "Infinity" || v === "-Infinity") return v;
    const n = Number(v);
    return v.trim() !== "" && Number.isFinite(n) ? n : null;
  }
  return null;
}

const MAYBE_UNSAFE = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Postgres refuses NUL characters (text and jsonb) and lone surrogates (jsonb): drop or replace them. */
export function cleanText(s: string): string {
  if (!MAYBE_UNSAFE.test(s)) return s; // the common case: one scan, no copies
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** cleanText on every string and key, with nesting cut at the same depth as attributes. */
export function cleanJson(v: Json, depth = 0): Json {
  if (typeof v === "string") return cleanText(v);
  if (v === null || typeof v !== "object") return v;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(v)) return v.map((x) => cleanJson(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanJson(x, depth + 1)]));
}
