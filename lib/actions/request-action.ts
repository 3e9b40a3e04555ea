import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { ensureActionType } from "../action-types";
import { recordAuditEvent } from "../audit";
import { bumpEvidence } from "../autonomy/bump-evidence";
import { withTx, type DbTx } from "../db/client";
import { ValidationError } from "../errors";
import type { ActionStatus, Prisma } from "../generated/prisma/client";
import { decideRoute, rolloutBucket, type Level, type Route } from "../policy";
import { getOwnRunOrThrow } from "../runs/get-run";
import { metrics } from "../observability";
import { getKillSwitches } from "../switches";
import { toActionView } from "./action-view";
import { payloadSchemaErrors } from "./payload-schema";
import { requestActionInput, type ActionView } from "./schemas";

const STATUS_BY_ROUTE: Record<Exclude<Route, "rejected">, ActionStatus> = {
  execute: "approved",
  approval: "pending",
  draft: "pending",
  halted: "halted",
};

/**
 * An agent asks to act. The policy decides (lib/policy); the action is stored with the level
 * and route it got, and the agent is told what to do. A payload that fails the type's schema
 * is refused with 422 and nothing is stored.
 */
export async function requestAction(db: DbTx, agent: AuthenticatedAgent, raw: unknown, now = new Date()): Promise<ActionView> {
  const input = requestActionInput.parse(raw);
  const run = input.runId ? await getOwnRunOrThrow(db, agent, input.runId) : null;
  const type = await ensureActionType(db, input.type);
  const switches = await getKillSwitches(db, agent.agentId);

  const decision = decideRoute({
    killSwitches: { global: switches.global, agent: switches.agent, actionType: type.killSwitch },
    schemaErrors: payloadSchemaErrors(type.payloadSchema, input.payload),
    runBreaker: run?.status === "halted" ? { tripped: true, reason: run.haltReason ?? "the run was halted" } : { tripped: false },
    actionType: {
      level: type.level as Level,
      blocked: type.blocked,
      minConfidence: type.minConfidence,
      auditSampleRate: type.auditSampleRate,
      rolloutStage: type.rolloutStage,
    },
    confidence: input.confidence ?? null,
    rolloutBucket: rolloutBucket(input.subject ?? run?.endUser ?? run?.id ?? agent.agentId),
    auditDraw: Math.random(),
  });
  if (decision.route === "rejected") {
    metrics.actionRequests.inc({ decision: "rejected" });
    throw new ValidationError(decision.reason, payloadSchemaErrors(type.payloadSchema, input.payload));
  }

  const status = STATUS_BY_ROUTE[decision.route];
  const action = await withTx(db, async (tx) => {
    const a = await tx.action.create({
      data: {
        agentId: agent.agentId,
        runId: run?.id ?? null,
        actionTypeId: type.id,
        proposedPayload: input.payload as Prisma.InputJsonValue,
        rationale: input.rationale ?? null,
        confidence: input.confidence ?? null,
        subjectKey: input.subject ?? null,
        levelAtRequest: decision.level,
        route: decision.route,
        routeReason: decision.reason,
        status,
        auditSampled: decision.auditSampled,
        decidedAt: status === "pending" ? null : now,
        dueAt: decision.route === "approval" ? new Date(now.getTime() + type.approvalTimeoutSeconds * 1000) : null,
      },
    });
    await bumpEvidence(tx, type.id, { requests: 1 }, now);
    await recordAuditEvent(tx, {
      actor: { type: "agent", id: agent.agentId },
      action: "action.requested",
      targetType: "action",
      targetId: a.id,
      after: { type: type.key, route: decision.route, level: decision.level, status },
    });
    return a;
  });
  const view = toActionView(action, type.key);
  metrics.actionRequests.inc({ decision: view.decision });
  return view;
}
