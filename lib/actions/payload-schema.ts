import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import type { FieldError } from "../errors";

// Payload JSON Schemas (draft 2020-12) checked with ajv. Compiled validators are cached by
// the schema's text, so a type's new schema takes effect on the next request.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const cache = new Map<string, ValidateFunction>();

/** Errors with the payload against the schema; empty when it conforms or there is no schema. */
export function payloadSchemaErrors(schema: unknown, payload: unknown): FieldError[] {
  if (schema === null || schema === undefined) return [];
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema as object);
    if (cache.size > 500) cache.clear();
    cache.set(key, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: ["payload", ...e.instancePath.split("/").filter(Boolean)].join("."),
    message: e.keyword === "additionalProperties" ? `unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"` : (e.message ?? "invalid"),
  }));
}

/** Problems with a JSON Schema itself (used when a manager saves one); empty when valid. */
export function schemaProblems(schema: unknown): string[] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return ["a JSON Schema must be an object"];
  try {
    ajv.compile(schema);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}
