import { z } from "zod";
import { actionResultInput, actionView, cancelActionInput, requestActionInput, waitQuery } from "../actions/schemas";
import { finishRunInput, recordSpansInput, recordSpansResult, runTotals, runView, spanInput, startRunInput } from "../runs/schemas";
import { recordScoreInput, scoreView } from "../scores/schemas";
import { actionTypeView, declareActionTypeInput } from "../action-types/schemas";
import { autonomyChangeView } from "../autonomy/schemas";
import { patchActionTypeInput } from "../autonomy/schemas";
import { agentControlsView, agentIdentity, updateAgentControlsInput } from "../agents/schemas";
import { budgetGrantInput, budgetGrantResult, runLimitsView } from "../budgets/schemas";
import { acknowledgeIncidentInput, incidentPage, incidentView, listIncidentsQuery, resolveIncidentInput } from "../incidents/schemas";
import { killSwitchChange, killSwitchView, setKillSwitchInput } from "../switches/schemas";
import { LIMITS } from "../api/limits";
import { OTLP_LIMITS } from "../otlp/limits";
import { fieldError, problemDetails, otlpTracesRequest, otlpTracesResponse } from "./schemas";

// The OpenAPI 3.1 document of the agent API (v1), generated from the zod contract schemas.
// Every schema is converted with z.toJSONSchema; the $defs it produces (JSON values,
// schemas registered below) are hoisted into components/schemas so all $refs resolve against
// the document. tests/unit/openapi.test.ts fails when a route under app/api/v1 is undocumented.

type Json = Record<string, unknown>;
type Io = "input" | "output";

/** Named components, in the order they appear in the document. */
const COMPONENTS: Array<[name: string, schema: z.ZodType, io: Io]> = [
  ["AgentIdentity", agentIdentity, "output"],
  ["StartRunInput", startRunInput, "input"],
  ["FinishRunInput", finishRunInput, "input"],
  ["SpanInput", spanInput, "input"],
  ["RecordSpansInput", recordSpansInput, "input"],
  ["RunTotals", runTotals, "output"],
  ["RunView", runView, "output"],
  ["RecordSpansResult", recordSpansResult, "output"],
  ["RequestActionInput", requestActionInput, "input"],
  ["ActionResultInput", actionResultInput, "input"],
  ["CancelActionInput", cancelActionInput, "input"],
  ["ActionView", actionView, "output"],
  ["RecordScoreInput", recordScoreInput, "input"],
  ["ScoreView", scoreView, "output"],
  ["ActionTypeView", actionTypeView, "output"],
  ["DeclareActionTypeInput", declareActionTypeInput, "input"],
  ["PatchActionTypeInput", patchActionTypeInput, "input"],
  ["AutonomyChangeView", autonomyChangeView, "output"],
  ["ActionTypePatchResult", z.object({ actionType: actionTypeView, levelChange: autonomyChangeView.nullable() }), "output"],
  ["ActionTypeList", z.array(actionTypeView), "output"],
  ["AgentControlsView", agentControlsView, "output"],
  ["UpdateAgentControlsInput", updateAgentControlsInput, "input"],
  ["KillSwitchView", killSwitchView, "output"],
  ["KillSwitchChange", killSwitchChange, "output"],
  ["SetKillSwitchInput", setKillSwitchInput, "input"],
  ["IncidentView", incidentView, "output"],
  ["IncidentPage", incidentPage, "output"],
  ["AcknowledgeIncidentInput", acknowledgeIncidentInput, "input"],
  ["ResolveIncidentInput", resolveIncidentInput, "input"],
  ["BudgetGrantInput", budgetGrantInput, "input"],
  ["RunLimitsView", runLimitsView, "output"],
  ["BudgetGrantResult", budgetGrantResult, "output"],
  ["FieldError", fieldError, "output"],
  ["Problem", problemDetails, "output"],
  ["OtlpTracesRequest", otlpTracesRequest, "input"],
  ["OtlpTracesResponse", otlpTracesResponse, "output"],
];

// Constraints zod refinements enforce but JSON Schema conversion cannot see.
const REFINEMENTS: Record<string, Json> = {
  SpanInput: { description: "One span. endTime, when given, must not be before startTime." },
  RecordScoreInput: {
    description: "A score on one run or one action: give exactly one of runId or actionId.",
    oneOf: [{ required: ["runId"] }, { required: ["actionId"] }],
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// ---------------------------------------------------------------------------------------------
// zod → components/schemas

/** A metadata registry that names every component but `root`, and keeps `.describe()` texts. */
function namingRegistry(names: Map<z.ZodType, string>, root: z.ZodType) {
  const reg = z.registry<Record<string, unknown>>();
  reg.get = ((schema: z.ZodType) => {
    const meta = z.globalRegistry.get(schema);
    const id = schema === root ? undefined : names.get(schema);
    return id ? { ...meta, id } : meta;
  }) as typeof reg.get;
  return reg;
}

function mapRefs(node: unknown, fn: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => mapRefs(n, fn));
  if (node && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === "$ref" && typeof v === "string" ? fn(v) : mapRefs(v, fn);
    return out;
  }
  return node;
}

const DEF_REF = /^#\/\$defs\/(.+)$/;
const jsonValueKey = canonical(z.toJSONSchema(z.json(), { target: "draft-2020-12" }) as Json, "#");

/** A key that is equal for structurally identical recursive defs, whatever they were called. */
function canonical(def: Json, selfRef: string): string {
  const { $schema: _s, $defs: _d, ...body } = def;
  return JSON.stringify(mapRefs(body, (r) => (r === selfRef ? "#self" : r)));
}

function buildSchemas(): Record<string, Json> {
  const names = new Map(COMPONENTS.map(([name, schema]) => [schema, name] as const));
  const componentNames = new Set(names.values());
  const out: Record<string, Json> = {};
  const shared: Record<string, Json> = {};
  const hoisted = new Map<string, string>(); // canonical key → component name

  for (const [name, schema, io] of COMPONENTS) {
    const generated = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      metadata: namingRegistry(names, schema),
      ...(io === "input" ? { override: defaultIntoDescription } : {}),
    }) as Json;
    const { $schema: _s, $defs, ...body } = generated;
    const rename = new Map<string, string>();
    for (const [defName, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      if (componentNames.has(defName)) {
        rename.set(defName, defName); // generated on its own, with its own io
        continue;
      }
      const key = canonical(def, `#/$defs/${defName}`);
      let target = hoisted.get(key);
      if (!target) {
        target = key === jsonValueKey ? "JsonValue" : `${name}_${defName.replace(/^_+/, "")}`;
        hoisted.set(key, target);
      }
      rename.set(defName, target);
    }
    const fix = (r: string) => {
      const m = DEF_REF.exec(r);
      return m && rename.has(m[1]) ? ref(rename.get(m[1])!).$ref : r;
    };
    for (const [defName, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const target = rename.get(defName)!;
      if (!componentNames.has(defName) && !shared[target]) shared[target] = mapRefs(def, fix) as Json;
    }
    out[name] = { ...(mapRefs(body, fix) as Json), ...REFINEMENTS[name] };
  }
  if (shared.JsonValue) shared.JsonValue = JSON_VALUE;
  return { ...out, ...shared };
}

// z.json() converts to a self-referencing anyOf, which code generators turn into a type alias
// that names itself (openapi-typescript: TS2502, so no client compiles). `{}` accepts exactly
// the same documents, since whatever arrives as JSON is a JSON value.
const JSON_VALUE: Json = { description: "Any JSON value: string, number, boolean, null, array or object, nested freely." };

// Generators read `default` as "always present" and make the property required (openapi-typescript
// does): right for responses, wrong for requests, where the server fills it in when omitted. In
// inputs the default moves into the description.
function defaultIntoDescription({ jsonSchema }: { jsonSchema: Json }): void {
  if (!("default" in jsonSchema)) return;
  const { default: value, description } = jsonSchema;
  delete jsonSchema.default;
  jsonSchema.description = [description, `Defaults to ${JSON.stringify(value)} when omitted.`].filter(Boolean).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Operations

const PROBLEM = "application/problem+json";

const ERROR_RESPONSES: Record<string, { status: number; description: string; headers?: Json }> = {
  BadRequest: { status: 400, description: "The body is not valid JSON (or is empty where one is required)." },
  Unauthenticated: { status: 401, description: "Missing, malformed, unknown or revoked API key." },
  Forbidden: {
    status: 403,
    description:
      "The agent is disabled; or, on an operator endpoint, the caller is an agent key or a person whose role may not do this " +
      "(changes need a manager or admin).",
  },
  NotFound: { status: 404, description: "No such resource for this agent (another agent's is indistinguishable from a missing one)." },
  Conflict: {
    status: 409,
    description:
      "The resource is not in a state that allows this, or a request with the same Idempotency-Key is still in progress " +
      "(then with Retry-After; retry with the same key).",
    headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
  },
  PayloadTooLarge: { status: 413, description: `The body exceeds ${LIMITS.maxBodyBytes} bytes. Nothing was changed.` },
  UnsupportedMediaType: { status: 415, description: "The body is not sent as `Content-Type: application/json`." },
  ValidationFailed: {
    status: 422,
    description:
      "The input does not match the schema (fieldErrors lists each problem), an action payload fails its action type's " +
      "JSON Schema, or an Idempotency-Key was reused with a different body.",
  },
  RateLimited: {
    status: 429,
    description: `More than ${LIMITS.requestsPerMinute} requests per minute with this API key. Retry after the given seconds.`,
    headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
  },
  InternalError: { status: 500, description: "Something failed on Warden's side; the body carries no internals. Safe to retry." },
  ServiceUnavailable: {
    status: 503,
    description: "The request could not be handled right now; retry after the given seconds.",
    headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
  },
};

type Op = {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  params?: Json[];
  body?: string;
  bodyDescription?: string;
  /** The body may be left out entirely (every field optional). */
  bodyOptional?: true;
  ok: { status: number; schema: string; description: string };
  /** A second success status with the same schema (e.g. 200 "already there" beside 201 "created"). */
  alsoOk?: { status: number; description: string };
  errors: string[];
  noAuth?: boolean;
  /** Exactly these error responses, instead of the agent API's usual set. */
  ownErrors?: boolean;
  /** POSTs take an Idempotency-Key unless the endpoint dedupes by itself. */
  idempotent?: false;
  /** More media types for the request and the 2xx response, beside application/json. */
  alsoAccepts?: Record<string, Json>;
};

const AGENT_ERRORS = ["Unauthenticated", "Forbidden", "RateLimited", "InternalError"];
const BODY_ERRORS = ["BadRequest", "PayloadTooLarge", "UnsupportedMediaType", "ValidationFailed"];
const ID = { $ref: "#/components/parameters/Id" };
const KEY = { name: "key", in: "path", required: true, schema: { type: "string" }, description: "The action type's key, e.g. payments.refund." };

function operation(method: string, op: Op): Json {
  const idempotent = method === "post" && op.idempotent !== false;
  const params = [...(op.params ?? []), ...(idempotent ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [])];
  const errors = op.ownErrors
    ? [...op.errors]
    : [...new Set([...op.errors, ...(op.noAuth ? [] : AGENT_ERRORS), ...(op.body ? BODY_ERRORS : [])])];
  if (idempotent && !errors.includes("Conflict")) errors.push("Conflict");
  if (idempotent && !errors.includes("ValidationFailed")) errors.push("ValidationFailed");
  errors.sort((a, b) => ERROR_RESPONSES[a].status - ERROR_RESPONSES[b].status);

  const responses: Json = {
    [String(op.ok.status)]: {
      description: op.ok.description,
      ...(idempotent ? { headers: { "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" } } } : {}),
      content: { "application/json": { schema: ref(op.ok.schema) }, ...op.alsoAccepts },
    },
  };
  if (op.alsoOk) {
    responses[String(op.alsoOk.status)] = { ...(responses[String(op.ok.status)] as Json), description: op.alsoOk.description };
  }
  for (const e of errors) responses[String(ERROR_RESPONSES[e].status)] = { $ref: `#/components/responses/${e}` };

  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.noAuth ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: !op.bodyOptional,
            ...(op.bodyDescription ? { description: op.bodyDescription } : {}),
            content: { "application/json": { schema: ref(op.body) }, ...op.alsoAccepts },
          },
        }
      : {}),
    responses,
  };
}

function waitParameter(): Json {
  // The parsed value (a number 0–60) is what clients send; as text it must be plain decimal digits.
  const generated = z.toJSONSchema(waitQuery, { target: "draft-2020-12", io: "output" }) as unknown as { properties: { wait: Json } };
  const { description, ...schema } = generated.properties.wait;
  return {
    name: "wait",
    in: "query",
    required: false,
    description:
      `${description} Written as a plain decimal (e.g. 5 or 2.5); anything else is 422. Returns as soon as the action is ` +
      'decided; while it is still pending after the wait, decision stays "wait" — ask again.',
    schema,
  };
}

function buildPaths(): Json {
  const v1 = "/api/v1";
  return {
    [`${v1}/agent`]: {
      get: operation("get", {
        id: "getAgent",
        tag: "agent",
        summary: "Who am I: the agent and key behind the bearer token",
        ok: { status: 200, schema: "AgentIdentity", description: "The authenticated agent." },
        errors: [],
      }),
    },
    [`${v1}/runs`]: {
      post: operation("post", {
        id: "startRun",
        tag: "runs",
        summary: "Start a run",
        body: "StartRunInput",
        ok: { status: 201, schema: "RunView", description: "The run, status running." },
        errors: ["Conflict"],
        description: "409 when externalId is already used by another run of this agent.",
      }),
    },
    [`${v1}/runs/{id}`]: {
      get: operation("get", {
        id: "getRun",
        tag: "runs",
        summary: "Read a run with its totals",
        params: [ID],
        ok: { status: 200, schema: "RunView", description: "The run." },
        errors: ["NotFound"],
      }),
      patch: operation("patch", {
        id: "finishRun",
        tag: "runs",
        summary: "Finish a run",
        description: "Finishing again with the same status is a no-op; a different status (or a halted run) is 409.",
        params: [ID],
        body: "FinishRunInput",
        ok: { status: 200, schema: "RunView", description: "The finished run." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    [`${v1}/runs/{id}/spans`]: {
      post: operation("post", {
        id: "recordSpans",
        tag: "runs",
        summary: "Record a batch of spans",
        description:
          `At most ${LIMITS.maxSpansPerBatch} spans per batch. A span id already recorded in the run is skipped, so a retried ` +
          "batch never double-counts. `continue: false` tells the agent to stop the run (budget, loop breaker, kill switch).",
        params: [ID],
        body: "RecordSpansInput",
        ok: { status: 200, schema: "RecordSpansResult", description: "How many spans were new, the run's totals and whether to continue." },
        errors: ["NotFound"],
      }),
    },
    [`${v1}/actions`]: {
      post: operation("post", {
        id: "requestAction",
        tag: "actions",
        summary: "Ask before acting",
        description:
          "The policy decides: `execute` (act now), `wait` (a reviewer must approve; long-poll GET /actions/{id}?wait=…), " +
          "`draft` (a person does the work), `halted` (kill switch or run breaker). A payload that fails the action type's " +
          "JSON Schema is refused with 422 (decision rejected) and nothing is stored. Act only on `execute`, with the returned payload.",
        body: "RequestActionInput",
        ok: { status: 201, schema: "ActionView", description: "The action with its decision." },
        errors: ["NotFound"],
      }),
    },
    [`${v1}/actions/{id}`]: {
      get: operation("get", {
        id: "getAction",
        tag: "actions",
        summary: "Read an action; long-poll for its decision with ?wait",
        params: [ID, waitParameter()],
        ok: { status: 200, schema: "ActionView", description: "The action as the agent should see it now." },
        errors: ["NotFound", "ValidationFailed"],
      }),
    },
    [`${v1}/actions/{id}/result`]: {
      post: operation("post", {
        id: "reportActionResult",
        tag: "actions",
        summary: "Report what happened when the agent executed an action",
        description: "Only for actions the agent was told to execute; reporting the same result again is a no-op.",
        params: [ID],
        body: "ActionResultInput",
        ok: { status: 200, schema: "ActionView", description: "The action with its outcome." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    [`${v1}/actions/{id}/cancel`]: {
      post: operation("post", {
        id: "cancelAction",
        tag: "actions",
        summary: "Withdraw a pending action",
        description:
          "The agent stops waiting for its own pending action (its caller gave up or cancelled): the action becomes " +
          "`cancelled` (decision `rejected`), leaves the review queues, and a reviewer who decides it afterwards gets 409. " +
          "Cancelling again is a no-op; an action that is no longer pending (approved, rejected, …) is 409 with its status.",
        params: [ID],
        body: "CancelActionInput",
        bodyOptional: true,
        ok: { status: 200, schema: "ActionView", description: "The action, status cancelled." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    [`${v1}/scores`]: {
      post: operation("post", {
        id: "recordScore",
        tag: "scores",
        summary: "Record a quality score on a run or an action",
        body: "RecordScoreInput",
        ok: { status: 201, schema: "ScoreView", description: "The stored score." },
        errors: ["NotFound"],
      }),
    },
    [`${v1}/otlp/v1/traces`]: {
      post: operation("post", {
        id: "exportTraces",
        tag: "otlp",
        summary: "OTLP/HTTP trace export",
        description:
          "Point an OpenTelemetry OTLP/HTTP exporter here (JSON or protobuf encoding) with the API key as a bearer token; " +
          "each trace becomes a run and gen_ai.* attributes map onto its spans. The body may be gzip-compressed " +
          `(\`Content-Encoding: gzip\`): at most ${LIMITS.maxBodyBytes} bytes as sent, ${OTLP_LIMITS.maxDecodedBytes} decompressed, ` +
          `${OTLP_LIMITS.maxSpansPerRequest} spans per request. No Idempotency-Key: span ids make a retried export a no-op. ` +
          "Errors follow OTLP's retry rules: malformed input is 400 (do not retry), a failure on Warden's side is 503 with Retry-After.",
        params: [
          {
            name: "Content-Encoding",
            in: "header",
            required: false,
            description: "gzip when the body is compressed.",
            schema: { type: "string", enum: ["gzip", "identity"] },
          },
        ],
        body: "OtlpTracesRequest",
        alsoAccepts: { "application/x-protobuf": {} },
        idempotent: false,
        ownErrors: true,
        ok: {
          status: 200,
          schema: "OtlpTracesResponse",
          description: "Accepted, possibly partially (see partialSuccess), in the request's encoding.",
        },
        errors: ["BadRequest", "Unauthenticated", "Forbidden", "PayloadTooLarge", "UnsupportedMediaType", "RateLimited", "ServiceUnavailable"],
      }),
    },
    [`${v1}/action-types`]: {
      get: operation("get", {
        id: "listActionTypes",
        tag: "action-types",
        summary: "List action types with their level and guardrails",
        description: "Agent keys and personal tokens (wdp_…) may read.",
        ok: { status: 200, schema: "ActionTypeList", description: "Every action type." },
        errors: [],
      }),
      post: operation("post", {
        id: "declareActionType",
        tag: "action-types",
        summary: "Declare an action type before its first request, with its payload schema",
        description:
          "Agent keys only. A type nobody has seen yet is created at level 3 (draft), like on a first request, with the given " +
          "description and payload JSON Schema (an MCP gateway sends each tool's input schema); reviewers' edits must satisfy " +
          "it too. An existing type is returned unchanged (200): its guardrails are the managers'. An invalid schema is 422.",
        body: "DeclareActionTypeInput",
        ok: { status: 201, schema: "ActionTypeView", description: "The type, created by this declaration." },
        alsoOk: { status: 200, description: "The type existed already; returned unchanged." },
        errors: [],
      }),
    },
    [`${v1}/action-types/{key}`]: {
      get: operation("get", {
        id: "getActionType",
        tag: "action-types",
        summary: "Read one action type",
        params: [KEY],
        ok: { status: 200, schema: "ActionTypeView", description: "The action type." },
        errors: ["NotFound"],
      }),
      patch: operation("patch", {
        id: "patchActionType",
        tag: "action-types",
        summary: "Change an action type's guardrails or level (policy as code)",
        description:
          "Needs a personal token of a manager or admin; agent keys get 403. Guardrail fields as in the console (`version` " +
          "optional: without it the current version is used). `level` with a `reason` follows the console's rules: promotion " +
          "one level at a time and only when eligible unless `override: true` (flagged in the history); 1 → 0 creates a request " +
          "that a different admin signs off (returned as a pending levelChange); demotion at once.",
        params: [KEY],
        body: "PatchActionTypeInput",
        ok: { status: 200, schema: "ActionTypePatchResult", description: "The action type after the change, and the level change if any." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    ...operatorPaths(v1),
    [`${v1}/openapi.json`]: {
      get: {
        operationId: "getOpenApiDocument",
        tags: ["meta"],
        summary: "This document",
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI 3.1 document of the agent API.",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  };
}

// The operator API: people with a personal token (wdp_…); agent keys get 403. Reads are open to
// every role, changes need a manager or admin. No Idempotency-Key: each change is exactly once by
// itself (a second acknowledge is 409, a kill switch already in position is a no-op).
const OPERATOR = "Personal tokens (wdp_…) only; agent keys get 403.";

function listQueryParameters(): Json[] {
  const generated = z.toJSONSchema(listIncidentsQuery, { target: "draft-2020-12", io: "input" }) as unknown as { properties: Record<string, Json> };
  return Object.entries(generated.properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: rest };
  });
}

function operatorPaths(v1: string): Json {
  return {
    [`${v1}/agents/{id}`]: {
      get: operation("get", {
        id: "getAgentControls",
        tag: "operators",
        summary: "An agent's budgets, spend caps, loop limit, kill switch and current spend",
        description: OPERATOR,
        params: [ID],
        ok: { status: 200, schema: "AgentControlsView", description: "The agent's controls." },
        errors: ["NotFound"],
      }),
      patch: operation("patch", {
        id: "updateAgentControls",
        tag: "operators",
        summary: "Change an agent's budgets, spend caps, loop limit or kill switch",
        description:
          `${OPERATOR} Managers and admins. Amounts in USD; null removes a limit. \`killSwitch: true\` halts the agent's pending ` +
          "actions at once (their long-polls answer halted) and every later request; the flip is an audit event and an incident. " +
          "Limits and switch commit together or not at all.",
        params: [ID],
        body: "UpdateAgentControlsInput",
        ok: { status: 200, schema: "AgentControlsView", description: "The agent's controls after the change." },
        errors: ["NotFound"],
      }),
    },
    [`${v1}/kill-switch`]: {
      get: operation("get", {
        id: "getGlobalKillSwitch",
        tag: "operators",
        summary: "The global kill switch",
        description: OPERATOR,
        ok: { status: 200, schema: "KillSwitchView", description: "Whether every agent is halted, since when and why." },
        errors: [],
      }),
      put: operation("put", {
        id: "setGlobalKillSwitch",
        tag: "operators",
        summary: "Turn the global kill switch on or off",
        description:
          `${OPERATOR} Managers and admins. On: every pending action of every agent is halted at once and every later action ` +
          "request is halted, on every instance; span batches answer continue: false. Setting the position it already has is a no-op (changed: false).",
        body: "SetKillSwitchInput",
        ok: { status: 200, schema: "KillSwitchChange", description: "The switch after the request." },
        errors: [],
      }),
    },
    [`${v1}/incidents`]: {
      get: operation("get", {
        id: "listIncidents",
        tag: "operators",
        summary: "List incidents, newest first",
        description: `${OPERATOR} Filter by status, kind, agent and severity; keyset pages via nextCursor.`,
        params: listQueryParameters(),
        ok: { status: 200, schema: "IncidentPage", description: "A page of incidents." },
        errors: ["ValidationFailed"],
      }),
    },
    [`${v1}/incidents/{id}/acknowledge`]: {
      post: operation("post", {
        id: "acknowledgeIncident",
        tag: "operators",
        summary: "Acknowledge an open incident",
        description: `${OPERATOR} Managers and admins. Exactly once: an incident no longer open is 409 naming who acted.`,
        params: [ID],
        body: "AcknowledgeIncidentInput",
        idempotent: false,
        ok: { status: 200, schema: "IncidentView", description: "The acknowledged incident." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    [`${v1}/incidents/{id}/resolve`]: {
      post: operation("post", {
        id: "resolveIncident",
        tag: "operators",
        summary: "Resolve an incident with a note",
        description: `${OPERATOR} Managers and admins. Exactly once: a resolved incident is 409 naming who resolved it.`,
        params: [ID],
        body: "ResolveIncidentInput",
        idempotent: false,
        ok: { status: 200, schema: "IncidentView", description: "The resolved incident." },
        errors: ["NotFound", "Conflict"],
      }),
    },
    [`${v1}/runs/{id}/budget-grant`]: {
      post: operation("post", {
        id: "grantRunBudget",
        tag: "operators",
        summary: "Let a run halted by a budget or loop breaker continue, with raised limits",
        description:
          `${OPERATOR} Managers and admins. The run is running again at once: the agent's next span batch answers continue: true. ` +
          "The new budget must be above what the run has used (422 otherwise); a run not halted by a breaker is 409. The grant is an " +
          "audit event and resolves the run's open breaker incidents.",
        params: [ID],
        body: "BudgetGrantInput",
        idempotent: false,
        ok: { status: 200, schema: "BudgetGrantResult", description: "The run with the limits now in effect." },
        errors: ["NotFound", "Conflict"],
      }),
    },
  };
}

function limitsDescription(): string {
  return [
    "The agent API of Warden. Agents authenticate with `Authorization: Bearer <API key>`; errors are RFC 9457",
    "`application/problem+json` with `fieldErrors` for validation failures. Every agent POST (but OTLP export) accepts an `Idempotency-Key`:",
    "a retry with the same key returns the first response (header `Idempotent-Replayed: true`), the same key with a",
    "different body is 422, and a concurrent duplicate is 409.",
    "",
    "Limits (also in `x-warden-limits`; OTLP ingestion has its own, described on its operation):",
    "",
    `- request body: ${LIMITS.maxBodyBytes} bytes (413 above)`,
    `- spans per batch: ${LIMITS.maxSpansPerBatch} (422 above)`,
    `- requests per API key: ${LIMITS.requestsPerMinute} per minute (429 with Retry-After above)`,
    `- long-poll wait: ${LIMITS.maxWaitSeconds} seconds at most`,
    `- identifiers and names: ${LIMITS.shortString} characters; free text: ${LIMITS.longString} characters`,
    `- Idempotency-Key: 1–${LIMITS.idempotencyKeyLength} printable ASCII characters, remembered ${LIMITS.idempotencyRetentionHours} hours`,
  ].join("\n");
}

/** The OpenAPI 3.1 document of the agent API (v1). */
export function buildOpenApiDocument(): Json {
  const responses: Json = {};
  for (const [name, r] of Object.entries(ERROR_RESPONSES)) {
    responses[name] = {
      description: r.description,
      ...(r.headers ? { headers: r.headers } : {}),
      content: { [PROBLEM]: { schema: ref("Problem") } },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Warden agent API",
      version: "1.0.0",
      description: limitsDescription(),
    },
    "x-warden-limits": { ...LIMITS, otlp: { ...OTLP_LIMITS } },
    tags: [
      { name: "agent", description: "The calling agent." },
      { name: "runs", description: "Runs and their spans: what the agent does, with tokens, cost and latency." },
      { name: "actions", description: "Ask before acting; autonomy levels decide what happens." },
      { name: "scores", description: "Quality scores from rules or LLM judges." },
      { name: "otlp", description: "OpenTelemetry ingestion." },
      { name: "action-types", description: "Policy as code: action types, their guardrails and autonomy level." },
      { name: "operators", description: "For people with a personal token: kill switches, budgets, budget grants and incidents." },
      { name: "meta", description: "This description." },
    ],
    security: [{ bearerAuth: [] }],
    paths: buildPaths(),
    components: {
      schemas: buildSchemas(),
      responses,
      parameters: {
        Id: { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            `One key per logical request, reused on its retries; remembered ${LIMITS.idempotencyRetentionHours} hours. ` +
            "A retry returns the first response; the same key with a different body is 422; while the first is in flight, 409.",
          schema: { type: "string", minLength: 1, maxLength: LIMITS.idempotencyKeyLength, pattern: "^[\\x21-\\x7e]+$" },
        },
      },
      headers: {
        RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } },
        IdempotentReplayed: {
          description: '"true" when this is the stored response of an earlier request with the same Idempotency-Key.',
          schema: { type: "string", enum: ["true"] },
        },
      },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "The agent's API key, or a person's personal token (wdp_…) for /action-types and the operator endpoints; both shown once when created.",
        },
      },
    },
  };
}
