// Money in micro-dollars (1e-6 USD, exact integers) for people to read, and back.

/** "$1.02", "$0.0035", "$1,250.00": at least cents, more digits only where they carry value. */
export function formatUsd(micros: bigint | number): string {
  const m = BigInt(micros);
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const whole = abs / 1_000_000n;
  let frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return `${neg ? "-" : ""}$${whole.toLocaleString("en-US")}.${frac}`;
}

export function formatTokens(n: bigint | number): string {
  return BigInt(n).toLocaleString("en-US");
}

/** Dollars as given over the API (a JSON number) to micro-dollars. */
export function usdToMicros(usd: number): bigint {
  return BigInt(Math.round(usd * 1_000_000));
}

export function microsToUsd(m: bigint | number | null): number | null {
  return m === null ? null : Number(m) / 1_000_000;
}
