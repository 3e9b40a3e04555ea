import { describe, expect, it } from "vitest";
import { costMicros, findPrice, usdToMicros, type Price } from "../../lib/runs/pricing";

const prices: Price[] = [
  { model: "gpt-4o", inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n },
  { model: "gpt-4o-mini", inputMicrosPerMillion: 150_000n, outputMicrosPerMillion: 600_000n },
];

describe("pricing", () => {
  it("matches exactly, else the longest prefix, case-insensitively", () => {
    expect(findPrice(prices, "gpt-4o")?.model).toBe("gpt-4o");
    expect(findPrice(prices, "GPT-4o-mini-2024-07-18")?.model).toBe("gpt-4o-mini");
    expect(findPrice(prices, "gpt-4o-2024-08-06")?.model).toBe("gpt-4o");
    expect(findPrice(prices, "claude-x")).toBeUndefined();
  });

  it("computes cost in micro-dollars, rounded half up", () => {
    expect(costMicros(prices[0], 1000, 200)).toBe(4500n); // $0.0025 + $0.002
    expect(costMicros(prices[1], 1, 0)).toBe(0n); // 0.15 µ$ rounds to 0
    expect(costMicros(prices[1], 4, 0)).toBe(1n); // 0.6 µ$ rounds to 1
    expect(costMicros(prices[0], 0, 0)).toBe(0n);
  });

  it("converts dollars to micro-dollars exactly for typical values", () => {
    expect(usdToMicros(0.0125)).toBe(12_500n);
    expect(usdToMicros(1.1)).toBe(1_100_000n);
  });
});

describe("prices with effective dates", () => {
  const at = (iso: string) => new Date(iso);
  const history: Price[] = [
    { model: "gpt-4o", inputMicrosPerMillion: 5_000_000n, outputMicrosPerMillion: 15_000_000n, effectiveFrom: at("1970-01-01T00:00:00Z") },
    { model: "gpt-4o", inputMicrosPerMillion: 2_500_000n, outputMicrosPerMillion: 10_000_000n, effectiveFrom: at("2026-06-01T00:00:00Z") },
    { model: "gpt-4o-mini", inputMicrosPerMillion: 150_000n, outputMicrosPerMillion: 600_000n, effectiveFrom: at("2026-09-01T00:00:00Z") },
  ];

  it("prices a span with the price in effect when it started", () => {
    expect(findPrice(history, "gpt-4o", at("2026-05-31T23:59:59.999Z"))?.inputMicrosPerMillion).toBe(5_000_000n);
    expect(findPrice(history, "gpt-4o", at("2026-06-01T00:00:00Z"))?.inputMicrosPerMillion).toBe(2_500_000n);
    expect(findPrice(history, "gpt-4o-2024-08-06", at("2026-07-01T00:00:00Z"))?.inputMicrosPerMillion).toBe(2_500_000n);
  });

  it("falls back to a shorter prefix while the longer key has no price in effect yet", () => {
    // gpt-4o-mini is listed only from September: before that its spans match gpt-4o.
    expect(findPrice(history, "gpt-4o-mini-x", at("2026-08-01T00:00:00Z"))?.model).toBe("gpt-4o");
    expect(findPrice(history, "gpt-4o-mini-x", at("2026-09-02T00:00:00Z"))?.model).toBe("gpt-4o-mini");
  });

  it("without a moment, takes each key's latest price", () => {
    expect(findPrice(history, "gpt-4o")?.inputMicrosPerMillion).toBe(2_500_000n);
  });
});
