// An OpenAI Agents SDK agent whose `issue_refund` tool needs Warden's approval — and runs with
// the amount a reviewer settled on, which that SDK's own approvals cannot change.
//
//   WARDEN_URL=http://127.0.0.1:3000 WARDEN_API_KEY=wdn_… npx tsx examples/openai-agents.ts
//
// The model is a scripted stand-in implementing the SDK's Model interface (call the tool once,
// then answer), so the example runs without an OpenAI key or network; pass `model: "gpt-4.1"`
// instead for the real thing. Raise `example.issue_refund` to level 2 in the console: the run
// stops with an interruption, resolve() waits for the reviewer, and the run resumes with their decision.
import { Agent, run, setTracingDisabled, tool, Usage, type Model, type ModelResponse } from "@openai/agents";
import { z } from "zod";
import { createClient } from "../lib/sdk";
import { wardenApprovals } from "../lib/sdk/adapters/openai-agents";

setTracingDisabled(true); // traces go to OpenAI's platform by default; Warden has the run already

const warden = createClient({ baseUrl: process.env.WARDEN_URL ?? "http://127.0.0.1:3000", apiKey: process.env.WARDEN_API_KEY ?? "" });
const wardenRun = await warden.startRun({ input: { task: "refund order 1042" } });
const approvals = wardenApprovals(warden, {
  runId: wardenRun.id,
  onWaiting: ({ id, waitedMs }) => {
    if (waitedMs === 0) console.log(`waiting for a reviewer in Warden: action ${id}`);
  },
});

const issueRefund = tool(
  approvals.guard("example.issue_refund", {
    name: "issue_refund",
    description: "Refunds an order.",
    parameters: z.object({ orderId: z.string(), amountEur: z.number() }),
    execute: async (refund: { orderId: string; amountEur: number }) => {
      console.log(`issue_refund executed with ${JSON.stringify(refund)}`);
      return `Refunded ${refund.amountEur} EUR on order ${refund.orderId}.`;
    },
  }),
);

/** Calls issue_refund once, then answers with the tool's output. */
class ScriptedModel implements Model {
  async getResponse(request: Parameters<Model["getResponse"]>[0]): Promise<ModelResponse> {
    const items = Array.isArray(request.input) ? request.input : [];
    const result = items.find((i) => i.type === "function_call_result");
    if (!result) {
      return {
        usage: new Usage(),
        output: [{ type: "function_call", callId: "call_refund_1", name: "issue_refund", arguments: JSON.stringify({ orderId: "1042", amountEur: 90 }), status: "completed" }],
      };
    }
    const out = (result as { output?: { text?: string } | string }).output;
    const text = typeof out === "string" ? out : (out?.text ?? JSON.stringify(out));
    return { usage: new Usage(), output: [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: `Done: ${text}` }] }] };
  }
  getStreamedResponse(): AsyncIterable<never> {
    throw new Error("not streamed in this example");
  }
}

const agent = new Agent({ name: "Refunds", instructions: "Refund what the customer is owed.", model: new ScriptedModel(), tools: [issueRefund] });

let result = await run(agent, "Order 1042 was charged twice; refund the duplicate charge.");
while (result.interruptions?.length) {
  result = await run(agent, await approvals.resolve(result));
}
console.log(`agent: ${result.finalOutput}`);
await warden.finishRun(wardenRun.id, { status: "succeeded", output: { text: String(result.finalOutput) } });
await warden.shutdown();
