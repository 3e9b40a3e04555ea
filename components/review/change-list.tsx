import type { PayloadChange } from "@/lib/actions/payload-diff";

/** JSON, except text over several lines, shown as text with its line breaks (a reply, a note). */
function show(v: unknown): string {
  return v === undefined ? "" : typeof v === "string" && v.includes("\n") ? v : JSON.stringify(v);
}

/** The payload's changed leaf paths, proposal beside edit. */
export function ChangeList({ changes, beforeLabel = "Proposed", afterLabel = "Edited" }: { changes: PayloadChange[]; beforeLabel?: string; afterLabel?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200">
      <table className="w-full border-collapse text-left text-[13px]" aria-label="Changed fields" data-testid="payload-diff">
        <thead className="border-b border-zinc-200 bg-zinc-50/80">
          <tr>
            <th scope="col" className="h-8 px-3 text-xs font-medium text-zinc-500">
              Field
            </th>
            <th scope="col" className="h-8 px-3 text-xs font-medium text-zinc-500">
              {beforeLabel}
            </th>
            <th scope="col" className="h-8 px-3 text-xs font-medium text-zinc-500">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top">
          {changes.map((c) => (
            <tr key={c.path}>
              <td className="px-3 py-2 font-mono text-xs font-medium whitespace-nowrap text-zinc-800">{c.path}</td>
              <td className="px-3 py-2">
                {c.before === undefined ? (
                  <span className="text-xs text-zinc-500 italic">absent</span>
                ) : (
                  <code className="rounded bg-red-50 px-1 py-0.5 box-decoration-clone font-mono text-xs whitespace-pre-wrap text-red-800 line-through decoration-red-300 [overflow-wrap:anywhere]">{show(c.before)}</code>
                )}
              </td>
              <td className="px-3 py-2">
                {c.after === undefined ? (
                  <span className="text-xs text-zinc-500 italic">removed</span>
                ) : (
                  <code className="rounded bg-emerald-50 px-1 py-0.5 box-decoration-clone font-mono text-xs whitespace-pre-wrap text-emerald-800 [overflow-wrap:anywhere]">{show(c.after)}</code>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
