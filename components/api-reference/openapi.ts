// The slice of OpenAPI 3.1 the reference page reads, and $ref resolution within one document.

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  nullable?: boolean;
};

export type Parameter = { $ref?: string; name: string; in: string; required?: boolean; description?: string; schema?: Schema };
export type MediaType = { schema?: Schema };
export type Response = { $ref?: string; description: string; content?: Record<string, MediaType>; headers?: Record<string, unknown> };
export type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: unknown[];
};
export type Document = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, Response>;
    securitySchemes?: Record<string, { type: string; scheme?: string; description?: string }>;
  };
};

export const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** "#/components/schemas/RunView" → "RunView". */
export const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A parameter or response as written, or the component its $ref names. */
export function deref<T extends { $ref?: string }>(doc: Document, kind: "parameters" | "responses", item: T): T {
  if (!item.$ref) return item;
  const found = (doc.components?.[kind] as Record<string, T> | undefined)?.[refName(item.$ref)];
  return found ?? item;
}

/** Where a component schema is described on the page. */
export const schemaAnchor = (name: string) => `schema-${name}`;
export const operationAnchor = (method: string, path: string, id?: string) => id ?? `${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

/** Operations grouped by their first tag, in the document's tag order. */
export function operationsByTag(doc: Document) {
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const t of doc.tags ?? []) groups.set(t.name, []);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, op });
    }
  }
  return [...groups.entries()].filter(([, ops]) => ops.length > 0).map(([tag, ops]) => ({ tag, description: doc.tags?.find((t) => t.name === tag)?.description, ops }));
}
