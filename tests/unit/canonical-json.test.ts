import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, payloadDigest } from "../../lib/sdk/canonical-json";

// Test vectors of RFC 8785 (JSON Canonicalization Scheme): the examples of sections 3.2.2 and
// 3.2.3 and the reference implementation's test data, each as input JSON text, the expected
// canonical bytes (hex, as the RFC prints them) and the SHA-256 of those bytes computed apart
// from this code (sha256sum over the expected bytes).
const VECTORS: { name: string; input: string; outHex: string; sha256: string }[] = [
  {
    name: "arrays",
    input: `[ 56, { "d": true, "10": null, "1": [ ] } ]`,
    outHex: "5b35362c7b2231223a5b5d2c223130223a6e756c6c2c2264223a747275657d5d",
    sha256: "099601b171cafed97c333f8878d68e7f8c8f795412adb34b2fdcf0e7c7beac42",
  },
  {
    name: "french (sorting ignores locale)",
    input: `{ "peach": "This sorting order", "p\\u00e9ch\\u00e9": "is wrong according to French", "p\\u00eache": "but canonicalization MUST", "sin": "ignore locale" }`,
    outHex:
      "7b227065616368223a225468697320736f7274696e67206f72646572222c2270c3a96368c3a9223a2269732077726f6e67206163636f7264696e6720746f204672656e6368222c2270c3aa636865223a" +
      "226275742063616e6f6e6963616c697a6174696f6e204d555354222c2273696e223a2269676e6f7265206c6f63616c65227d",
    sha256: "d99d0ebdcb0033cb858cfa830ae46bc0fb3309413b271f1da828c89901a27ed5",
  },
  {
    name: "structures",
    input: String.raw`{ "1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ {"e": "yes","E": "no" } ], "A": { } }`,
    outHex:
      "7b22223a22656d707479222c2231223a7b225c6e223a35362c2266223a7b2246223a352c2266223a226869227d7d2c223130223a7b7d2c22313131223a5b7b2245223a226e6f222c2265223a22796573" +
      "227d5d2c2241223a7b7d2c2261223a7b7d7d",
    sha256: "605f65004ec2db7692522a0852c22f1c989e036d547e88963d1a3143cf3195d5",
  },
  {
    name: "unicode is not normalized",
    input: String.raw`{ "Unnormalized Unicode":"A\u030a" }`,
    outHex: "7b22556e6e6f726d616c697a656420556e69636f6465223a2241cc8a227d",
    sha256: "0d99aad92a125196ff887876643fd3206786a84ddce2cee52ba4ad256d2381d3",
  },
  {
    name: "values (section 3.2.2)",
    input: String.raw`{ "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false] }`,
    outHex:
      "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d3237" +
      "5d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d",
    sha256: "2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb",
  },
  {
    name: "sorting by UTF-16 code units (section 3.2.3)",
    input: String.raw`{ "\u20ac": "Euro Sign", "\r": "Carriage Return", "\u000a": "Newline", "1": "One", "\u0080": "Control\u007f", "\ud83d\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge" }`,
    outHex:
      "7b225c6e223a224e65776c696e65222c225c72223a2243617272696167652052657475726e222c2231223a224f6e65222c223c2f7363726970743e223a2242726f77736572204368616c6c656e676522" +
      "2c22c280223a22436f6e74726f6c7f222c22c3b6223a224c6174696e20536d616c6c204c6574746572204f205769746820446961657265736973222c22e282ac223a224575726f205369676e222c22f0" +
      "9f9882223a22536d696c6579222c22efacb3223a22486562726577204c65747465722044616c6574205769746820446167657368227d",
    sha256: "6af595a9aa80110b964b4de3f82a05fa6ae7423005019bacfa2620dddc4e94d1",
  },
];

// RFC 8785 appendix B: IEEE-754 doubles (as their bit patterns) and their serialization.
const NUMBERS: [string, string][] = [
  ["0000000000000000", "0"],
  ["8000000000000000", "0"],
  ["0000000000000001", "5e-324"],
  ["8000000000000001", "-5e-324"],
  ["7fefffffffffffff", "1.7976931348623157e+308"],
  ["ffefffffffffffff", "-1.7976931348623157e+308"],
  ["4340000000000000", "9007199254740992"],
  ["c340000000000000", "-9007199254740992"],
  ["4430000000000000", "295147905179352830000"],
  ["44b52d02c7e14af5", "9.999999999999997e+22"],
  ["44b52d02c7e14af6", "1e+23"],
  ["44b52d02c7e14af7", "1.0000000000000001e+23"],
  ["444b1ae4d6e2ef4e", "999999999999999700000"],
  ["444b1ae4d6e2ef4f", "999999999999999900000"],
  ["444b1ae4d6e2ef50", "1e+21"],
  ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
  ["3eb0c6f7a0b5ed8d", "0.000001"],
  ["41b3de4355555553", "333333333.3333332"],
  ["41b3de4355555554", "333333333.33333325"],
  ["41b3de4355555555", "333333333.3333333"],
  ["41b3de4355555556", "333333333.3333334"],
  ["41b3de4355555557", "333333333.33333343"],
  ["becbf647612f3696", "-0.0000033333333333333333"],
  ["43143ff3c1cb0959", "1424953923781206.2"],
];

const fromBits = (hex: string) => Buffer.from(hex, "hex").readDoubleBE(0);

describe("canonical JSON (RFC 8785)", () => {
  for (const v of VECTORS) {
    it(`${v.name}: the canonical bytes and their digest`, () => {
      const canonical = canonicalJson(JSON.parse(v.input));
      expect(Buffer.from(canonical, "utf8").toString("hex")).toBe(v.outHex);
      expect(payloadDigest(JSON.parse(v.input))).toBe(v.sha256);
    });
  }

  it("serializes numbers as the RFC's appendix B lists them", () => {
    for (const [bits, expected] of NUMBERS) expect(canonicalJson(fromBits(bits)), bits).toBe(expected);
  });

  it("refuses what JSON cannot represent", () => {
    expect(() => canonicalJson(fromBits("7fffffffffffffff"))).toThrow(/not a JSON number/); // NaN
    expect(() => canonicalJson(fromBits("7ff0000000000000"))).toThrow(/not a JSON number/); // Infinity
    expect(() => canonicalJson(10n)).toThrow(/BigInt/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
    expect(() => canonicalJson(undefined)).toThrow(/no JSON form/);
  });

  it("treats a value the way JSON.stringify would (undefined members dropped, toJSON used)", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    const value = { b: undefined, a: at, c: [undefined, 1] };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
    expect(canonicalJson(value)).toBe('{"a":"2026-12-01T10:00:00.000Z","c":[null,1]}');
  });

  it("gives the same digest for the same JSON in any member order or spacing", () => {
    const a = JSON.parse(`{"to": "a@example.com", "amount": 12.50, "items": [{"sku": "x", "n": 1}]}`);
    const b = JSON.parse(`{"items":[{"n":1,"sku":"x"}],"amount":12.5,"to":"a@example.com"}`);
    expect(payloadDigest(a)).toBe(payloadDigest(b));
    expect(payloadDigest(a)).toBe(createHash("sha256").update('{"amount":12.5,"items":[{"n":1,"sku":"x"}],"to":"a@example.com"}').digest("hex"));
    expect(payloadDigest({ ...a, amount: 12.51 })).not.toBe(payloadDigest(a));
  });
});
