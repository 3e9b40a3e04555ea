import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { recordAuditEvent } from "../audit";
import { bumpEvidence } from "../autonomy/bump-evidence";
import { withTx, type DbTx } from "../db/client";
import { ConflictError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { raiseIncident } from "../incidents";
import { payloadDigest } from "../sdk/canonical-json";
import { toActionView } from "./action-view";
import { getOwnActionOrThrow } from "./get-action";
import { actionResultInput, type ActionView } from "./schemas";

/**
 * The agent reports what happened when it executed an approved action. Counted later as
 * evidence for autonomy. Only actions the agent was told to execute can have a result.
 *
 * With the digest of what it executed (the SDK sends it), the result is the last receipt of the
 * action's chain: a digest other than the approved payload's flags the action and raises a
 * critical incident, in the same transaction (docs/audit-log.md#executed-payload-digest).
 */
export async function reportActionResult(db: DbTx, agent: AuthenticatedAgent, actionId: string, raw: unknown): Promise<ActionView> {
  const input = actionResultInput.parse(raw);
  const a = await getOwnActionOrThrow(db, agent, actionId);
  const target = input.status === "succeeded" ? "executed" : "failed";
  if (a.status === target) return toActionView(a, a.actionType.key); // the same report again
  if (a.status !== "approved") {
    throw new ConflictError(`Only an approved action can have a result; this one is ${a.status}.`, { actionStatus: a.status });
  }
  const approved = a.approvedPayload ?? a.proposedPayload;
  const approvedDigest = payloadDigest(approved);
  const executedDigest = input.payloadDigest ?? null;
  const mismatch = executedDigest !== null && executedDigest !== approvedDigest;
  const updated = await withTx(db, async (tx) => {
    const res = await tx.action.updateMany({
      where: { id: a.id, status: "approved", version: a.version },
      data: {
        status: target,
        outcome: input.status,
        outcomeOutput: input.output as Prisma.InputJsonValue | undefined,
        outcomeError: input.error ?? null,
        outcomeAt: new Date(),
        // What ran is known only when it matches what was approved; otherwise only its digest is.
        executedPayload: mismatch ? undefined : (approved as Prisma.InputJsonValue),
        executedDigest,
        digestMismatch: mismatch,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) throw new ConflictError("The action changed meanwhile; read it again.");
    await bumpEvidence(tx, a.actionTypeId, { executions: 1, failedExecutions: target === "failed" ? 1 : 0 });
    await recordAuditEvent(tx, {
      actor: { type: "agent", id: agent.agentId },
      action: "action.result_reported",
      targetType: "action",
      targetId: a.id,
      before: { status: a.status },
      after: { status: target, error: input.error ?? null, approvedDigest, executedDigest, digestMismatch: mismatch },
      agentId: a.agentId,
      actionTypeId: a.actionTypeId,
      // Applied to what the agent says it executed; without a digest, to what was approved.
      receipt: { policyVersion: a.actionType.version, payloadDigest: executedDigest ?? approvedDigest },
    });
    if (mismatch) {
      await raiseIncident(tx, {
        kind: "payload_digest_mismatch",
        severity: "critical",
        title: `${a.actionType.key}: the agent executed a payload other than the one approved`,
        agentId: a.agentId,
        runId: a.runId,
        actionTypeId: a.actionTypeId,
        details: { actionId: a.id, approvedDigest, executedDigest },
      });
    }
    return tx.action.findUniqueOrThrow({ where: { id: a.id } });
  });
  return toActionView(updated, a.actionType.key);
}
