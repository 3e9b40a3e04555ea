import { z } from "zod";

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CHANNEL_FORMATS = ["standard", "slack"] as const;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
export const severityAtLeast = (s: Severity, min: Severity) => SEVERITY_RANK[s] >= SEVERITY_RANK[min];

const webhookUrl = z
  .string()
  .trim()
  .max(2000, "at most 2000 characters")
  .url("a full URL, e.g. https://hooks.example.com/warden")
  .refine((u) => /^https?:\/\//i.test(u), "http:// or https:// only");

const kinds = z
  .array(z.string().trim().regex(/^[a-z][a-z0-9_.]{0,63}$/, "an incident kind, e.g. budget_exceeded"))
  .max(50)
  .describe("Incident kinds (or event types) this channel receives; empty means all.");

export const createChannelInput = z
  .object({
    name: z.string().trim().min(1, "required").max(64, "at most 64 characters"),
    url: webhookUrl,
    format: z.enum(CHANNEL_FORMATS).default("standard").describe("standard: Standard Webhooks JSON; slack: a Slack-compatible body ({ text, blocks })."),
    kinds: kinds.default([]),
    minSeverity: z.enum(SEVERITIES).default("warning"),
  })
  .strict();
export type CreateChannelInput = z.infer<typeof createChannelInput>;

export const updateChannelInput = z
  .object({
    name: z.string().trim().min(1, "required").max(64, "at most 64 characters").optional(),
    url: webhookUrl.optional(),
    format: z.enum(CHANNEL_FORMATS).optional(),
    kinds: kinds.optional(),
    minSeverity: z.enum(SEVERITIES).optional(),
    enabled: z.boolean().optional(),
    /** Optimistic concurrency: the version the editor saw. */
    version: z.int().min(1),
  })
  .strict();
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

export const channelView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  format: z.enum(CHANNEL_FORMATS),
  kinds: z.array(z.string()),
  minSeverity: z.enum(SEVERITIES),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  /** Only for managers: the receiver verifies signatures with it. */
  secret: z.string().nullable(),
  stats: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int(), lastDeliveredAt: z.string().nullable() }),
});
export type ChannelView = z.infer<typeof channelView>;

export const DELIVERY_STATUSES = ["pending", "delivered", "failed", "cancelled"] as const;

export const deliveryAttemptView = z.object({
  attempt: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const deliveryView = z.object({
  id: z.string(),
  eventType: z.string(),
  summary: z.string(),
  incidentId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  log: z.array(deliveryAttemptView),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const channelDetailView = z.object({ channel: channelView, deliveries: z.array(deliveryView) });
export type ChannelDetailView = z.infer<typeof channelDetailView>;
