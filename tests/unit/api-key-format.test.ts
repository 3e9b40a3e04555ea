import { describe, expect, it } from "vitest";
import { apiKeyMatches, generateApiKey, hashApiKey, keyPrefix } from "../../lib/agents/api-key-format";
import { apiKeySchema } from "../../lib/agents/schemas";

describe("API key format", () => {
  it("generates distinct keys that satisfy the key schema", () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const k of keys) {
      expect(k).toMatch(/^wdn_[A-Za-z0-9]{40}$/);
      expect(apiKeySchema.safeParse(k).success).toBe(true);
    }
  });

  it("uses the first 12 characters as the public prefix", () => {
    expect(keyPrefix("abcdefghijklmnopqrstuvwxyz0123456789")).toBe("abcdefghijkl");
  });

  it("matches only the exact key against its hash", () => {
    const k = generateApiKey();
    const h = hashApiKey(k);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyMatches(k, h)).toBe(true);
    expect(apiKeyMatches(k + "x", h)).toBe(false);
    expect(apiKeyMatches(k, "00")).toBe(false);
  });

  it.each([
    ["31 characters", "a".repeat(31), false],
    ["32 characters", "a".repeat(32), true],
    ["128 characters", "a".repeat(128), true],
    ["129 characters", "a".repeat(129), false],
    ["dash and underscore", "ab-_".repeat(8), true],
    ["a dot", "a".repeat(31) + ".", false],
    ["a space", "a".repeat(31) + " ", false],
  ])("key schema: %s", (_l, key, ok) => {
    expect(apiKeySchema.safeParse(key).success).toBe(ok);
  });
});
