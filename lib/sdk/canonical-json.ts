import { createHash } from "node:crypto";

// JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, so a digest computed
// by the agent (this SDK) and one computed by Warden agree whenever the payloads are the same
// JSON. Warden imports this very file; it must stay free of dependencies (docs/audit-log.md).
//
// - Object members sorted by their names' UTF-16 code units, recursively; no whitespace.
// - Strings and numbers serialized exactly as ECMAScript's JSON.stringify does (numbers: the
//   shortest round-trip form, `1e+21`, `5e-324`; -0 is `0`). NaN and Infinity are not JSON: error.
// - Values JSON.stringify would skip or convert (undefined members, toJSON) are treated the same
//   way, so canonicalJson(x) equals canonicalJson(JSON.parse(JSON.stringify(x))).

/** The RFC 8785 canonical form of a JSON value. Throws on values JSON cannot represent. */
export function canonicalJson(value: unknown): string {
  const out = serialize(value, new Set());
  if (out === undefined) throw new TypeError("canonicalJson: the value has no JSON form (undefined, a function or a symbol)");
  return out;
}

function serialize(value: unknown, stack: Set<object>): string | undefined {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new TypeError("canonicalJson: a BigInt has no JSON form");
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  const obj = value as object;
  if (stack.has(obj)) throw new TypeError("canonicalJson: the value is circular");
  stack.add(obj);
  try {
    if (Array.isArray(obj)) return `[${obj.map((v) => serialize(v, stack) ?? "null").join(",")}]`;
    const parts: string[] = [];
    // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    for (const key of Object.keys(obj).sort()) {
      const v = serialize((obj as Record<string, unknown>)[key], stack);
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${parts.join(",")}}`;
  } finally {
    stack.delete(obj);
  }
}

/** SHA-256 of a text's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The digest of a payload as Warden records it on receipts: SHA-256 of the UTF-8 bytes of its
 * RFC 8785 canonical JSON, lower-case hex (64 characters).
 */
export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
