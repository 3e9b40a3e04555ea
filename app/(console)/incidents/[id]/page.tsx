import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { getRunLimits } from "@/lib/budgets";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents";
import { IncidentActions } from "@/components/incidents/incident-actions";
import { IncidentDetails, IncidentFacts, IncidentRun, IncidentTimeline } from "@/components/incidents/incident-detail";
import { BackLink } from "@/components/shell/back-link";
import { PageHeader } from "@/components/shell/page-header";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("viewer");
  try {
    const incident = await getIncident(getDb(), actor, id);
    const run = incident.run ? await getRunLimits(getDb(), actor, incident.run.id) : null;
    return { actor, incident, run };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { incident } = await load((await params).id);
  return { title: incident.kindLabel };
}

export default async function IncidentPage({ params }: Props) {
  const { actor, incident, run } = await load((await params).id);
  const canAct = hasRole(actor.role, "manager");
  return (
    <>
      <PageHeader eyebrow={<BackLink href="/incidents">Incidents</BackLink>} title={incident.title} actions={canAct ? <IncidentActions incident={incident} /> : null} />
      <div className="space-y-6">
        <IncidentFacts incident={incident} />
        {run ? <IncidentRun run={run} canGrant={canAct} /> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <IncidentTimeline incident={incident} />
          <IncidentDetails details={incident.details} />
        </div>
      </div>
    </>
  );
}
