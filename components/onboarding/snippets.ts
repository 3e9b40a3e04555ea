// The connection snippets the console shows, with the console's own address filled in and the
// key left as one named placeholder ($WARDEN_API_KEY). tests/e2e/onboarding.spec.ts runs the
// curl commands exactly as shown, so they must work when pasted into a shell.

export const KEY_VAR = "WARDEN_API_KEY";

export type Snippet = { id: string; title: string; note: string; language: string; code: string };

export function curlSnippets(origin: string): Snippet[] {
  const auth = `-H "Authorization: Bearer $${KEY_VAR}"`;
  return [
    {
      id: "check-key",
      title: "Check the key",
      note: "Answers with the agent the key belongs to.",
      language: "Shell",
      code: `curl -sS ${origin}/api/v1/agent \\\n  ${auth}`,
    },
    {
      id: "start-run",
      title: "Start a run",
      note: "One run per task the agent works on; its steps (spans), tokens and cost are reported against it.",
      language: "Shell",
      code: [
        `curl -sS -X POST ${origin}/api/v1/runs \\`,
        `  ${auth} \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{"input": {"ticket": "Where is my order?"}}'`,
      ].join("\n"),
    },
    {
      id: "ask-to-act",
      title: "Ask before acting",
      note: "The answer says what to do: execute, wait for a person, draft, or not at all. A new action type starts as a draft (level 3) for a person to carry out.",
      language: "Shell",
      code: [
        `curl -sS -X POST ${origin}/api/v1/actions \\`,
        `  ${auth} \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{"type": "support.reply", "subject": "ticket-1042", "confidence": 0.86,`,
        `       "rationale": "The order shipped yesterday; the customer asks where it is.",`,
        `       "payload": {"text": "Hi! Your order left our warehouse yesterday and should arrive on Friday."}}'`,
      ].join("\n"),
    },
  ];
}

export function sdkSnippet(origin: string): string {
  return `import { createClient } from "./lib/sdk"; // Warden's TypeScript SDK (Node ≥ 20)

const warden = createClient({ baseUrl: "${origin}", apiKey: process.env.${KEY_VAR}! });

const run = await warden.startRun({ externalId: ticket.id, input: ticket });
const d = await warden.authorize(
  { runId: run.id, type: "support.reply", subject: ticket.id, payload: { text }, confidence: 0.86 },
  { waitMs: 300_000 }, // wait up to 5 minutes for a person
);
if (d.executable) {
  await sendReply(d.payload); // a reviewer's edit replaces your payload
  await warden.reportResult(d.id!, { status: "succeeded" });
}
await warden.finishRun(run.id, { status: "succeeded" });`;
}

export function otelSnippet(origin: string): string {
  return `# OTLP/HTTP traces (JSON or protobuf): each trace becomes a run, GenAI spans keep tokens and cost.
export OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="${origin}/api/v1/otlp/v1/traces"
export OTEL_EXPORTER_OTLP_TRACES_HEADERS="Authorization=Bearer%20$${KEY_VAR}"
export OTEL_EXPORTER_OTLP_TRACES_PROTOCOL="http/protobuf"`;
}
