// Token pricing, pure. Prices are micro-dollars per million tokens (ModelPrice rows), each with
// the moment it took effect, so a span is priced with the price in effect when it started.

export type Price = { model: string; inputMicrosPerMillion: bigint; outputMicrosPerMillion: bigint; effectiveFrom?: Date };

const EPOCH = new Date(0);

/**
 * The price for a model at a moment: the model key is an exact match, else the longest listed
 * prefix ("gpt-4o-2024-08-06" → "gpt-4o"), among keys with a price in effect at `at`; of that
 * key's prices, the one that took effect last. Without `at`, the latest price of each key.
 */
export function findPrice(prices: readonly Price[], model: string, at?: Date): Price | undefined {
  const m = model.toLowerCase();
  let best: Price | undefined;
  let bestLen = -1;
  for (const p of prices) {
    const from = p.effectiveFrom ?? EPOCH;
    if (at && from > at) continue;
    const k = p.model.toLowerCase();
    const len = m === k ? Number.MAX_SAFE_INTEGER : m.startsWith(k) ? k.length : -1;
    if (len < 0) continue;
    if (len > bestLen || (len === bestLen && from > (best!.effectiveFrom ?? EPOCH))) {
      best = p;
      bestLen = len;
    }
  }
  return best;
}

/** Cost in micro-dollars, rounded to the nearest micro-dollar. */
export function costMicros(price: Price, inputTokens: number, outputTokens: number): bigint {
  const total = BigInt(inputTokens) * price.inputMicrosPerMillion + BigInt(outputTokens) * price.outputMicrosPerMillion;
  return (total + 500_000n) / 1_000_000n;
}

export function usdToMicros(usd: number): bigint {
  return BigInt(Math.round(usd * 1_000_000));
}

/** The prices the ingest path looks up: every row, history included (a handful per model). */
export async function loadPrices(db: { modelPrice: { findMany(args: { select: Record<keyof Price, true> }): Promise<Price[]> } }): Promise<Price[]> {
  return db.modelPrice.findMany({ select: { model: true, inputMicrosPerMillion: true, outputMicrosPerMillion: true, effectiveFrom: true } });
}
