/**
 * Why the policy raised an action to a person, from its route reason ("Escalated to level 2:
 * confidence 0.42 is below the type's threshold 0.8.") — null when the type's own level sent it.
 */
export function routeNote(reason: string): string | null {
  const m = /^Escalated to level \d: (.*?)\.?$/.exec(reason);
  if (!m?.[1]) return null;
  return m[1].charAt(0).toUpperCase() + m[1].slice(1);
}

export function formatConfidence(c: number | null): string {
  return c === null ? "—" : `${Math.round(c * 100)}%`;
}
