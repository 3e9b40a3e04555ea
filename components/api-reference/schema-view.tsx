import { Markdown } from "./markdown";
import { refName, schemaAnchor, type Schema } from "./openapi";

const MAX_DEPTH = 3;
const linkClass = "rounded-sm text-accent-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";

/** A schema's type in a few words: "string (uuid)", "array of SpanInput", "one of A, B". */
export function TypeLabel({ schema }: { schema: Schema }) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className={linkClass}>
        {name}
      </a>
    );
  }
  if (schema.type === "array" && schema.items) {
    return (
      <>
        array of <TypeLabel schema={schema.items} />
      </>
    );
  }
  const union = schema.oneOf ?? schema.anyOf;
  if (union && !schema.type) {
    return (
      <>
        {union.map((s, i) => (
          <span key={i}>
            {i > 0 ? " | " : ""}
            <TypeLabel schema={s} />
          </span>
        ))}
      </>
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? (schema.const !== undefined ? "constant" : "any"));
  return (
    <>
      {type}
      {schema.format ? ` (${schema.format})` : ""}
    </>
  );
}

/** The limits a value must keep, as a reader says them. */
function constraints(s: Schema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (s.const !== undefined) out.push(`always ${JSON.stringify(s.const)}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  else if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
  // UUID patterns say no more than the format does.
  if (s.pattern && s.format !== "uuid") out.push(`matches ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

function inlineObject(s: Schema): Schema | null {
  if (s.$ref) return null;
  if (s.properties) return s;
  if (s.type === "array" && s.items?.properties && !s.items.$ref) return s.items;
  return null;
}

/**
 * A schema as a reader needs it: for an object, each property with its type, whether it is
 * required, its limits and description (nested objects indented below); otherwise its type.
 * Named schemas are links to their own description, so recursion stops there.
 */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  if (!schema.properties) {
    const c = constraints(schema);
    return (
      <div className="text-[13px] text-zinc-700">
        <span className="font-mono text-xs">
          <TypeLabel schema={schema} />
        </span>
        {c.length ? <span className="text-zinc-600"> · {c.join(" · ")}</span> : null}
        {schema.description ? <Markdown text={schema.description} className="mt-1 text-[13px] text-zinc-700" /> : null}
      </div>
    );
  }
  const required = new Set(schema.required ?? []);
  return (
    <div className={depth > 0 ? "mt-2 border-l-2 border-zinc-200 pl-3" : undefined}>
      {depth === 0 && schema.description ? <Markdown text={schema.description} className="mb-2 text-[13px] text-zinc-700" /> : null}
      <dl className="divide-y divide-zinc-100">
        {Object.entries(schema.properties).map(([name, prop]) => {
          const c = constraints(prop);
          const nested = depth < MAX_DEPTH ? inlineObject(prop) : null;
          return (
            <div key={name} className="py-2">
              <dt className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                <span className="font-mono text-[12.5px] font-medium text-zinc-900">{name}</span>
                <span className="font-mono text-xs text-zinc-600">
                  <TypeLabel schema={prop} />
                </span>
                {required.has(name) ? <span className="text-xs font-medium text-amber-800">required</span> : null}
              </dt>
              <dd className="mt-0.5 text-[13px] text-zinc-700">
                {c.length ? <p className="text-xs [overflow-wrap:anywhere] text-zinc-600">{c.join(" · ")}</p> : null}
                {prop.description ? <Markdown text={prop.description} className="text-[13px] text-zinc-700" /> : null}
                {nested ? <SchemaView schema={nested} depth={depth + 1} /> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {schema.oneOf?.every((s) => s.required) ? (
        <p className="mt-1 text-xs text-zinc-600">Exactly one of {schema.oneOf.map((s) => s.required!.join(" + ")).join(" or ")}.</p>
      ) : null}
    </div>
  );
}
