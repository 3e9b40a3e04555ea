import { Webhook } from "standardwebhooks";
import { randomBytes } from "node:crypto";

// What goes over the wire. Every request is signed per Standard Webhooks (standardwebhooks.com):
// headers webhook-id (the delivery's id, the same on every retry, so receivers can drop
// duplicates), webhook-timestamp (seconds) and webhook-signature ("v1,<base64 HMAC-SHA256 of
// `${id}.${timestamp}.${body}`>" with the channel's whsec_ key). The body is the event as
// { type, timestamp, data }, or with the slack format a Slack-compatible { text, blocks } —
// signed the same way, which Slack ignores.

export type AlertEvent = { type: string; timestamp: string; data: Record<string, unknown> };

/** A new channel secret: "whsec_" and a base64 key of 24 random bytes. */
export function generateChannelSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function signatureHeaders(secret: string, msgId: string, body: string, at: Date): Record<string, string> {
  const signature = new Webhook(secret).sign(msgId, at, body);
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

const SEVERITY_MARK: Record<string, string> = { critical: ":red_circle:", warning: ":large_orange_circle:", info: ":large_blue_circle:" };

/** The body a channel receives for an event. */
export function renderBody(format: string, event: AlertEvent, consoleUrl: string | null): string {
  if (format !== "slack") return JSON.stringify(event);
  const d = event.data;
  const title = typeof d.title === "string" ? d.title : typeof d.message === "string" ? d.message : event.type;
  const severity = typeof d.severity === "string" ? d.severity : null;
  const link = consoleUrl && typeof d.path === "string" ? `${consoleUrl.replace(/\/$/, "")}${d.path}` : null;
  const head = `${severity ? `${SEVERITY_MARK[severity] ?? ""} *${severity.toUpperCase()}* ` : ""}${title}`;
  const context = [typeof d.kind === "string" ? d.kind : event.type, typeof d.agentName === "string" ? `agent ${d.agentName}` : null, event.timestamp]
    .filter(Boolean)
    .join(" · ");
  return JSON.stringify({
    text: `${severity ? `[${severity.toUpperCase()}] ` : ""}${title}${link ? ` — ${link}` : ""}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: link ? `${head}\n<${link}|Open in Warden>` : head } },
      { type: "context", elements: [{ type: "mrkdwn", text: context }] },
    ],
  });
}

/** How long (ms) after failed attempt `attempt` (1-based) the next one is due: doubling from `baseMs`, at most an hour, ±20 % jitter. */
export function retryDelayMs(attempt: number, baseMs: number, draw = Math.random()): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(raw * (0.8 + 0.4 * draw));
}
