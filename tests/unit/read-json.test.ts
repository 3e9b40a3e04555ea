import { describe, expect, it } from "vitest";
import { hasUnstorableEscape } from "../../lib/http/read-json";

describe("hasUnstorableEscape", () => {
  it.each([
    [String.raw`{"a":"x\u0000y"}`, true],
    [String.raw`{"a":"\ud83d"}`, true],
    [String.raw`{"a":"\ude00"}`, true],
    [String.raw`{"a":"\ud83d\ude00"}`, false],
    [String.raw`{"a":"\\u0000"}`, false],
    [String.raw`{"a":"\\\u0000"}`, true],
    [String.raw`{"a":"\u00e9 caf\u00e9"}`, false],
    [`{"a":"plain 😀"}`, false],
  ])("%s → %s", (text, bad) => {
    JSON.parse(text); // every case is valid JSON
    expect(hasUnstorableEscape(text)).toBe(bad);
  });
});
