import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ingestTraces } from "../../lib/otlp";
import { useEmbeddedDb } from "../helpers/db";
import { makeAgent } from "../helpers/factories";

// OTLP ingestion's raw SQL (run upsert, span batch, run end) on the embedded database (PGlite),
// including concurrent exports of one trace, which PGlite serializes.
const embedded = useEmbeddedDb("otlp");

const hex = (n: number) => randomBytes(n).toString("hex");
const kv = (a: Record<string, unknown>) => Object.entries(a).map(([key, value]) => ({ key, value }));

describe("OTLP ingestion on embedded Postgres", () => {
  it("creates, fills and ends one run per trace, concurrent exports included", async () => {
    const db = embedded();
    const { agent, keyId } = await makeAgent(db);
    const who = { agentId: agent.id, agentName: agent.name, keyId };
    const [traceId, root, chat] = [hex(16), hex(8), hex(8)];
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: chat,
                  parentSpanId: root,
                  name: "chat",
                  startTimeUnixNano: "1767607201000000000",
                  endTimeUnixNano: "1767607202000000000",
                  attributes: kv({ "gen_ai.operation.name": { stringValue: "chat" }, "gen_ai.usage.input_tokens": { intValue: 10 } }),
                },
                {
                  traceId,
                  spanId: root,
                  name: "invoke_agent",
                  startTimeUnixNano: "1767607200000000000",
                  endTimeUnixNano: "1767607203000000000",
                  attributes: kv({ "gen_ai.conversation.id": { stringValue: "conv-e" } }),
                },
              ],
            },
          ],
        },
      ],
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => ingestTraces(db, who, body)));
    expect(results.reduce((n, r) => n + r.acceptedSpans, 0)).toBe(2);
    const run = await db.run.findUniqueOrThrow({ where: { agentId_traceId: { agentId: agent.id, traceId } } });
    expect(run).toMatchObject({ sessionId: "conv-e", status: "succeeded", spanCount: 2, inputTokens: 10n, startedAt: new Date(1767607200000) });
  });
});
