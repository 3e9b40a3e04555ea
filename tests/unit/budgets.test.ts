import { describe, expect, it } from "vitest";
import { formatUsd, usdToMicros } from "../../lib/budgets/money";
import { checkRunBudgets, detectLoop, spendVerdicts, DEFAULT_LOOP_THRESHOLD, type ToolCall } from "../../lib/budgets/rules";
import { callSignature, normalizedInput, similarCalls } from "../../lib/budgets/similar-input";

const none = { costMicros: null, tokens: null };

describe("run budgets", () => {
  it("a run exactly at its cost budget continues; one micro-dollar over trips, naming the numbers", () => {
    expect(checkRunBudgets({ costMicros: 1_000_000n, tokens: 0n }, { ...none, costMicros: 1_000_000n })).toBeNull();
    const trip = checkRunBudgets({ costMicros: 1_000_001n, tokens: 0n }, { ...none, costMicros: 1_000_000n });
    expect(trip?.rule).toBe("cost_budget");
    expect(trip?.reason).toBe("Cost budget exceeded: this run has cost $1.000001, over its budget of $1.00.");
  });

  it("a run exactly at its token budget continues; one token over trips", () => {
    expect(checkRunBudgets({ costMicros: 0n, tokens: 100_000n }, { ...none, tokens: 100_000n })).toBeNull();
    const trip = checkRunBudgets({ costMicros: 0n, tokens: 100_001n }, { ...none, tokens: 100_000n });
    expect(trip).toMatchObject({ rule: "token_budget", details: { tokens: 100_001, budgetTokens: 100_000 } });
    expect(trip?.reason).toContain("100,001 tokens, over its budget of 100,000");
  });

  it("no budget means no limit, however large the totals; a zero budget trips on the first cost", () => {
    expect(checkRunBudgets({ costMicros: 10n ** 15n, tokens: 10n ** 12n }, none)).toBeNull();
    expect(checkRunBudgets({ costMicros: 0n, tokens: 0n }, { costMicros: 0n, tokens: 0n })).toBeNull();
    expect(checkRunBudgets({ costMicros: 1n, tokens: 0n }, { costMicros: 0n, tokens: null })?.rule).toBe("cost_budget");
  });

  it("over both budgets, the cost rule is named", () => {
    expect(checkRunBudgets({ costMicros: 2n, tokens: 2n }, { costMicros: 1n, tokens: 1n })?.rule).toBe("cost_budget");
  });
});

describe("loop detection", () => {
  const call = (input: unknown, name = "search"): ToolCall => ({ name, input });
  const same = (n: number, input: unknown = { q: "weather in paris" }) => Array.from({ length: n }, () => call(input));

  it("trips on the 6th similar call with the default threshold, not on the 5th", () => {
    expect(DEFAULT_LOOP_THRESHOLD).toBe(5);
    expect(detectLoop(same(5), 5)).toEqual({ streak: 5, trip: null });
    const six = detectLoop(same(6), 5);
    expect(six.streak).toBe(6);
    expect(six.trip).toMatchObject({ rule: "loop", details: { tool: "search", calls: 6, threshold: 5 } });
    expect(six.trip?.reason).toBe('Loop detected: 6 consecutive calls of tool "search" with similar input, more than the limit of 5.');
  });

  it("a dissimilar call breaks the streak; only the calls since it count", () => {
    const calls = [...same(5), call({ q: "weather in london" }), ...same(5)];
    expect(detectLoop(calls, 5)).toEqual({ streak: 5, trip: null });
    expect(detectLoop([call({ q: "x" }, "other_tool"), ...same(10)], 5)).toEqual({ streak: 1, trip: null });
  });

  it("six calls with dissimilar inputs never trip", () => {
    const calls = Array.from({ length: 6 }, (_, i) => call({ q: `page ${i}` }));
    expect(detectLoop(calls, 5).trip).toBeNull();
  });

  it("respects other thresholds at their boundary", () => {
    expect(detectLoop(same(1), 1).trip).toBeNull();
    expect(detectLoop(same(2), 1).trip).not.toBeNull();
    expect(detectLoop(same(20), 20).trip).toBeNull();
    expect(detectLoop(same(21), 20).trip).not.toBeNull();
    expect(detectLoop([], 5)).toEqual({ streak: 0, trip: null });
  });
});

describe("similar input", () => {
  const a = { name: "search", input: { query: "Weather in  Paris", limit: 10, filters: { lang: "en", region: null } } };

  it("ignores key order, whitespace, case and number formatting", () => {
    expect(similarCalls(a, { name: " Search ", input: { limit: 10.0, filters: { lang: "EN" }, query: "weather in paris " } })).toBe(true);
    expect(similarCalls(a, { name: "search", input: { query: "weather in paris", limit: "10", filters: { lang: "en" } } })).toBe(true);
    expect(normalizedInput(0.1 + 0.2)).toBe(normalizedInput(0.3));
  });

  it("treats a JSON string as the value it holds (OTLP sends tool arguments as text)", () => {
    expect(similarCalls(a, { name: "search", input: JSON.stringify({ filters: { lang: "en" }, limit: 10, query: "weather in paris" }) })).toBe(true);
  });

  it("ignores ids and timestamps that change on every retry", () => {
    const at = (requestId: string, ts: string | number) => ({ name: "fetch_ticket", input: { ticket: "T-1", requestId, sentAt: ts } });
    expect(similarCalls(at("3f2b1c9e-8a7d-4e6f-9b1a-2c3d4e5f6a7b", "2026-11-26T10:00:00Z"), at("0aa0b6f1-1111-4222-8333-944455556666", "2026-11-26T10:00:07.123Z"))).toBe(true);
    expect(similarCalls(at("4bf92f3577b34da6a3ce929d0e0e4736", 1764151200000), at("00f067aa0ba902b700f067aa0ba902b7", 1764151207000))).toBe(true);
    expect(similarCalls(at("01JDKX3M5Q8R7T9V2W4Y6Z8A1B", "x"), at("01JDKX3M5Q8R7T9V2W4Y6Z8A1C", "x"))).toBe(true);
  });

  it("keeps what carries meaning: other values, other tools, array order, short numbers", () => {
    expect(similarCalls(a, { name: "search", input: { ...a.input, query: "weather in london" } })).toBe(false);
    expect(similarCalls(a, { name: "lookup", input: a.input })).toBe(false);
    expect(similarCalls({ name: "t", input: [1, 2] }, { name: "t", input: [2, 1] })).toBe(false);
    expect(similarCalls({ name: "t", input: { page: 1 } }, { name: "t", input: { page: 2 } })).toBe(false);
    expect(similarCalls({ name: "t", input: { order: "A-1001" } }, { name: "t", input: { order: "A-1002" } })).toBe(false);
    expect(similarCalls({ name: "t", input: "deadbeefcafebabe" }, { name: "t", input: "feedfacecafebabe" })).toBe(false);
  });

  it("a missing input equals null and an empty object equals an object of nulls", () => {
    expect(callSignature("t", undefined)).toBe(callSignature("t", null));
    expect(callSignature("t", {})).toBe(callSignature("t", { a: null }));
  });

  it("stays bounded on deeply nested input", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(() => normalizedInput(deep)).not.toThrow();
  });
});

describe("spend limits", () => {
  const limits = { hourlyAlertMicros: 5_000_000n, dailyAlertMicros: 20_000_000n, dailyCapMicros: 50_000_000n };

  it("nothing at the thresholds, each one just over them", () => {
    expect(spendVerdicts({ hourMicros: 5_000_000n, dayMicros: 20_000_000n }, limits)).toEqual([]);
    expect(spendVerdicts({ hourMicros: 5_000_001n, dayMicros: 20_000_000n }, limits).map((v) => v.kind)).toEqual(["hourly_alert"]);
    expect(spendVerdicts({ hourMicros: 0n, dayMicros: 20_000_001n }, limits).map((v) => v.kind)).toEqual(["daily_alert"]);
    expect(spendVerdicts({ hourMicros: 0n, dayMicros: 50_000_000n }, limits).map((v) => v.kind)).toEqual(["daily_alert"]);
    expect(spendVerdicts({ hourMicros: 0n, dayMicros: 50_000_001n }, limits).map((v) => v.kind)).toEqual(["daily_alert", "daily_cap"]);
  });

  it("unset limits never fire", () => {
    expect(spendVerdicts({ hourMicros: 10n ** 12n, dayMicros: 10n ** 12n }, { hourlyAlertMicros: null, dailyAlertMicros: null, dailyCapMicros: null })).toEqual([]);
  });

  it("names the spend and the limit", () => {
    const [v] = spendVerdicts({ hourMicros: 0n, dayMicros: 50_500_000n }, { hourlyAlertMicros: null, dailyAlertMicros: null, dailyCapMicros: 50_000_000n });
    expect(v.reason).toBe("Daily hard cap reached: spend today (UTC): $50.50, over $50.00.");
  });
});

describe("money", () => {
  it("formats micro-dollars with cents at least and no trailing zeros beyond", () => {
    expect(formatUsd(0n)).toBe("$0.00");
    expect(formatUsd(1_020_000n)).toBe("$1.02");
    expect(formatUsd(3_500n)).toBe("$0.0035");
    expect(formatUsd(1_250_000_000n)).toBe("$1,250.00");
    expect(usdToMicros(0.0035)).toBe(3_500n);
  });
});
