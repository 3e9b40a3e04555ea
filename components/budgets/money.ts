// Dollar amounts as people type them into the console's limit fields, and back.

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** "$2.50", "$0.0035"; "No limit" for null. */
export function formatUsd(v: number | null, none = "No limit"): string {
  return v === null ? none : usd.format(v);
}

/** The field's text as a number, null when empty, or an error message. */
export function parseAmount(text: string, opts: { integer?: boolean; min?: number } = {}): { value: number | null } | { error: string } {
  const t = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return { value: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < (opts.min ?? 0)) return { error: `Enter ${opts.integer ? "a whole number" : "an amount"} of at least ${opts.min ?? 0}, or leave it empty.` };
  if (opts.integer && !Number.isInteger(n)) return { error: "Enter a whole number, or leave it empty." };
  return { value: n };
}

export const fieldText = (v: number | null) => (v === null ? "" : String(v));
