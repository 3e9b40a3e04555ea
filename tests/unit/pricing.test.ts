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
