// A small seeded PRNG (mulberry32) so a demo run is reproducible: every simulated run and every
// review draws from its own stream, keyed by a stable label, whatever order concurrency gives.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bit: a stable seed from a label. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const DEMO_SEED = Number(process.env.DEMO_SEED) || 20261126;

export type Rng = ReturnType<typeof rng>;

export function rng(label: string | number) {
  const next = mulberry32(hashString(`${DEMO_SEED}:${label}`));
  const r = {
    next,
    float: (min: number, max: number) => min + next() * (max - min),
    int: (min: number, max: number) => Math.floor(min + next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    /** Normal(0, 1), Box–Muller. */
    gauss: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** Log-normal around a median: latencies have a long right tail. */
    latency: (medianMs: number, spread = 0.45, maxMs = medianMs * 6) =>
      Math.round(Math.min(maxMs, medianMs * Math.exp(spread * r.gauss()))),
    /** A value in [min, max] leaning towards max (confidences, quality scores). */
    skewHigh: (min: number, max: number, power = 0.6) => min + (max - min) * Math.pow(next(), power),
  };
  return r;
}
