import type { Metadata } from "next";
import { listActionTypes } from "@/lib/action-types";
import { listAgents } from "@/lib/agents";
import { auditLogQuery, getAuditChainStatus, listAuditEvents, loadSigningKey } from "@/lib/audit";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AuditFilters, localValue } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatus } from "@/components/audit/chain-status";
import { ExportCard } from "@/components/audit/export-card";
import { ReceiptSummary } from "@/components/audit/receipt-summary";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor("admin");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditLogQuery.safeParse(params);
  const query = parsed.success ? parsed.data : auditLogQuery.parse({});
  const db = getDb();
  const [page, status, agents, types] = await Promise.all([
    listAuditEvents(db, actor, parsed.success ? params : {}),
    getAuditChainStatus(db, actor, loadSigningKey()),
    listAgents(db, actor),
    listActionTypes(db, actor),
  ]);
  const filtered = Boolean(query.actor || query.target || query.kind || query.from || query.to);
  const oneAction = query.target && page.rows.length > 0 && page.rows.every((r) => r.target.type === "action" && r.target.id === page.rows[0].target.id);
  const next = page.nextCursor ? `/audit?${new URLSearchParams({ ...stringParams(params), before: page.nextCursor })}` : null;
  const caption = query.target ? "Events about this subject, oldest first" : "Audit events, newest first";
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every decision, each a receipt: who, under which version of the action type's policy, on which payload (its SHA-256). Events are hash-chained and the chain is signed, so a rewritten history shows."
      />
      <ChainStatus status={status} />
      {parsed.success ? null : (
        <Alert className="mb-4" title="Some filters were not understood and are ignored">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </Alert>
      )}
      <Card aria-labelledby="events-title">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-200 px-4 py-3">
          <h2 id="events-title" className="text-sm font-semibold text-zinc-900">
            Events
          </h2>
          <p className="text-xs text-zinc-500">{caption}. Times in UTC.</p>
        </div>
        <AuditFilters query={query} />
        {oneAction ? <ReceiptSummary rows={page.rows} /> : null}
        {page.rows.length === 0 ? (
          <EmptyState
            title={filtered ? "No event matches these filters" : "No events yet"}
            description={filtered ? "Widen the time range or clear a filter." : "Every decision, policy change and sign-in administration step will be recorded here."}
          />
        ) : (
          <AuditTable rows={page.rows} caption={caption} />
        )}
        {next || query.before ? (
          <div className="flex items-center justify-end gap-2 border-t border-zinc-200 px-4 py-2.5">
            {query.before ? (
              <ButtonLink size="sm" variant="ghost" href={`/audit?${new URLSearchParams(withoutCursor(params))}`}>
                Back to the start
              </ButtonLink>
            ) : null}
            {next ? (
              <ButtonLink size="sm" variant="secondary" href={next}>
                {page.order === "asc" ? "Later events" : "Older events"}
              </ButtonLink>
            ) : null}
          </div>
        ) : null}
      </Card>
      <ExportCard
        agents={agents.map((a) => ({ id: a.id, name: a.name }))}
        types={types.map((t) => t.key)}
        defaults={{ from: localValue(query.from), to: localValue(query.to) }}
      />
    </>
  );
}

function withoutCursor(params: Record<string, string | undefined>): Record<string, string> {
  const rest = stringParams(params);
  delete rest.before;
  return rest;
}

function stringParams(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
