import { decisionFor } from "../actions/action-view";
import { diffPayload, type PayloadChange } from "../actions/payload-diff";
import { assertRole, type Actor } from "../auth/roles";
import type { DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import { microsToUsd } from "../runs/run-view";

export type ActionDetail = Awaited<ReturnType<typeof getActionDetail>>;

/**
 * Everything needed to review one action: context, the run's trace so far, its history. Every
 * role may read it (it takes no claim); claiming and deciding are for reviewers and above.
 */
export async function getActionDetail(db: DbTx, actor: Actor, actionId: string, now = new Date()) {
  assertRole(actor, "viewer", "see actions");
  const a = isUuid(actionId)
    ? await db.action.findUnique({
        where: { id: actionId },
        include: {
          actionType: true,
          agent: { select: { id: true, name: true } },
          decidedBy: { select: { name: true, email: true } },
          claimedBy: { select: { id: true, name: true, email: true } },
          run: true,
        },
      })
    : null;
  if (!a) throw new NotFoundError("Action");
  const [spans, history, reviews] = await Promise.all([
    a.runId
      ? db.span.findMany({ where: { runId: a.runId }, orderBy: { startedAt: "asc" }, take: 200 })
      : Promise.resolve([]),
    db.auditEvent.findMany({ where: { targetType: "action", targetId: a.id }, orderBy: { id: "asc" } }),
    // The action's reviews and scores, and the scores its run received (rule or judge).
    db.review.findMany({
      where: { OR: [{ targetType: "action", targetId: a.id }, ...(a.runId ? [{ targetType: "run", targetId: a.runId, scoreName: { not: null } }] : [])] },
      orderBy: { createdAt: "asc" },
      include: { reviewer: { select: { name: true, email: true } } },
    }),
  ]);
  const actorIds = [...new Set(history.filter((h) => h.actorType === "user" && h.actorId).map((h) => h.actorId!))];
  const [users, links] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [],
    history.length ? db.auditChainLink.findMany({ where: { eventId: { in: history.map((h) => h.id) } }, select: { eventId: true, seq: true } }) : [],
  ]);
  const seqOf = new Map(links.map((l) => [l.eventId, Number(l.seq)]));
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const finalPayload = a.executedPayload ?? a.approvedPayload ?? null;
  const claimLive = a.claimExpiresAt && a.claimExpiresAt > now;
  const changes: PayloadChange[] = finalPayload ? diffPayload(a.proposedPayload, finalPayload) : [];

  return {
    id: a.id,
    type: { key: a.actionType.key, description: a.actionType.description, riskLabel: a.actionType.riskLabel, blocked: a.actionType.blocked, hasSchema: a.actionType.payloadSchema !== null, payloadSchema: a.actionType.payloadSchema },
    agent: a.agent,
    route: a.route,
    status: a.status,
    decision: decisionFor(a),
    level: a.levelAtRequest,
    reason: a.routeReason,
    confidence: a.confidence,
    rationale: a.rationale,
    subject: a.subjectKey,
    proposedPayload: a.proposedPayload,
    approvedPayload: a.approvedPayload,
    executedPayload: a.executedPayload,
    changes,
    decidedBy: a.decidedBy ? (a.decidedBy.name ?? a.decidedBy.email) : null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    outcome: a.outcome,
    outcomeError: a.outcomeError,
    executedDigest: a.executedDigest,
    digestMismatch: a.digestMismatch,
    createdAt: a.createdAt.toISOString(),
    dueAt: a.dueAt?.toISOString() ?? null,
    escalatedAt: a.escalatedAt?.toISOString() ?? null,
    claim: claimLive
      ? { byMe: a.claimedBy?.id === actor.id, by: a.claimedBy ? (a.claimedBy.name ?? a.claimedBy.email) : null, until: a.claimExpiresAt!.toISOString() }
      : null,
    run: a.run
      ? {
          id: a.run.id,
          status: a.run.status,
          startedAt: a.run.startedAt.toISOString(),
          costUsd: microsToUsd(a.run.costMicros),
          inputTokens: Number(a.run.inputTokens),
          outputTokens: Number(a.run.outputTokens),
          spanCount: a.run.spanCount,
        }
      : null,
    spans: spans.map((s) => ({
      id: s.id,
      externalId: s.externalId,
      parentId: s.parentId,
      kind: s.kind,
      name: s.name,
      model: s.model,
      status: s.status,
      startedAt: s.startedAt.toISOString(),
      durationMs: s.durationMs,
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      costUsd: microsToUsd(s.costMicros),
    })),
    scores: reviews
      .filter((r) => r.scoreName !== null && r.score !== null)
      .map((r) => ({ id: r.id, on: r.targetType === "run" ? ("run" as const) : ("action" as const), name: r.scoreName!, value: r.score!, source: r.source, comment: r.comment, createdAt: r.createdAt.toISOString() })),
    reviews: reviews.filter((r) => r.targetType === "action" && r.scoreName === null).map((r) => ({ id: r.id, source: r.source, verdict: r.verdict, score: r.score, scoreName: r.scoreName, comment: r.comment, by: r.reviewer ? (r.reviewer.name ?? r.reviewer.email) : null, createdAt: r.createdAt.toISOString() })),
    history: history.map((h) => ({
      id: String(h.id),
      action: h.action,
      actor: h.actorType === "user" ? (userName.get(h.actorId ?? "") ?? "a user") : h.actorType === "agent" ? a.agent.name : "Warden",
      at: h.createdAt.toISOString(),
      after: h.after,
      // The receipt, and the event's place in the hash chain (null until linked, seconds later).
      policyVersion: h.policyVersion,
      payloadDigest: h.payloadDigest,
      seq: seqOf.get(h.id) ?? null,
    })),
  };
}
