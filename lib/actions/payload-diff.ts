// How much a reviewer changed a payload, pure: the leaf paths that differ.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export type PayloadChange = { path: string; before: Json | undefined; after: Json | undefined };

export function diffPayload(before: unknown, after: unknown, path = ""): PayloadChange[] {
  const a = before as Json | undefined;
  const b = after as Json | undefined;
  const isObj = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffPayload(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, i) => diffPayload(a[i], b[i], `${path}[${i}]`)).flat();
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: path || "(root)", before: a, after: b }];
}
