import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import type { FieldError } from "../errors";

// Payload JSON Schemas (draft 2020-12) checked with ajv. Each schema is compiled by an ajv
// instance of its own: ajv keeps every schema with an $id in its instance's registry, so a shared
// instance would refuse a changed schema with the same $id and let one type's schema answer for
// another's. Compiled validators are cached by the schema's text, so a type's new schema takes
// effect on the next request.
const cache = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

function compile(schema: object): ValidateFunction {
  return new Ajv2020({ allErrors: true, strict: false }).compile(schema);
}

/** Errors with the payload against the schema; empty when it conforms or there is no schema. */
export function payloadSchemaErrors(schema: unknown, payload: unknown): FieldError[] {
  if (schema === null || schema === undefined) return [];
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = compile(schema as object);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
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
    compile(schema);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}
