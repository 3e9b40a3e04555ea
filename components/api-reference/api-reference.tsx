import { Card, CardHeader } from "../ui/card";
import { Markdown } from "./markdown";
import { OperationCard } from "./operation-card";
import { operationAnchor, operationsByTag, schemaAnchor, type Document } from "./openapi";
import { SchemaView } from "./schema-view";

const navLink = "flex min-w-0 items-center gap-2 rounded-sm py-0.5 text-[13px] text-zinc-700 outline-none hover:text-zinc-900 hover:underline focus-visible:ring-2 focus-visible:ring-accent-500";
const title = (tag: string) => tag.charAt(0).toUpperCase() + tag.slice(1).replace(/-/g, " ");

/**
 * The agent API's OpenAPI document as a page: the introduction, the operations grouped by tag
 * (parameters, bodies, answers, errors), then every named schema they refer to. Rendered on the
 * server from the document the API serves, so it never needs the network.
 */
export function ApiReference({ doc, origin }: { doc: Document; origin: string }) {
  const groups = operationsByTag(doc);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  return (
    <div className="lg:grid lg:grid-cols-[13rem_1fr] lg:gap-8">
      <nav aria-label="API reference contents" className="mb-6 lg:sticky lg:top-0 lg:mb-0 lg:max-h-[calc(100dvh-4rem)] lg:self-start lg:overflow-y-auto">
        <ul className="space-y-3">
          {groups.map((g) => (
            <li key={g.tag}>
              <a href={`#tag-${g.tag}`} className="rounded-sm text-xs font-semibold text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
                {title(g.tag)}
              </a>
              <ul className="mt-1 space-y-0.5">
                {g.ops.map(({ method, path, op }) => (
                  <li key={`${method} ${path}`}>
                    <a href={`#${operationAnchor(method, path, op.operationId)}`} className={navLink}>
                      <span className="w-10 shrink-0 font-mono text-[10.5px] font-semibold text-zinc-600 uppercase">{method}</span>
                      <span className="truncate">{op.summary ?? path}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className="rounded-sm text-xs font-semibold text-zinc-900 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-accent-500">
              Schemas
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-8">
        <Card aria-labelledby="api-intro-title">
          <CardHeader titleId="api-intro-title" title={`${doc.info.title} ${doc.info.version}`} description={`Base URL ${origin}/api/v1 · send the agent's key as Authorization: Bearer <key>`} />
          <div className="px-4 py-4">{doc.info.description ? <Markdown text={doc.info.description} /> : null}</div>
        </Card>
        {groups.map((g) => (
          <section key={g.tag} aria-labelledby={`tag-${g.tag}`} className="space-y-3">
            <div>
              <h2 id={`tag-${g.tag}`} className="scroll-mt-4 text-base font-semibold text-zinc-900">
                {title(g.tag)}
              </h2>
              {g.description ? <p className="mt-0.5 text-[13px] text-zinc-600">{g.description}</p> : null}
            </div>
            {g.ops.map(({ method, path, op }) => (
              <OperationCard key={`${method} ${path}`} doc={doc} method={method} path={path} op={op} />
            ))}
          </section>
        ))}
        <section aria-labelledby="schemas" className="space-y-3">
          <h2 id="schemas" className="scroll-mt-4 text-base font-semibold text-zinc-900">
            Schemas
          </h2>
          {schemas.map(([name, schema]) => (
            <Card key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-title`} className="scroll-mt-4">
              <h3 id={`${schemaAnchor(name)}-title`} className="border-b border-zinc-200 px-4 py-2.5 font-mono text-[13px] font-semibold text-zinc-900">
                {name}
              </h3>
              <div className="px-4 py-2">
                <SchemaView schema={schema} />
              </div>
            </Card>
          ))}
        </section>
      </div>
    </div>
  );
}

