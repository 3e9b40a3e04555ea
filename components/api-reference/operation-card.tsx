import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { Markdown } from "./markdown";
import { deref, operationAnchor, type Document, type MediaType, type Operation } from "./openapi";
import { SchemaView, TypeLabel } from "./schema-view";

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-50 text-sky-800 ring-sky-200",
  post: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  patch: "bg-amber-50 text-amber-900 ring-amber-200",
  put: "bg-amber-50 text-amber-900 ring-amber-200",
  delete: "bg-red-50 text-red-800 ring-red-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={cn("inline-flex h-5 w-14 shrink-0 items-center justify-center rounded font-mono text-[11px] font-semibold uppercase ring-1 ring-inset", METHOD_TONES[method] ?? "bg-zinc-100 text-zinc-700 ring-zinc-200")}>
      {method}
    </span>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="border-t border-zinc-100 px-4 py-3">
      <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase">{title}</h4>
      {children}
    </div>
  );
}

function Body({ content }: { content: Record<string, MediaType> }) {
  return (
    <div className="space-y-3">
      {Object.entries(content).map(([type, media]) => (
        <div key={type}>
          <p className="mb-1 font-mono text-xs text-zinc-600">{type}</p>
          {media.schema ? <SchemaView schema={media.schema} /> : null}
        </div>
      ))}
    </div>
  );
}

/** One operation: what it does, its parameters, the body it takes, and every answer it gives. */
export function OperationCard({ doc, method, path, op }: { doc: Document; method: string; path: string; op: Operation }) {
  const id = operationAnchor(method, path, op.operationId);
  const params = (op.parameters ?? []).map((p) => deref(doc, "parameters", p));
  const responses = Object.entries(op.responses).map(([status, r]) => ({ status, r: deref(doc, "responses", r) }));
  const ok = responses.filter((x) => x.status.startsWith("2"));
  const errors = responses.filter((x) => !x.status.startsWith("2"));
  return (
    <Card aria-labelledby={`${id}-title`} id={id} className="scroll-mt-4">
      <div className="px-4 py-3">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2">
          <MethodBadge method={method} />
          <span className="font-mono text-[13px] font-medium [overflow-wrap:anywhere] text-zinc-900">{path}</span>
        </h3>
        {op.summary ? <p className="mt-1.5 text-sm font-medium text-zinc-900">{op.summary}</p> : null}
        {op.description ? <Markdown text={op.description} className="mt-1 space-y-2 text-[13px] leading-relaxed text-zinc-700" /> : null}
        {op.security && op.security.length === 0 ? <p className="mt-1 text-xs text-zinc-600">No key needed.</p> : null}
      </div>
      {params.length ? (
        <Section title="Parameters">
          <dl className="divide-y divide-zinc-100">
            {params.map((p) => (
              <div key={`${p.in}:${p.name}`} className="py-2">
                <dt className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-mono text-[12.5px] font-medium text-zinc-900">{p.name}</span>
                  <span className="text-xs text-zinc-600">
                    {p.in}
                    {p.schema ? (
                      <>
                        {" · "}
                        <span className="font-mono">
                          <TypeLabel schema={p.schema} />
                        </span>
                      </>
                    ) : null}
                  </span>
                  {p.required ? <span className="text-xs font-medium text-amber-800">required</span> : null}
                </dt>
                {p.description ? (
                  <dd>
                    <Markdown text={p.description} className="mt-0.5 text-[13px] text-zinc-700" />
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
      {op.requestBody ? (
        <Section title={`Request body${op.requestBody.required ? "" : " (optional)"}`}>
          {op.requestBody.description ? <Markdown text={op.requestBody.description} className="mb-2 text-[13px] text-zinc-700" /> : null}
          <Body content={op.requestBody.content} />
        </Section>
      ) : null}
      {ok.map(({ status, r }) => (
        <Section key={status} title={`Response ${status}`}>
          <Markdown text={r.description} className="mb-2 text-[13px] text-zinc-700" />
          {r.content ? <Body content={r.content} /> : null}
        </Section>
      ))}
      {errors.length ? (
        <Section title="Errors (application/problem+json)">
          <dl className="grid grid-cols-[3rem_1fr] gap-x-3 gap-y-1.5 text-[13px]">
            {errors.map(({ status, r }) => (
              <div key={status} className="contents">
                <dt className="font-mono text-xs leading-5 font-semibold text-zinc-900">{status}</dt>
                <dd className="text-zinc-700">{r.description}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
    </Card>
  );
}
