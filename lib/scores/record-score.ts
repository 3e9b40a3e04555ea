import type { AuthenticatedAgent } from "../agents/authenticate-agent";
import { getOwnActionOrThrow } from "../actions/get-action";
import type { DbTx } from "../db/client";
import { getOwnRunOrThrow } from "../runs/get-run";
import { recordScoreInput, type ScoreView } from "./schemas";

/** A quality score from a rule or an LLM judge, on one of the agent's own runs or actions. */
export async function recordScore(db: DbTx, agent: AuthenticatedAgent, raw: unknown): Promise<ScoreView> {
  const input = recordScoreInput.parse(raw);
  const target = input.runId
    ? { type: "run" as const, id: (await getOwnRunOrThrow(db, agent, input.runId)).id }
    : { type: "action" as const, id: (await getOwnActionOrThrow(db, agent, input.actionId!)).id };
  const r = await db.review.create({
    data: {
      targetType: target.type,
      targetId: target.id,
      source: input.source,
      scoreName: input.name,
      score: input.value,
      comment: input.comment ?? null,
      tags: input.tags ?? [],
    },
  });
  return {
    id: r.id,
    targetType: target.type,
    targetId: target.id,
    name: input.name,
    value: input.value,
    source: input.source,
    createdAt: r.createdAt.toISOString(),
  };
}
