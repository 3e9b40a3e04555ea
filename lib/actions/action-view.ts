import type { Action } from "../generated/prisma/client";
import type { ActionView, Decision } from "./schemas";

/** What the agent should do, from the action's state. A reviewer's edit replaces the proposal. */
export function decisionFor(a: Pick<Action, "status" | "route">): Decision {
  switch (a.status) {
    case "approved":
    case "executed":
    case "failed":
      return "execute";
    case "pending":
      return a.route === "draft" ? "draft" : "wait";
    case "drafted":
    case "discarded":
      return "draft";
    case "rejected":
    case "expired":
    case "cancelled": // withdrawn by the agent: nothing left to act on
      return "rejected";
    case "halted":
      return "halted";
  }
}

export type ActionViewSource = Pick<
  Action,
  "id" | "runId" | "status" | "route" | "levelAtRequest" | "routeReason" | "approvedPayload" | "proposedPayload" | "confidence" | "decidedAt" | "decisionReason" | "outcome" | "createdAt"
>;

export function toActionView(a: ActionViewSource, typeKey: string): ActionView {
  return {
    id: a.id,
    type: typeKey,
    runId: a.runId,
    decision: decisionFor(a),
    status: a.status,
    level: a.levelAtRequest,
    reason: a.routeReason,
    payload: (a.approvedPayload ?? a.proposedPayload) as ActionView["payload"],
    proposedPayload: a.proposedPayload as ActionView["payload"],
    confidence: a.confidence,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    outcome: a.outcome,
    createdAt: a.createdAt.toISOString(),
  };
}
