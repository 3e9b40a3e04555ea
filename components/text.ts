/** Schema messages are lower-case fragments ("at most 64 characters"); show them as sentences. */
export function sentence(message: string): string {
  const s = message.trim();
  if (!s) return s;
  const first = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** zod-like issues → the first message per top-level field. */
export function issuesByField(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "");
    out[key] ??= sentence(i.message);
  }
  return out;
}
