// Token pricing, pure. Prices are micro-dollars per million tokens (ModelPrice rows).

export type Price = { model: string; inputMicrosPerMillion: bigint; outputMicrosPerMillion: bigint };

/** The price for a model: an exact match, else the longest listed prefix ("gpt-4o-2024-08-06" → "gpt-4o"). */
export function findPrice(prices: readonly Price[], model: string): Price | undefined {
  const m = model.toLowerCase();
  let best: Price | undefined;
  for (const p of prices) {
    const k = p.model.toLowerCase();
    if (m === k) return p;
    if (m.startsWith(k) && (!best || k.length > best.model.length)) best = p;
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
