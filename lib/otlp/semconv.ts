// What a span's attributes say about it, pure: OpenTelemetry GenAI conventions (gen_ai.*),
// OpenInference (openinference.*, llm.*), and the older names instrumentations still emit.
import type { SpanInput } from "../runs/schemas";
import type { Attributes, Json } from "./any-value";

type SpanKind = SpanInput["kind"];

/** gen_ai.operation.name well-known values (plus a custom "guardrail"); unknown values fall through. */
const GEN_AI_OPERATIONS: Record<string, SpanKind> = {
  chat: "llm",
  text_completion: "llm",
  generate_content: "llm",
  embeddings: "llm",
  execute_tool: "tool",
  retrieval: "retrieval",
  search_memory: "retrieval",
  guardrail: "guardrail",
  apply_guardrail: "guardrail",
  invoke_agent: "other",
  create_agent: "other",
  invoke_workflow: "other",
  plan: "other",
};

/** openinference.span.kind values. */
const OPENINFERENCE_KINDS: Record<string, SpanKind> = {
  LLM: "llm",
  EMBEDDING: "llm",
  TOOL: "tool",
  RETRIEVER: "retrieval",
  RERANKER: "retrieval",
  GUARDRAIL: "guardrail",
  CHAIN: "other",
  AGENT: "other",
  EVALUATOR: "other",
  PROMPT: "other",
  DECISION: "other",
};

/** OpenLLMetry (Traceloop) names, used by instrumentations that predate gen_ai.operation.name. */
const LLM_REQUEST_TYPES: Record<string, SpanKind> = { chat: "llm", completion: "llm", embedding: "llm", rerank: "retrieval" };

const INPUT_TOKEN_KEYS = ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"];
const OUTPUT_TOKEN_KEYS = ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion"];
const MODEL_KEYS = [
  "gen_ai.response.model",
  "gen_ai.request.model",
  "llm.model_name",
  "llm.response.model_name",
  "llm.request.model_name",
  "embedding.model_name",
];
/** Where the content goes: the first key present becomes the span's input/output and leaves the attributes. */
const INPUT_KEYS = ["gen_ai.input.messages", "gen_ai.tool.call.arguments", "gen_ai.retrieval.query.text", "input.value", "gen_ai.prompt"];
const OUTPUT_KEYS = ["gen_ai.output.messages", "gen_ai.tool.call.result", "gen_ai.retrieval.documents", "output.value", "gen_ai.completion"];

export function spanKindOf(a: Attributes): SpanKind {
  const op = text(a, "gen_ai.operation.name")?.toLowerCase();
  // hasOwn, not `in`: "constructor" is a custom operation name, not a key of the table's prototype.
  if (op && Object.hasOwn(GEN_AI_OPERATIONS, op)) return GEN_AI_OPERATIONS[op];
  const oi = text(a, "openinference.span.kind")?.toUpperCase();
  if (oi && Object.hasOwn(OPENINFERENCE_KINDS, oi)) return OPENINFERENCE_KINDS[oi];
  const reqType = text(a, "llm.request.type")?.toLowerCase();
  if (reqType && Object.hasOwn(LLM_REQUEST_TYPES, reqType)) return LLM_REQUEST_TYPES[reqType];
  if (text(a, "traceloop.span.kind")?.toLowerCase() === "tool") return "tool";
  if (text(a, "gen_ai.tool.name", "tool.name")) return "tool";
  if (count(a, ...INPUT_TOKEN_KEYS) !== undefined || count(a, ...OUTPUT_TOKEN_KEYS) !== undefined) return "llm";
  return "other";
}

/**
 * Model, tokens and cost, for model-call spans only. Agent and chain spans may repeat their
 * children's usage as a sum (the GenAI conventions recommend it on invoke_agent), so counting
 * it there would bill every call twice; it stays visible in their attributes.
 */
export function usageOf(a: Attributes, kind: SpanKind): { model?: string; inputTokens?: number; outputTokens?: number; costUsd?: number } {
  if (kind !== "llm") return {};
  const prompt = amount(a, "llm.cost.prompt");
  const completion = amount(a, "llm.cost.completion");
  const parts = prompt === undefined && completion === undefined ? undefined : (prompt ?? 0) + (completion ?? 0);
  return {
    model: text(a, ...MODEL_KEYS),
    inputTokens: count(a, ...INPUT_TOKEN_KEYS),
    outputTokens: count(a, ...OUTPUT_TOKEN_KEYS),
    costUsd: amount(a, "llm.cost.total") ?? parts,
  };
}

/** The span's input and output content, and the attributes without the keys they came from. */
export function contentOf(a: Attributes): { input?: Json; output?: Json; rest: Attributes } {
  const rest = { ...a };
  const take = (keys: string[]): Json | undefined => {
    const key = keys.find((k) => a[k] !== undefined && a[k] !== null && a[k] !== "");
    if (!key) return undefined;
    delete rest[key];
    return parseJsonText(a[key]);
  };
  const input = take(INPUT_KEYS);
  const output = take(OUTPUT_KEYS);
  return { input, output, rest };
}

/**
 * Run-level facts from a span and its resource: the conversation (→ run.sessionId), the end user,
 * the agent's version, and names worth keeping in run.metadata. Span attributes win over resource ones.
 */
export function runFactsOf(span: Attributes, resource: Attributes): Record<string, string> {
  const pick = (...keys: string[]) => text(span, ...keys) ?? text(resource, ...keys);
  const facts: Record<string, string | undefined> = {
    sessionId: pick("gen_ai.conversation.id", "session.id"),
    endUser: pick("user.id", "enduser.id"),
    agentVersion: pick("gen_ai.agent.version") ?? text(resource, "service.version"),
    "gen_ai.agent.name": pick("gen_ai.agent.name", "agent.name"),
    "gen_ai.agent.id": pick("gen_ai.agent.id"),
    "gen_ai.workflow.name": pick("gen_ai.workflow.name"),
    "service.name": text(resource, "service.name"),
    "service.version": text(resource, "service.version"),
    "deployment.environment.name": text(resource, "deployment.environment.name", "deployment.environment"),
  };
  return Object.fromEntries(Object.entries(facts).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The first non-empty string (or number, as text) among `keys`. */
export function text(a: Attributes, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = a[k];
    if (typeof v === "string" && v.trim() !== "") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** The first non-negative integer among `keys` (numbers or decimal strings). */
function count(a: Attributes, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = typeof a[k] === "string" ? Number(a[k]) : a[k];
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  }
  return undefined;
}

function amount(a: Attributes, key: string): number | undefined {
  const v = typeof a[key] === "string" ? Number(a[key]) : a[key];
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Content recorded as a JSON string (the conventions allow it) is stored as the JSON it holds. */
function parseJsonText(v: Json): Json {
  if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return v;
  }
}
