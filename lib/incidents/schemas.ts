import { z } from "zod";

export const INCIDENT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export const INCIDENT_SEVERITIES = ["info", "warning", "critical"] as const;

const note = z.string().trim().max(2000, "at most 2000 characters");

export const listIncidentsQuery = z
  .object({
    status: z.enum([...INCIDENT_STATUSES, "active"]).optional().describe("active: open or acknowledged."),
    kind: z.string().trim().max(64).regex(/^[a-z][a-z0-9_.]*$/, "an incident kind, e.g. budget_exceeded").optional(),
    agentId: z.uuid().optional(),
    severity: z.enum(INCIDENT_SEVERITIES).optional(),
    limit: z
      .string()
      .regex(/^\d+$/, "a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1).max(100))
      .optional()
      .describe("Page size, 1–100 (default 50)."),
    cursor: z.string().max(200).optional().describe("nextCursor of the previous page."),
  })
  .strict();
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;

export const acknowledgeIncidentInput = z.object({ note: note.optional() }).strict();
export const resolveIncidentInput = z.object({ note: note.min(3, "say what was done (at least 3 characters)") }).strict();

const who = z.object({ id: z.string(), name: z.string() }).nullable();

export const incidentView = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  title: z.string(),
  details: z.unknown(),
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  run: z.object({ id: z.string(), status: z.string(), haltRule: z.string().nullable() }).nullable(),
  actionType: z.object({ key: z.string() }).nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: who,
  acknowledgeNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: who,
  resolutionNote: z.string().nullable(),
});
export type IncidentView = z.infer<typeof incidentView>;

export const incidentPage = z.object({
  items: z.array(incidentView),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last."),
});
export type IncidentPage = z.infer<typeof incidentPage>;

export const incidentCounts = z.object({
  open: z.number().int(),
  acknowledged: z.number().int(),
  openBySeverity: z.object({ info: z.number().int(), warning: z.number().int(), critical: z.number().int() }),
});
export type IncidentCounts = z.infer<typeof incidentCounts>;
