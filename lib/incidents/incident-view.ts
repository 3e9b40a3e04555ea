import type { Incident } from "../generated/prisma/client";
import { incidentKindLabel } from "./kinds";
import type { IncidentView } from "./schemas";

type Person = { id: string; name: string | null; email: string } | null;

export const INCIDENT_INCLUDE = {
  agent: { select: { id: true, name: true } },
  run: { select: { id: true, status: true, haltRule: true } },
  actionType: { select: { key: true } },
  acknowledgedBy: { select: { id: true, name: true, email: true } },
  resolvedBy: { select: { id: true, name: true, email: true } },
} as const;

export type IncidentRow = Incident & {
  agent: { id: string; name: string } | null;
  run: { id: string; status: string; haltRule: string | null } | null;
  actionType: { key: string } | null;
  acknowledgedBy: Person;
  resolvedBy: Person;
};

const person = (p: Person) => (p ? { id: p.id, name: p.name ?? p.email } : null);

export function toIncidentView(i: IncidentRow): IncidentView {
  return {
    id: i.id,
    kind: i.kind,
    kindLabel: incidentKindLabel(i.kind),
    severity: i.severity,
    status: i.status,
    title: i.title,
    details: i.details ?? null,
    agent: i.agent,
    run: i.run,
    actionType: i.actionType,
    createdAt: i.createdAt.toISOString(),
    acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: person(i.acknowledgedBy),
    acknowledgeNote: i.acknowledgeNote,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    resolvedBy: person(i.resolvedBy),
    resolutionNote: i.resolutionNote,
  };
}
