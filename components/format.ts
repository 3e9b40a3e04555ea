// Formatting shared by server and client components. Absolute times are shown in UTC so
// server-rendered and hydrated markup agree, and so operators in different zones compare alike.

const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const dateFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "short", day: "2-digit" });

/** "26 Nov 2026, 14:03 UTC" */
export function formatDateTime(iso: string): string {
  return `${dateTimeFmt.format(new Date(iso))} UTC`;
}

/** "26 Nov 2026" */
export function formatDate(iso: string): string {
  return dateFmt.format(new Date(iso));
}

/** "just now", "4 min ago", "3 h ago", "5 d ago", then the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const diff = Math.max(0, now - new Date(iso).getTime());
  const s = Math.floor(diff / 1000);
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} d ago`;
  return formatDate(iso);
}

const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd4 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** Micro-dollars to dollars: "$1,234.56"; small amounts keep up to four decimals ("$0.0042"). */
export function formatMicros(micros: number): string {
  const dollars = micros / 1_000_000;
  return Math.abs(dollars) >= 1 || dollars === 0 ? usd2.format(dollars) : usd4.format(dollars);
}

const int = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return int.format(n);
}
