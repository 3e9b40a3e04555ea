// An MCP tool's inputSchema as an action type's payload schema. Warden checks payloads with JSON
// Schema draft 2020-12; MCP servers often label theirs draft-07 (`$schema`), which a 2020-12
// validator cannot load. The keywords tool schemas use (type, properties, required, enum,
// additionalProperties, $ref into definitions) mean the same in both, so the label is dropped;
// a schema that still does not compile is refused by Warden and the type goes without one.

const DRAFT_2020_12 = /json-schema\.org\/draft\/2020-12\/schema/;

export function toPayloadSchema(inputSchema: unknown): Record<string, unknown> | undefined {
  if (!inputSchema || typeof inputSchema !== "object" || Array.isArray(inputSchema)) return undefined;
  const { $schema, ...rest } = inputSchema as Record<string, unknown>;
  return typeof $schema === "string" && DRAFT_2020_12.test($schema) ? { $schema, ...rest } : rest;
}
