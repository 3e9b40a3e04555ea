// A Vercel AI SDK agent whose `send_email` tool asks Warden before it runs.
//
//   WARDEN_URL=http://127.0.0.1:3000 WARDEN_API_KEY=wdn_… npx tsx examples/ai-sdk.ts
//
// The model is the AI SDK's own MockLanguageModelV3 (from `ai/test`), scripted to call the tool
// once and then answer, so the example runs without a model provider or network. Swap in a real
// model (e.g. openai("gpt-4o-mini")) and nothing else changes. Raise `example.send_email` to
// level 2 in the console to see the call wait for a reviewer; approve it with an edit and the
// edited arguments are what the tool receives.
import { generateText, stepCountIs, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { z } from "zod";
import { createClient } from "../lib/sdk";
import { wardenTool } from "../lib/sdk/adapters/ai-sdk";

const warden = createClient({ baseUrl: process.env.WARDEN_URL ?? "http://127.0.0.1:3000", apiKey: process.env.WARDEN_API_KEY ?? "" });
const TYPE = "example.send_email";
const run = await warden.startRun({ input: { task: "tell Ada about her refund" } });

const sendEmail = wardenTool(
  warden,
  tool({
    description: "Sends an e-mail to a customer.",
    inputSchema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
    execute: async (email) => {
      console.log(`send_email executed with ${JSON.stringify(email)}`);
      return { sent: true, to: email.to };
    },
  }),
  {
    type: TYPE,
    runId: run.id,
    rationale: (email) => `Reply to ${email.to} about "${email.subject}"`,
    onWaiting: ({ id, waitedMs }) => {
      if (waitedMs === 0) console.log(`waiting for a reviewer in Warden: action ${id}`);
    },
  },
);

const usage = { inputTokens: { total: 50, noCache: 50, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 20, text: 20, reasoning: 0 } };
const model = new MockLanguageModelV3({
  doGenerate: [
    {
      content: [
        {
          type: "tool-call",
          toolCallId: "call-1",
          toolName: "send_email",
          input: JSON.stringify({ to: "ada@example.com", subject: "Your refund", body: "We refunded 90 EUR." }),
        },
      ],
      finishReason: { unified: "tool-calls", raw: "tool_calls" },
      usage,
      warnings: [],
    },
    { content: [{ type: "text", text: "I e-mailed Ada about her refund." }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] },
  ],
});

const result = await generateText({
  model,
  tools: { send_email: sendEmail },
  stopWhen: stepCountIs(3),
  prompt: "Tell Ada (ada@example.com) that her refund of 90 EUR is on its way.",
});
for (const step of result.steps) {
  for (const part of step.content) if (part.type === "tool-error") console.log(`tool error: ${String((part.error as Error).message ?? part.error)}`);
}
console.log(`model: ${result.text}`);
await warden.finishRun(run.id, { status: "succeeded", output: { text: result.text } });
await warden.shutdown();
