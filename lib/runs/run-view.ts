import type { Run } from "../generated/prisma/client";
import type { RunView } from "./schemas";

export const microsToUsd = (m: bigint | number) => Number(m) / 1_000_000;

export function toRunView(r: Run): RunView {
  return {
    id: r.id,
    externalId: r.externalId,
    status: r.status,
    haltReason: r.haltReason,
    agentVersion: r.agentVersion,
    sessionId: r.sessionId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    totals: {
      inputTokens: Number(r.inputTokens),
      outputTokens: Number(r.outputTokens),
      costUsd: microsToUsd(r.costMicros),
      spanCount: r.spanCount,
      durationMs: r.endedAt ? r.endedAt.getTime() - r.startedAt.getTime() : null,
    },
  };
}
