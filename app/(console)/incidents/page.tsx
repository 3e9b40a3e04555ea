import type { Metadata } from "next";
import Link from "next/link";
import { listAgents } from "@/lib/agents";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { INCIDENT_KINDS, listIncidents } from "@/lib/incidents";
import { IncidentFilterBar } from "@/components/incidents/incident-filters";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { incidentFiltersFrom, incidentsHref, toListQuery } from "@/components/incidents/params";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("viewer");
  const filters = incidentFiltersFrom(await searchParams);
  const [page, agents] = await Promise.all([listIncidents(getDb(), actor, toListQuery(filters)), listAgents(getDb(), actor)]);
  const kinds = Object.entries(INCIDENT_KINDS).map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeader
        title="Incidents"
        description="What a person should look at: breakers that halted runs, spend alerts, kill switch flips, escalated approvals. Acknowledge to say you are on it; resolve with a note on what was done."
      />
      <Card>
        <IncidentFilterBar filters={filters} kinds={kinds} agents={agents.map((a) => ({ value: a.id, label: a.name }))} />
        {page.items.length === 0 ? (
          <EmptyState
            title={filters.cursor ? "No older incidents" : filters.status === "active" ? "Nothing needs attention" : "No incidents match"}
            description={filters.status === "active" && !filters.kind && !filters.agentId && !filters.severity ? "Open and acknowledged incidents show here as soon as they are raised." : "Try other filters."}
          />
        ) : (
          <IncidentsTable items={page.items} />
        )}
        {filters.cursor || page.nextCursor ? (
          <nav aria-label="Pages" className="flex justify-end gap-2 border-t border-zinc-200 px-4 py-2.5">
            {filters.cursor ? (
              <Link href={incidentsHref({ ...filters, cursor: undefined })} className={buttonClasses("secondary", "sm")}>
                Newest
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link href={incidentsHref({ ...filters, cursor: page.nextCursor })} className={buttonClasses("secondary", "sm")}>
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
