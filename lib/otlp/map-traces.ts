// An OTLP ExportTraceServiceRequest (JSON encoding, or protobuf decoded to the same shape) →
// Warden runs and spans, pure. A broken envelope is a 400 for the whole request; a broken span
// is counted in partialSuccess and the rest of the request is kept.
import { LIMITS } from "../api/limits";
import { BadRequestError, DomainError } from "../errors";
import { spanInput, type SpanInput } from "../runs/schemas";
import { cleanJson, cleanText, isObject, keyValuesToObject, type Attributes, type Json } from "./any-value";
import { OTLP_LIMITS } from "./limits";
import { contentOf, runFactsOf, spanKindOf, text, usageOf } from "./semconv";

export type TraceRun = {
  sessionId?: string;
  endUser?: string;
  agentVersion?: string;
  /** Service and agent names; always `source: "otlp"`. */
  metadata: Record<string, string>;
};

export type MappedTrace = {
  /** 32 lowercase hex characters; one Warden run per (agent, traceId). */
  traceId: string;
  spans: SpanInput[];
  /** The earliest span start in this request (ISO). */
  startedAt: string;
  run: TraceRun;
  /** The trace's root span (no parent), when this request carries it: it ends the run. */
  root?: { endedAt?: string; failed: boolean; error?: string };
};

export type MappedRequest = { traces: MappedTrace[]; spanCount: number; rejectedSpans: number; errorMessage?: string };

const SPAN_KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const SPAN_KIND_NAMES = SPAN_KINDS.map((k) => `SPAN_KIND_${k.toUpperCase()}`);
const STATUS_CODES = ["unset", "ok", "error"] as const;
const STATUS_CODE_NAMES = STATUS_CODES.map((c) => `STATUS_CODE_${c.toUpperCase()}`);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const RUN_FIELDS = new Set(["sessionId", "endUser", "agentVersion"]);

type RawSpan = { raw: unknown; path: string; resource: Attributes };
type Mapped = { traceId: string; span: SpanInput; facts: Record<string, string>; statusMessage?: string };

export function mapTraceRequest(body: unknown): MappedRequest {
  if (!isObject(body)) throw new BadRequestError("The body must be an OTLP ExportTraceServiceRequest object.");
  if (body.resourceSpans == null && body.resource_spans != null) {
    throw new BadRequestError("OTLP/JSON field names are lowerCamelCase: send `resourceSpans`, not `resource_spans`.");
  }
  const rawSpans = flatten(body.resourceSpans ?? []);

  const traces = new Map<string, MappedTrace & { ids: Set<string>; facts: Record<string, string>; startMs: number }>();
  const reasons: string[] = [];
  let rejected = 0;
  for (const { raw, path, resource } of rawSpans) {
    const m = mapSpan(raw, resource);
    if (typeof m === "string") {
      rejected++;
      if (reasons.length < OTLP_LIMITS.maxErrorMessages) reasons.push(`${path}: ${m}`);
      continue;
    }
    const { traceId, span } = m;
    let t = traces.get(traceId);
    if (!t) {
      t = { traceId, spans: [], startedAt: span.startTime, run: { metadata: {} }, ids: new Set(), facts: {}, startMs: Infinity };
      traces.set(traceId, t);
    }
    if (t.ids.has(span.id!)) continue; // the same span twice in one request: the first one counts
    t.ids.add(span.id!);
    t.spans.push(span);
    const startMs = Date.parse(span.startTime);
    if (startMs < t.startMs) [t.startMs, t.startedAt] = [startMs, span.startTime];
    const isRoot = span.parentId === undefined;
    // The root span speaks for the run; otherwise the first span that says something wins.
    t.facts = isRoot ? { ...t.facts, ...m.facts } : { ...m.facts, ...t.facts };
    if (isRoot) t.root = { endedAt: span.endTime, failed: span.status === "error", error: m.statusMessage };
  }

  const out: MappedTrace[] = [...traces.values()].map(({ traceId, spans, startedAt, root, facts }) => {
    const metadata: Record<string, string> = { source: "otlp" };
    for (const [k, v] of Object.entries(facts)) if (!RUN_FIELDS.has(k)) metadata[k] = clip(v);
    const run: TraceRun = { metadata };
    if (facts.sessionId) run.sessionId = clip(facts.sessionId);
    if (facts.endUser) run.endUser = clip(facts.endUser);
    if (facts.agentVersion) run.agentVersion = clip(facts.agentVersion);
    return root ? { traceId, spans, startedAt, run, root } : { traceId, spans, startedAt, run };
  });
  const result: MappedRequest = { traces: out, spanCount: rawSpans.length, rejectedSpans: rejected };
  if (rejected > 0) {
    const more = rejected > reasons.length ? "; …" : "";
    result.errorMessage = `${rejected} of ${rawSpans.length} spans rejected: ${reasons.join("; ")}${more}`;
  }
  return result;
}

/** The envelope (resourceSpans → scopeSpans → spans), checked for shape; its spans with their resource. */
function flatten(resourceSpans: unknown): RawSpan[] {
  if (!Array.isArray(resourceSpans)) throw new BadRequestError("`resourceSpans` must be an array.");
  const out: RawSpan[] = [];
  resourceSpans.forEach((rs, i) => {
    const at = `resourceSpans[${i}]`;
    if (!isObject(rs)) throw new BadRequestError(`${at} must be an object.`);
    const resource = isObject(rs.resource) ? keyValuesToObject(rs.resource.attributes) : {};
    const scopeSpans = rs.scopeSpans ?? [];
    if (!Array.isArray(scopeSpans)) throw new BadRequestError(`${at}.scopeSpans must be an array.`);
    scopeSpans.forEach((ss, j) => {
      if (!isObject(ss)) throw new BadRequestError(`${at}.scopeSpans[${j}] must be an object.`);
      const spans = ss.spans ?? [];
      if (!Array.isArray(spans)) throw new BadRequestError(`${at}.scopeSpans[${j}].spans must be an array.`);
      spans.forEach((raw, k) => out.push({ raw, path: `${at}.scopeSpans[${j}].spans[${k}]`, resource }));
      if (out.length > OTLP_LIMITS.maxSpansPerRequest) {
        throw new DomainError("payload_too_large", `One export may carry at most ${OTLP_LIMITS.maxSpansPerRequest} spans; send smaller batches.`, {
          limitSpans: OTLP_LIMITS.maxSpansPerRequest,
        });
      }
    });
  });
  return out;
}

/** One OTLP span → a Warden span, or the reason it cannot be one. */
function mapSpan(raw: unknown, resource: Attributes): Mapped | string {
  if (!isObject(raw)) return "a span must be an object";
  const traceId = hexId(raw.traceId, 16);
  if (!traceId) return "traceId must be 32 hex characters and not all zero";
  const spanId = hexId(raw.spanId, 8);
  if (!spanId) return "spanId must be 16 hex characters and not all zero";
  let parentId: string | undefined;
  if (raw.parentSpanId != null && raw.parentSpanId !== "") {
    parentId = hexId(raw.parentSpanId, 8);
    if (!parentId) return "parentSpanId must be empty or 16 hex characters";
  }
  const start = unixNanosToMs(raw.startTimeUnixNano);
  if (!start) return "startTimeUnixNano must be a Unix time in nanoseconds";
  const end = raw.endTimeUnixNano == null ? 0 : unixNanosToMs(raw.endTimeUnixNano);
  if (end === undefined) return "endTimeUnixNano must be a Unix time in nanoseconds";
  if (end && end < start) return "endTimeUnixNano is before startTimeUnixNano";
  if (raw.attributes != null && !Array.isArray(raw.attributes)) return "attributes must be an array";

  const attrs = keyValuesToObject(raw.attributes);
  const kind = spanKindOf(attrs);
  const usage = usageOf(attrs, kind);
  const { input, output, rest } = contentOf(attrs);
  const status = isObject(raw.status) ? raw.status : {};
  const statusCode = STATUS_CODES[enumIndex(status.code, STATUS_CODE_NAMES) ?? 0] ?? "unset";
  const statusMessage = typeof status.message === "string" && status.message !== "" ? cleanText(status.message.slice(0, LIMITS.longString)) : undefined;

  const extra: Attributes = {};
  const otelKind = SPAN_KINDS[enumIndex(raw.kind, SPAN_KIND_NAMES) ?? 0];
  if (otelKind && otelKind !== "unspecified") extra["otel.span_kind"] = otelKind;
  if (statusMessage) extra["otel.status_message"] = statusMessage;
  const events = eventsOf(raw.events);
  if (events.length > 0) extra["otel.events"] = events;

  const name = typeof raw.name === "string" && raw.name.trim() !== "" ? raw.name : (text(attrs, "gen_ai.operation.name") ?? "span");
  const candidate = {
    id: spanId,
    parentId,
    kind,
    name: clip(name),
    model: usage.model === undefined ? undefined : clip(usage.model),
    startTime: new Date(start).toISOString(),
    endTime: end ? new Date(end).toISOString() : undefined,
    inputTokens: tokens(usage.inputTokens),
    outputTokens: tokens(usage.outputTokens),
    costUsd: usage.costUsd !== undefined && usage.costUsd <= 1_000_000 ? usage.costUsd : undefined,
    status: statusCode,
    input: input === undefined ? undefined : cleanJson(input),
    output: output === undefined ? undefined : cleanJson(output),
    attributes: cleanJson({ ...rest, ...extra }),
  };
  const parsed = spanInput.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue.path.join(".") || "span"}: ${issue.message}`;
  }
  return { traceId, span: parsed.data, facts: runFactsOf(attrs, resource), statusMessage };
}

/**
 * An id as lowercase hex. OTLP/JSON sends hex; some encoders use protobuf's generic JSON mapping
 * (base64), which is unambiguous by length, so it is accepted too. All-zero ids are invalid.
 */
export function hexId(v: unknown, bytes: number): string | undefined {
  if (typeof v !== "string") return undefined;
  let hex: string | undefined;
  if (v.length === bytes * 2 && /^[0-9a-f]+$/i.test(v)) hex = v.toLowerCase();
  else if (v.length === Math.ceil(bytes / 3) * 4 && /^[A-Za-z0-9+/]+=*$/.test(v)) {
    const buf = Buffer.from(v, "base64");
    if (buf.length === bytes) hex = buf.toString("hex");
  }
  return hex && /[^0]/.test(hex) ? hex : undefined;
}

/** A fixed64 nanosecond timestamp (decimal string or number) → milliseconds; undefined when not one. */
export function unixNanosToMs(v: unknown): number | undefined {
  let ms: number;
  if (typeof v === "string" && /^\d{1,20}$/.test(v)) ms = Number(BigInt(v) / 1_000_000n);
  else if (typeof v === "number" && Number.isFinite(v) && v >= 0) ms = Math.floor(v / 1e6);
  else return undefined;
  return ms <= MAX_MS ? ms : undefined;
}

/** OTLP/JSON enums are integers; the names are accepted too, as protobuf JSON parsers do. */
function enumIndex(v: unknown, names: readonly string[]): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") {
    if (/^\d+$/.test(v)) return Number(v);
    const i = names.indexOf(v.toUpperCase());
    if (i >= 0) return i;
  }
  return undefined;
}

function eventsOf(v: unknown): Json[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(isObject)
    .slice(0, OTLP_LIMITS.maxEventsPerSpan)
    .map((e) => {
      const ev: Record<string, Json> = { name: typeof e.name === "string" ? e.name : "" };
      const ms = unixNanosToMs(e.timeUnixNano);
      if (ms) ev.time = new Date(ms).toISOString();
      const attributes = keyValuesToObject(e.attributes);
      if (Object.keys(attributes).length > 0) ev.attributes = attributes;
      return ev;
    });
}

const tokens = (n: number | undefined) => (n !== undefined && n <= 100_000_000 ? n : undefined);
/** Identifier-like text for a short column: cleaned, and cut rather than rejected when too long. */
const clip = (s: string) => cleanText(s.length > LIMITS.shortString ? s.slice(0, LIMITS.shortString) : s);
