export { raiseIncident, type RaiseIncident } from "./raise-incident";
export { listIncidents, getIncident, countIncidents } from "./list-incidents";
export { acknowledgeIncident, resolveIncident, markResolved } from "./settle-incident";
export { INCIDENT_KINDS, incidentKindLabel, type KnownIncidentKind } from "./kinds";
export * from "./schemas";
