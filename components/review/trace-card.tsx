import type { ActionDetail } from "@/lib/review/get-action-detail";
import { formatCount, formatMicros } from "../format";
import { Badge, type Tone } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { TBody, THead, Table, Td, Th, Tr } from "../ui/table";
import { Time } from "../ui/time";

type Span = ActionDetail["spans"][number];

const KIND_TONES: Record<string, Tone> = { llm: "accent", tool: "blue", retrieval: "green", guardrail: "amber", other: "neutral" };
const KIND_LABELS: Record<string, string> = { llm: "LLM", tool: "Tool", retrieval: "Retrieval", guardrail: "Guardrail", other: "Other" };

function formatUsd(dollars: number): string {
  return formatMicros(Math.round(dollars * 1_000_000));
}

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Nesting depth from parent links (parents name their child's parentId by external id). */
function depths(spans: Span[]): Map<string, number> {
  const byExternal = new Map(spans.filter((s) => s.externalId).map((s) => [s.externalId!, s]));
  const out = new Map<string, number>();
  const depthOf = (s: Span, guard = 0): number => {
    const known = out.get(s.id);
    if (known !== undefined) return known;
    const parent = s.parentId ? byExternal.get(s.parentId) : undefined;
    const d = parent && guard < 20 ? depthOf(parent, guard + 1) + 1 : 0;
    out.set(s.id, d);
    return d;
  };
  spans.forEach((s) => depthOf(s));
  return out;
}

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 px-4 py-2.5">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-[13px] text-zinc-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** The run's trace up to the moment the agent asked: totals, then every span with a timeline bar. */
export function TraceCard({ run, spans }: { run: ActionDetail["run"]; spans: Span[] }) {
  if (!run) {
    return (
      <Card aria-labelledby="trace-title">
        <CardHeader titleId="trace-title" title="Trace so far" />
        <p className="px-4 py-4 text-[13px] text-zinc-500">The agent did not link this action to a run, so there is no trace to show.</p>
      </Card>
    );
  }
  const start = Math.min(...spans.map((s) => new Date(s.startedAt).getTime()), new Date(run.startedAt).getTime());
  const end = Math.max(...spans.map((s) => new Date(s.startedAt).getTime() + (s.durationMs ?? 0)), start + 1);
  const range = end - start;
  const depth = depths(spans);
  return (
    <Card aria-labelledby="trace-title">
      <CardHeader
        titleId="trace-title"
        title="Trace so far"
        description={
          <>
            Run <span className="font-mono text-xs">{run.id.slice(0, 8)}</span> · {run.status}
          </>
        }
      />
      <dl className="grid grid-cols-2 border-b border-zinc-200 sm:grid-cols-5 sm:divide-x sm:divide-zinc-200">
        <Stat label="Spans">{formatCount(run.spanCount)}</Stat>
        <Stat label="Input tokens">{formatCount(run.inputTokens)}</Stat>
        <Stat label="Output tokens">{formatCount(run.outputTokens)}</Stat>
        <Stat label="Cost">{formatUsd(run.costUsd)}</Stat>
        <Stat label="Started">
          <Time iso={run.startedAt} relative />
        </Stat>
      </dl>
      {spans.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-zinc-500">The run has not reported any steps so far.</p>
      ) : (
        <Table label="Spans" className="table-fixed">
          <THead>
            <tr>
              <Th className="w-[10%]">Kind</Th>
              <Th className="w-[26%]">Name</Th>
              <Th className="w-[16%]">Model</Th>
              <Th className="w-[17%]">Timeline</Th>
              <Th className="w-[9%] text-right">Duration</Th>
              <Th className="w-[12%] text-right">Tokens</Th>
              <Th className="w-[10%] text-right">Cost</Th>
            </tr>
          </THead>
          <TBody>
            {spans.map((s) => {
              const offset = ((new Date(s.startedAt).getTime() - start) / range) * 100;
              const width = Math.max(1.5, ((s.durationMs ?? 0) / range) * 100);
              return (
                <Tr key={s.id}>
                  <Td>
                    <Badge tone={KIND_TONES[s.kind] ?? "neutral"}>{KIND_LABELS[s.kind] ?? s.kind}</Badge>
                  </Td>
                  <Td className="truncate" title={s.name}>
                    <span style={{ paddingLeft: `${(depth.get(s.id) ?? 0) * 12}px` }} className={s.status === "error" ? "text-red-700" : "text-zinc-900"}>
                      {s.name}
                    </span>
                    {s.status === "error" ? <span className="ml-1.5 text-xs text-red-700">error</span> : null}
                  </Td>
                  <Td className="truncate font-mono text-xs text-zinc-600" title={s.model ?? undefined}>
                    {s.model ?? <span className="text-zinc-500">—</span>}
                  </Td>
                  <Td>
                    <div className="relative h-1.5 rounded-full bg-zinc-100" aria-hidden="true">
                      <div
                        className={`absolute inset-y-0 rounded-full ${s.status === "error" ? "bg-red-400" : "bg-accent-500/70"}`}
                        style={{ left: `${Math.min(offset, 98.5)}%`, width: `${Math.min(width, 100 - Math.min(offset, 98.5))}%` }}
                      />
                    </div>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatDuration(s.durationMs)}</Td>
                  <Td className="text-right text-xs whitespace-nowrap tabular-nums" title={`${s.inputTokens} in, ${s.outputTokens} out`}>
                    {s.inputTokens || s.outputTokens ? (
                      <>
                        {formatCount(s.inputTokens)} <span className="text-zinc-500">→</span> {formatCount(s.outputTokens)}
                      </>
                    ) : (
                      <span className="text-zinc-500">—</span>
                    )}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{s.costUsd ? formatUsd(s.costUsd) : <span className="text-zinc-500">—</span>}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
