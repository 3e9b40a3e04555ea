import { describe, expect, it } from "vitest";
import { payloadSummary } from "../../lib/review/payload-summary";

// A queue row's one line about the payload: readable fields, not the first characters of JSON.
describe("payloadSummary", () => {
  it("lists the fields as name: value, nested ones by their path", () => {
    expect(payloadSummary({ to: "ada@example.test", subject: "Your refund", order: { id: "A-1", lines: [1, 2] }, urgent: true, amount: 12.5 })).toBe(
      "to: ada@example.test · subject: Your refund · order.id: A-1 · order.lines: [2 items] · urgent: true · amount: 12.5",
    );
  });

  it("folds line breaks and cuts long values and long lines", () => {
    const text = `Hi Dana,\n\nThanks for your patience. ${"The parcel is on its way. ".repeat(10)}`;
    const line = payloadSummary({ text, to: "dana@example.com" });
    expect(line).not.toContain("\n");
    expect(line.startsWith("text: Hi Dana, Thanks for your patience.")).toBe(true);
    expect(line).toMatch(/… · to: dana@example\.com$/);
    expect(payloadSummary({ a: "x".repeat(90), b: "y".repeat(90), c: "z".repeat(90) })).toHaveLength(200);
  });

  it("says what a payload that is not an object is", () => {
    expect(payloadSummary({})).toBe("");
    expect(payloadSummary({ tags: [] })).toBe("tags: [0 items]");
    expect(payloadSummary({ note: null })).toBe("note: null");
  });
});
