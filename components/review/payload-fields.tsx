// A JSON payload as a reviewer reads it: each field by name, text as text (line breaks kept,
// long words wrapped), numbers and flags in mono, nested objects and lists indented under
// their field. Pure rendering, for the action page and the edit dialog's preview alike.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function Scalar({ value }: { value: Json }) {
  if (typeof value === "string") {
    if (value === "") return <span className="text-zinc-500 italic">empty text</span>;
    return <span className="whitespace-pre-wrap [overflow-wrap:anywhere] text-zinc-900">{value}</span>;
  }
  if (value === null) return <span className="font-mono text-xs text-zinc-500">null</span>;
  return <span className="font-mono text-[12.5px] text-zinc-900">{String(value)}</span>;
}

function Value({ value, depth }: { value: Json; depth: number }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-zinc-500 italic">empty list</span>;
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) {
      return (
        <ul className="space-y-1">
          {value.map((v, i) => (
            <li key={i} className="flex gap-2">
              <span aria-hidden="true" className="text-zinc-500">
                •
              </span>
              <Scalar value={v} />
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ol className="space-y-2">
        {value.map((v, i) => (
          <li key={i} className="border-l-2 border-zinc-200 pl-3">
            <span className="text-xs text-zinc-600">Item {i + 1}</span>
            <Value value={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (isObject(value)) return <Fields value={value} depth={depth + 1} />;
  return <Scalar value={value} />;
}

/** The fields of a JSON object, one row each: the name, then the value (wrapping, never scrolling). */
export function Fields({ value, depth = 0 }: { value: Record<string, Json>; depth?: number }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <p className="text-[13px] text-zinc-500 italic">No fields</p>;
  return (
    <dl className={depth > 0 ? "mt-1 space-y-2 border-l-2 border-zinc-200 pl-3" : "space-y-3"}>
      {entries.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="font-mono text-xs font-medium text-zinc-600 [overflow-wrap:anywhere]">{k}</dt>
          <dd className="mt-0.5 min-w-0 text-[13px] leading-relaxed">
            <Value value={v} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Any payload: an object's fields, or the value itself when it is not an object. */
export function PayloadFields({ value }: { value: unknown }) {
  return isObject(value) ? <Fields value={value} /> : <Value value={value as Json} depth={0} />;
}
