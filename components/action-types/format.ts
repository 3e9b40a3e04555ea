const UNITS = [
  { unit: "days", seconds: 86_400 },
  { unit: "hours", seconds: 3_600 },
  { unit: "minutes", seconds: 60 },
] as const;
export type TimeoutUnit = (typeof UNITS)[number]["unit"];
export const TIMEOUT_UNITS = UNITS;

/** The largest unit that expresses the timeout exactly: 86400 s → 1 day, 5400 s → 90 minutes. */
export function splitTimeout(seconds: number): { value: number; unit: TimeoutUnit } {
  const u = UNITS.find((x) => seconds % x.seconds === 0) ?? UNITS[2];
  return { value: Math.round((seconds / u.seconds) * 100) / 100, unit: u.unit };
}

export function unitSeconds(unit: TimeoutUnit): number {
  return UNITS.find((x) => x.unit === unit)!.seconds;
}

/** "24 h", "90 min", "3 d" */
export function formatTimeout(seconds: number): string {
  const { value, unit } = splitTimeout(seconds);
  return `${value} ${unit === "days" ? "d" : unit === "hours" ? "h" : "min"}`;
}

export function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
