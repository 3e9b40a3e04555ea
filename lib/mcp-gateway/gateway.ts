import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResultResponse,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";
import { refusalText, WardenApiError, type Authorization, type JsonValue, type WardenClient } from "../sdk";
import { refusal } from "./messages";
import { toPayloadSchema } from "./payload-schema";
import { toolTypeKey } from "./type-key";

// An MCP proxy that relays JSON-RPC messages between a client and an upstream MCP server
// unchanged, except tools/call: each call asks Warden first (type mcp.<server>.<tool>, the
// arguments as payload), waits for a reviewer when told to, and reaches the upstream only on
// `execute`, with the approved arguments. Everything else fails closed as a tool result with
// isError, which the model reads. Two answers are adjusted, both towards less: tools/list
// leaves out tools whose type's kill switch is on, and initialize stops offering task-based
// tool calls, whose results would arrive where the gateway cannot report them (docs/mcp-gateway.md).

export type GatewayOptions = {
  /** The upstream's name in action type keys: mcp.<server>.<tool>. */
  server: string;
  warden: WardenClient;
  /** How long a call waits for a reviewer before it is withdrawn. */
  waitMs: number;
  /** Progress notifications while a call waits (when the client asked for progress), this far apart. */
  progressEveryMs: number;
  hideKilledTools: boolean;
  /** Diagnostics; stdout belongs to the protocol. */
  log: (line: string) => void;
};

type Call = {
  id: RequestId;
  request: JSONRPCRequest;
  tool: string;
  type: string;
  args: Record<string, unknown>;
  progressToken?: string | number;
  progress: number;
  started: number;
  controller: AbortController;
  /** Set once the upstream has the call: its answer is the call's answer. */
  forwardedAt: number | null;
  decision: Authorization | null;
};

type ToolInfo = { description?: string; inputSchema?: unknown };

const key = (id: RequestId) => `${typeof id}:${id}`;
const MAX_OUTPUT_CHARS = 32_000;
const OWN_REQUEST_TIMEOUT_MS = 15_000;

export class McpGateway {
  private readonly calls = new Map<string, Call>();
  private readonly own = new Map<string, (m: JSONRPCMessage) => void>();
  private readonly toolLists = new Set<string>();
  private readonly tools = new Map<string, ToolInfo>();
  private readonly declared = new Map<string, Promise<void>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly sessionId = globalThis.crypto.randomUUID();
  private initializeId: string | null = null;
  private runId: Promise<string | null> = Promise.resolve(null);
  private ownSeq = 0;
  private closing: Promise<void> | null = null;

  /** Called once the gateway has shut down, with whether it ended in failure. */
  onclose?: (failed: boolean) => void;

  constructor(
    private readonly client: Transport,
    private readonly upstream: Transport,
    private readonly opts: GatewayOptions,
  ) {}

  async start(): Promise<void> {
    this.upstream.onmessage = (m) => this.fromUpstream(m);
    this.upstream.onerror = (e) => this.opts.log(`upstream: ${e.message}`);
    this.upstream.onclose = () => void this.close("the upstream MCP server closed", true);
    this.client.onmessage = (m) => this.fromClient(m);
    this.client.onerror = (e) => this.opts.log(`client: ${e.message}`);
    this.client.onclose = () => void this.close("the client disconnected", false);
    await this.upstream.start();
    await this.client.start();
  }

  // -------------------------------------------------------------------------------------------
  // Relaying

  private fromClient(m: JSONRPCMessage): void {
    if (isJSONRPCRequest(m)) {
      if (m.method === "tools/call") return this.track(this.toolCall(m));
      if (m.method === "tools/list") this.toolLists.add(key(m.id));
      if (m.method === "initialize") {
        this.initializeId = key(m.id);
        this.startRun(m.params);
      }
    } else if (isJSONRPCNotification(m) && m.method === "notifications/cancelled") {
      const requestId = (m.params as { requestId?: RequestId } | undefined)?.requestId;
      const call = requestId === undefined ? undefined : this.calls.get(key(requestId));
      if (call && call.forwardedAt === null) {
        // The upstream never saw this call: withdraw it in Warden instead.
        const reason = (m.params as { reason?: unknown }).reason;
        call.controller.abort(`The MCP client cancelled the call${typeof reason === "string" && reason ? `: ${reason}` : "."}`);
        return;
      }
      if (call) {
        // Already running upstream: the upstream gets the cancellation; its outcome stays unknown, so no result is reported.
        call.controller.abort("The MCP client cancelled the call while the tool ran.");
        this.calls.delete(key(call.id));
        this.recordSpan(call, { status: "error", output: { cancelled: true, whileRunning: true } });
      }
    }
    this.send(this.upstream, m);
  }

  private fromUpstream(m: JSONRPCMessage): void {
    if ((isJSONRPCResultResponse(m) || isJSONRPCErrorResponse(m)) && m.id !== undefined) {
      const k = key(m.id);
      const mine = this.own.get(k);
      if (mine) {
        this.own.delete(k);
        return mine(m);
      }
      const call = this.calls.get(k);
      if (call && call.forwardedAt !== null) return this.track(this.finishCall(call, m));
      if (this.toolLists.delete(k) && isJSONRPCResultResponse(m)) return this.track(this.relayToolList(m));
      if (k === this.initializeId && isJSONRPCResultResponse(m)) m = this.initialized(m);
    }
    this.send(this.client, m);
  }

  private send(to: Transport, m: JSONRPCMessage): void {
    if (this.closing && to === this.upstream) return;
    to.send(m).catch((e: Error) => this.opts.log(`could not send ${"method" in m ? m.method : "a response"}: ${e.message}`));
  }

  private track(p: Promise<unknown>): void {
    const t = p.catch((e: unknown) => this.opts.log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)).finally(() => this.inflight.delete(t));
    this.inflight.add(t);
  }

  private initialized(m: JSONRPCResultResponse): JSONRPCResultResponse {
    const result = m.result as { protocolVersion?: string; capabilities?: { tasks?: { requests?: Record<string, unknown> } } };
    if (result.protocolVersion) this.upstream.setProtocolVersion?.(result.protocolVersion);
    const requests = result.capabilities?.tasks?.requests;
    if (!requests || !("tools" in requests)) return m;
    const { tools: _tools, ...others } = requests;
    return { ...m, result: { ...result, capabilities: { ...result.capabilities, tasks: { ...result.capabilities!.tasks, requests: others } } } };
  }

  private async relayToolList(m: JSONRPCResultResponse): Promise<void> {
    const list = (m.result as { tools?: Array<{ name: string } & ToolInfo> }).tools ?? [];
    for (const t of list) this.tools.set(t.name, { description: t.description, inputSchema: t.inputSchema });
    const killed = this.opts.hideKilledTools ? await this.killedTypes() : null;
    const tools = killed ? list.filter((t) => !killed.has(toolTypeKey(this.opts.server, t.name))) : list;
    this.send(this.client, { ...m, result: { ...m.result, tools } });
  }

  /** Keys of the types whose kill switch is on; null when Warden cannot say (then nothing is hidden: calls fail closed anyway). */
  private async killedTypes(): Promise<Set<string> | null> {
    try {
      const types = await this.opts.warden.listActionTypes();
      return new Set(types.filter((t) => t.killSwitch).map((t) => t.key));
    } catch (e) {
      this.opts.log(`tools/list: kill switches unknown (${(e as Error).message}); listing every tool`);
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // tools/call

  private async toolCall(request: JSONRPCRequest): Promise<void> {
    const params = (request.params ?? {}) as { name?: unknown; arguments?: unknown; _meta?: { progressToken?: string | number } };
    if (typeof params.name !== "string") return this.send(this.upstream, request); // malformed: the upstream answers the error
    const tool = params.name;
    const respond = (text: string) => this.send(this.client, { jsonrpc: "2.0", id: request.id, result: refusal(text) });
    if (params.arguments !== undefined && !isObject(params.arguments)) return respond(`The arguments of "${tool}" must be an object; the tool was NOT run.`);

    const call: Call = {
      id: request.id,
      request,
      tool,
      type: toolTypeKey(this.opts.server, tool),
      args: (params.arguments as Record<string, unknown> | undefined) ?? {},
      progressToken: params._meta?.progressToken,
      progress: 0,
      started: Date.now(),
      controller: new AbortController(),
      forwardedAt: null,
      decision: null,
    };
    this.calls.set(key(call.id), call);
    const d = (call.decision = await this.authorize(call));
    if (call.controller.signal.aborted) {
      // Cancelled by the client (or the gateway is closing): no answer is expected. A wait was
      // withdrawn by the SDK; a draft nobody will hear about is withdrawn here.
      this.calls.delete(key(call.id));
      if (d.status === "pending" && d.id) {
        const reason = String(call.controller.signal.reason ?? "The MCP client cancelled the call.");
        await this.opts.warden.cancel(d.id, { reason }).catch((e: Error) => this.opts.log(`could not withdraw action ${d.id}: ${e.message}`));
      }
      return this.recordSpan(call, { status: "error", output: { cancelled: true, action: d.status } });
    }
    if (!d.executable || !isObject(d.payload)) {
      this.calls.delete(key(call.id));
      respond(refusalText(tool, d));
      return this.recordSpan(call, { status: "error", output: { refused: d.decision, reason: d.reason } });
    }
    call.forwardedAt = Date.now();
    this.send(this.upstream, { ...request, params: { ...(request.params ?? {}), arguments: d.payload } });
  }

  private async authorize(call: Call): Promise<Authorization> {
    await this.declare(call.type, call.tool);
    const runId = await this.runId;
    const { warden, server, waitMs, progressEveryMs } = this.opts;
    const d = await warden.authorize(
      {
        type: call.type,
        payload: call.args as Record<string, JsonValue>,
        rationale: `MCP tool "${call.tool}" on server "${server}", called through warden-mcp.`,
        ...(runId ? { runId } : {}),
      },
      { waitMs, pollMs: progressEveryMs, signal: call.controller.signal, onWaiting: ({ id }) => this.progress(call, id) },
    );
    if (d.decision !== "wait" || !d.id || call.controller.signal.aborted) return d;
    // Nobody decided in time. Withdraw it, so no reviewer approves a call nobody will run —
    // unless a decision lands first, which then stands.
    try {
      const cancelled = await warden.cancel(d.id, { reason: `No reviewer decided within ${Math.round(waitMs / 1000)} s; warden-mcp withdrew the call.` });
      return { ...d, decision: "rejected", status: cancelled.status, reason: cancelled.decisionReason ?? d.reason, action: cancelled };
    } catch (e) {
      if (e instanceof WardenApiError && e.status === 409) return warden.waitForDecision(d.id);
      this.opts.log(`could not withdraw action ${d.id}: ${(e as Error).message}`);
      return d;
    }
  }

  private progress(call: Call, actionId: string): void {
    if (call.progressToken === undefined) return;
    this.send(this.client, {
      jsonrpc: "2.0",
      method: "notifications/progress",
      params: { progressToken: call.progressToken, progress: ++call.progress, message: `Waiting for a reviewer in Warden (action ${actionId}).` },
    });
  }

  /** The upstream answered a call we forwarded: the answer goes to the client as is, the outcome to Warden as evidence. */
  private async finishCall(call: Call, m: JSONRPCMessage): Promise<void> {
    this.calls.delete(key(call.id));
    this.send(this.client, m);
    const result = isJSONRPCResultResponse(m) ? (m.result as { isError?: boolean; content?: unknown[] }) : null;
    const error = isJSONRPCErrorResponse(m) ? m.error.message : result?.isError ? textOf(result.content) : null;
    const output = compact(result ?? (m as { error?: unknown }).error ?? null);
    const actionId = call.decision?.id;
    if (actionId) {
      await this.opts.warden
        .reportResult(actionId, { status: error === null ? "succeeded" : "failed", output, ...(error !== null ? { error: error.slice(0, 10_000) } : {}) })
        .catch((e: Error) => this.opts.log(`could not report the result of action ${actionId}: ${e.message}`));
    }
    this.recordSpan(call, { status: error === null ? "ok" : "error", output });
  }

  // -------------------------------------------------------------------------------------------
  // Warden bookkeeping: the type's schema, the session's run, one span per call

  /** The first call of a tool declares its type with the tool's input schema (once; again after a failure). */
  private declare(type: string, tool: string): Promise<void> {
    let p = this.declared.get(type);
    if (!p) {
      p = this.declareNow(type, tool).catch((e: Error) => {
        this.declared.delete(type);
        this.opts.log(`could not declare ${type}: ${e.message}`);
      });
      this.declared.set(type, p);
    }
    return p;
  }

  private async declareNow(type: string, tool: string): Promise<void> {
    const info = this.tools.get(tool) ?? (await this.fetchTool(tool));
    const about = `MCP tool "${tool}" on server "${this.opts.server}"${info?.description ? `: ${info.description}` : "."}`;
    const description = about.length > 1000 ? `${about.slice(0, 999)}…` : about;
    const payloadSchema = toPayloadSchema(info?.inputSchema);
    try {
      await this.opts.warden.declareActionType({ key: type, description, ...(payloadSchema ? { payloadSchema: payloadSchema as Record<string, JsonValue> } : {}) });
    } catch (e) {
      if (!(e instanceof WardenApiError && e.status === 422 && payloadSchema)) throw e;
      this.opts.log(`${type}: Warden cannot use the tool's input schema (${e.message}); declaring it without one`);
      await this.opts.warden.declareActionType({ key: type, description });
    }
  }

  /** A tool the client called without listing: ask the upstream for its schema. */
  private async fetchTool(tool: string): Promise<ToolInfo | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < 20 && !this.tools.has(tool); page++) {
      const m = await this.ownRequest("tools/list", cursor ? { cursor } : {});
      if (!isJSONRPCResultResponse(m)) break;
      const r = m.result as { tools?: Array<{ name: string } & ToolInfo>; nextCursor?: string };
      for (const t of r.tools ?? []) this.tools.set(t.name, { description: t.description, inputSchema: t.inputSchema });
      if (!(cursor = r.nextCursor)) break;
    }
    return this.tools.get(tool);
  }

  private ownRequest(method: string, params: Record<string, unknown>): Promise<JSONRPCMessage> {
    const id = `warden-mcp-${++this.ownSeq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.own.delete(key(id));
        reject(new Error(`${method}: no answer from the upstream within ${OWN_REQUEST_TIMEOUT_MS / 1000} s`));
      }, OWN_REQUEST_TIMEOUT_MS);
      this.own.set(key(id), (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.send(this.upstream, { jsonrpc: "2.0", id, method, params });
    });
  }

  /** Each MCP session is a run; without Warden there is none, and calls still fail closed. */
  private startRun(params: unknown): void {
    const p = (params ?? {}) as { clientInfo?: unknown; protocolVersion?: string };
    this.runId = this.opts.warden
      .startRun({
        sessionId: this.sessionId,
        input: { server: this.opts.server, client: (p.clientInfo ?? null) as JsonValue },
        metadata: { gateway: "warden-mcp", server: this.opts.server, ...(p.protocolVersion ? { protocolVersion: p.protocolVersion } : {}) },
      })
      .then(
        (r) => r.id,
        (e: Error) => {
          this.opts.log(`no run for this session: ${e.message}`);
          return null;
        },
      );
  }

  private recordSpan(call: Call, s: { status: "ok" | "error"; output: unknown }): void {
    void this.runId.then((runId) => {
      if (!runId) return;
      const now = Date.now();
      const d = call.decision;
      this.opts.warden.recordSpans(runId, {
        kind: "tool",
        name: call.tool.slice(0, 200),
        startTime: new Date(call.started).toISOString(),
        endTime: new Date(now).toISOString(),
        status: s.status,
        input: d?.executable && isObject(d.payload) ? d.payload : call.args,
        output: s.output,
        attributes: {
          "mcp.server": this.opts.server,
          "mcp.tool": call.tool,
          "warden.action_type": call.type,
          "warden.action_id": d?.id ?? null,
          "warden.decision": d?.decision ?? null,
          // The call's latency split: deciding in Warden (reviewers included), then the upstream.
          "warden.decision_ms": (call.forwardedAt ?? now) - call.started,
          "mcp.upstream_ms": call.forwardedAt === null ? null : now - call.forwardedAt,
        },
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Shutdown

  /** Withdraws calls still waiting, ends the run, flushes spans and closes both sides. Idempotent. */
  close(reason: string, failed: boolean): Promise<void> {
    this.closing ??= (async () => {
      this.opts.log(`closing: ${reason}`);
      for (const call of this.calls.values()) call.controller.abort(`warden-mcp stopped: ${reason}.`);
      await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, 10_000).unref())]);
      const runId = await this.runId;
      if (runId) {
        await this.opts.warden
          .finishRun(runId, failed ? { status: "failed", error: reason } : { status: "succeeded" })
          .catch((e: Error) => this.opts.log(`could not finish run ${runId}: ${e.message}`));
      }
      await this.opts.warden.shutdown();
      await Promise.allSettled([this.upstream.close(), this.client.close()]);
      this.onclose?.(failed);
    })();
    return this.closing;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The text parts of a tool result, for an error message. */
function textOf(content: unknown[] | undefined): string {
  const texts = (content ?? []).flatMap((c) => (isObject(c) && c.type === "text" && typeof c.text === "string" ? [c.text] : []));
  return texts.join("\n") || "the tool reported an error";
}

/** Evidence, not an archive: large results (images, files) are kept as a preview. */
function compact(value: unknown): JsonValue {
  const text = JSON.stringify(value) ?? "null";
  if (text.length <= MAX_OUTPUT_CHARS) return JSON.parse(text) as JsonValue;
  return { truncated: true, chars: text.length, preview: text.slice(0, 2_000) };
}
