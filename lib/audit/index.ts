export { recordAuditEvent, type AuditActor } from "./record-audit-event";
