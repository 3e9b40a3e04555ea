import { randomUUID } from "node:crypto";
import { resolveAgentKey, type AuthenticatedAgent, type CachedAgent } from "../agents/authenticate-agent";
import { cachedActionType, forgetActionType } from "../action-types/cached-action-type";
import { answerFor, KeyInProgressError, type Answer, type IdempotencyKey } from "../api/idempotency";
import { consumeRateLimit, rateLimited } from "../api/rate-limit";
import type { DbTx } from "../db/client";
import { ConflictError, ValidationError } from "../errors";
import type { ActionStatus, ActionType, Run } from "../generated/prisma/client";
import { metrics } from "../observability";
import { decideRoute, rolloutBucket, type Level, type PolicyDecision, type Route } from "../policy";
import { getOwnRunOrThrow } from "../runs/get-run";
import { cachedGlobalSwitch, getKillSwitches } from "../switches";
import { toActionView, type ActionViewSource } from "./action-view";
import { commitActionRequest, type Assumed, type PlannedAction } from "./commit-action-request";
import { payloadSchemaErrors } from "./payload-schema";
import { requestActionInput, type ActionView, type RequestActionInput } from "./schemas";

const STATUS_BY_ROUTE: Record<Exclude<Route, "rejected">, ActionStatus> = {
  execute: "approved",
  approval: "pending",
  draft: "pending",
  halted: "halted",
};

// A type seen for the first time is registered at level 3 with no guardrails (the database's
// defaults); with no guardrails, only the level decides.
const NEW_TYPE = { level: 3 as Level, blocked: false, killSwitch: false, minConfidence: null, auditSampleRate: 0, rolloutStage: "pct100" as const, payloadSchema: null, approvalTimeoutSeconds: 86_400 };

type Context = {
  agent: CachedAgent;
  global: boolean;
  type: ActionType | null;
  run: Pick<Run, "id" | "status" | "haltReason" | "endUser"> | null;
};

/** What the route passes in: who is asking, and the bookkeeping folded into the write. */
export type RequestBookkeeping = {
  /**
   * The caller as the route resolved it through the key cache (re-resolved from the database by
   * its Authorization header when the write finds the cache out of date), or an agent already
   * authenticated (in-process callers).
   */
  caller: { authorization: string | null; agent: CachedAgent } | { agent: AuthenticatedAgent };
  rateLimit: { perMinute: number } | null;
  idempotency: IdempotencyKey | null;
};

const MAX_ATTEMPTS = 3;

/**
 * An agent asks to act (POST /api/v1/actions). The policy (lib/policy) decides from the agent,
 * the action type, the switches and the run; the action is recorded with the level and route it
 * got, in one statement that first proves the context still holds (commit-action-request.ts).
 * The first attempt decides from this instance's caches; when the statement finds them out of
 * date it writes nothing and the request is decided again from the database. A payload that
 * fails the type's schema is refused with 422 and nothing is stored.
 */
export async function authorizeAction(db: DbTx, raw: unknown, b: RequestBookkeeping, now = new Date()): Promise<Answer> {
  const input = requestActionInput.parse(raw);
  let countRate = b.rateLimit !== null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const fresh = attempt > 0;
    const ctx = await loadContext(db, b.caller, input, fresh);
    const decision = decide(ctx, input);
    if (decision.route === "rejected") {
      // A refusal writes nothing, so no statement proves the cached schema current: check first.
      if (!fresh) continue;
      metrics.actionRequests.inc({ decision: "rejected" });
      // Counted like any other request, though nothing is recorded.
      if (countRate) await consumeRateLimit(db, ctx.agent.keyId, b.rateLimit!.perMinute, now);
      throw new ValidationError(decision.reason, payloadSchemaErrors(ctx.type?.payloadSchema ?? null, input.payload));
    }
    const planned = plan(ctx, input, decision, now);
    const view = viewOf(planned, input.type);
    const assumed: Assumed = {
      keyId: ctx.agent.keyId,
      agentId: ctx.agent.agentId,
      agentKillSwitch: ctx.agent.killSwitch,
      globalKillSwitch: ctx.global,
      type: ctx.type ? { id: ctx.type.id, key: ctx.type.key, version: ctx.type.version } : { id: randomUUID(), key: input.type, version: null },
      run: ctx.run ? { id: ctx.run.id, halted: ctx.run.status === "halted" } : input.runId ? { id: input.runId, halted: false } : null,
    };
    const outcome = await commitActionRequest(db, assumed, planned, {
      rateLimit: countRate ? b.rateLimit : null,
      idempotency: b.idempotency ? { key: b.idempotency, response: { status: 201, body: view } } : null,
    });
    countRate = false;
    switch (outcome.kind) {
      case "recorded":
        metrics.actionRequests.inc({ decision: view.decision });
        return { status: 201, body: view, replayed: false };
      case "rate_limited":
        throw rateLimited(b.rateLimit!.perMinute, now);
      case "key_in_progress":
        throw new KeyInProgressError();
      case "key_used":
        return answerFor(b.idempotency!, outcome.record);
      case "raced":
        continue;
      case "stale":
        forgetActionType(input.type);
        continue;
    }
  }
  throw new ConflictError("The agent, its run or the action type kept changing while this request was decided; retry.", { retryAfterSeconds: 1 });
}

/** An agent already authenticated asks to act, without rate limit or Idempotency-Key (in-process callers). */
export async function requestAction(db: DbTx, agent: AuthenticatedAgent, raw: unknown, now = new Date()): Promise<ActionView> {
  const answer = await authorizeAction(db, raw, { caller: { agent }, rateLimit: null, idempotency: null }, now);
  return answer.body as ActionView;
}

async function resolveCaller(db: DbTx, caller: RequestBookkeeping["caller"], fresh: boolean): Promise<CachedAgent> {
  if ("authorization" in caller) return fresh ? resolveAgentKey(db, caller.authorization, { fresh }) : caller.agent;
  const switches = await getKillSwitches(db, caller.agent.agentId);
  return { ...caller.agent, killSwitch: switches.agent };
}

async function loadContext(db: DbTx, caller: RequestBookkeeping["caller"], input: RequestActionInput, fresh: boolean): Promise<Context> {
  const [agent, global, type] = await Promise.all([
    resolveCaller(db, caller, fresh),
    cachedGlobalSwitch(db, { fresh }),
    cachedActionType(db, input.type, { fresh }),
  ]);
  // The run is read when the decision depends on more than "not halted" (assumed, then proven
  // at write time): after a refusal, or when a partial rollout buckets by the run's end user.
  const needRun = input.runId && (fresh || (type && type.rolloutStage !== "pct100" && !input.subject));
  const run = needRun ? await getOwnRunOrThrow(db, agent, input.runId!) : null;
  return { agent, global, type, run };
}

function decide(ctx: Context, input: RequestActionInput): PolicyDecision {
  const t = ctx.type ?? NEW_TYPE;
  return decideRoute({
    killSwitches: { global: ctx.global, agent: ctx.agent.killSwitch, actionType: t.killSwitch },
    schemaErrors: payloadSchemaErrors(t.payloadSchema, input.payload),
    runBreaker: ctx.run?.status === "halted" ? { tripped: true, reason: ctx.run.haltReason ?? "the run was halted" } : { tripped: false },
    actionType: {
      level: t.level as Level,
      blocked: t.blocked,
      minConfidence: t.minConfidence,
      auditSampleRate: t.auditSampleRate,
      rolloutStage: t.rolloutStage,
    },
    confidence: input.confidence ?? null,
    rolloutBucket: rolloutBucket(input.subject ?? ctx.run?.endUser ?? input.runId ?? ctx.agent.agentId),
    auditDraw: Math.random(),
  });
}

function plan(ctx: Context, input: RequestActionInput, d: PolicyDecision, now: Date): PlannedAction {
  const status = STATUS_BY_ROUTE[d.route as Exclude<Route, "rejected">];
  const timeout = ctx.type?.approvalTimeoutSeconds ?? NEW_TYPE.approvalTimeoutSeconds;
  return {
    id: randomUUID(),
    runId: input.runId ?? null,
    proposedPayload: input.payload,
    rationale: input.rationale ?? null,
    confidence: input.confidence ?? null,
    subject: input.subject ?? null,
    level: d.level,
    route: d.route as PlannedAction["route"],
    reason: d.reason,
    status,
    auditSampled: d.auditSampled,
    decidedAt: status === "pending" ? null : now,
    dueAt: d.route === "approval" ? new Date(now.getTime() + timeout * 1000) : null,
    createdAt: now,
    audit: { type: input.type, route: d.route, level: d.level, status },
  };
}

function viewOf(a: PlannedAction, typeKey: string): ActionView {
  return toActionView(
    {
      id: a.id,
      runId: a.runId,
      status: a.status,
      route: a.route,
      levelAtRequest: a.level,
      routeReason: a.reason,
      approvedPayload: null,
      proposedPayload: a.proposedPayload as ActionViewSource["proposedPayload"],
      confidence: a.confidence,
      decidedAt: a.decidedAt,
      decisionReason: null,
      outcome: null,
      createdAt: a.createdAt,
    },
    typeKey,
  );
}
