import { describe, expect, it } from "vitest";
import { TtlCache } from "../../lib/cache/ttl-cache";

describe("TtlCache", () => {
  it("forgets an entry after its time to live", () => {
    let t = 0;
    const c = new TtlCache<string, number>(1000, 10, () => t);
    c.set("a", 1);
    t = 1000;
    expect(c.get("a")).toBe(1);
    t = 1001;
    expect(c.get("a")).toBeUndefined();
  });

  it("evicts the oldest entry when full, and a re-set entry counts as new", () => {
    const c = new TtlCache<string, number>(60_000, 2);
    c.set("a", 1);
    c.set("b", 2);
    c.set("a", 3); // now newest
    c.set("c", 4);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(3);
    expect(c.get("c")).toBe(4);
  });
});
