import type { Check } from "@/lib/autonomy";
import { formatCount } from "../format";

const pctFmt = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** 0.9667 → "96.7%"; null (nothing to divide by) → "—". */
export function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : pctFmt.format(rate);
}

/** Lower-case domain labels ("acceptance rate") as they start a line. */
export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** One threshold check as "actual / required", e.g. "42 / 100", "93.3% / 95%", "1 / max 0". */
export function checkValues(c: Check): { actual: string; required: string } {
  if (c.kind === "rate") return { actual: pct(c.actual), required: `≥ ${pct(c.required)}` };
  if (c.kind === "max") return { actual: c.actual === null ? "—" : formatCount(c.actual), required: `max ${formatCount(c.required)}` };
  return { actual: c.actual === null ? "—" : formatCount(c.actual), required: formatCount(c.required) };
}

/** What a failing check still needs, for sentences: "needs 100", "needs at least 95%", "must be 0". */
export function checkNeed(c: Check): string {
  if (c.kind === "rate") return `needs at least ${pct(c.required)}`;
  if (c.kind === "max") return c.required === 0 ? "must be 0" : `must be at most ${formatCount(c.required)}`;
  return `needs ${formatCount(c.required)}`;
}
