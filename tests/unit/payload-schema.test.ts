import { describe, expect, it } from "vitest";
import { payloadSchemaErrors, schemaProblems } from "../../lib/actions/payload-schema";

// Payload schemas are managers' JSON Schemas, compiled on demand. Any valid schema must work —
// including one with an $id, which ajv would otherwise keep in a registry shared by every type.

const refund = (max: number) => ({
  $id: "https://example.test/schemas/refund.json",
  type: "object",
  properties: { amount: { type: "number", maximum: max } },
  required: ["amount"],
});

describe("payload schemas", () => {
  it("validates with a schema that has an $id, again and again", () => {
    expect(schemaProblems(refund(100))).toEqual([]);
    expect(schemaProblems(refund(100))).toEqual([]);
    expect(payloadSchemaErrors(refund(100), { amount: 50 })).toEqual([]);
    expect(payloadSchemaErrors(refund(100), { amount: 500 })).toHaveLength(1);
  });

  it("takes a replaced schema with the same $id into account at once", () => {
    expect(payloadSchemaErrors(refund(100), { amount: 150 })).toHaveLength(1);
    expect(schemaProblems(refund(1000))).toEqual([]);
    expect(payloadSchemaErrors(refund(1000), { amount: 150 })).toEqual([]);
  });

  it("never lets one type's schema leak into another type that uses the same $id", () => {
    const other = { $id: "https://example.test/schemas/refund.json", type: "object", properties: { note: { type: "string" } }, required: ["note"] };
    expect(payloadSchemaErrors(other, { note: "hi" })).toEqual([]);
    expect(payloadSchemaErrors(refund(100), { amount: 5 })).toEqual([]);
    expect(payloadSchemaErrors(other, { amount: 5 }).map((e) => e.message)).toEqual([expect.stringMatching(/note/)]);
  });

  it("resolves $refs inside the schema and reports unresolvable ones as problems", () => {
    const withDefs = { $id: "urn:warden:test", $defs: { money: { type: "number", minimum: 0 } }, type: "object", properties: { amount: { $ref: "#/$defs/money" } } };
    expect(payloadSchemaErrors(withDefs, { amount: -1 })).toHaveLength(1);
    expect(schemaProblems({ type: "object", properties: { a: { $ref: "https://elsewhere.test/x.json" } } })).not.toEqual([]);
  });
});
