import { recordAuditEvent } from "../audit";
import { assertRole, type Actor } from "../auth/roles";
import { DEFAULT_LOOP_THRESHOLD, readSpend, usdToMicros } from "../budgets";
import { withTx, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { NotFoundError } from "../errors";
import type { Agent } from "../generated/prisma/client";
import { applyKillSwitch } from "../switches/set-kill-switch";
import { updateAgentControlsInput, type AgentControlsView } from "./schemas";

// An agent's cost controls and kill switch (lib/budgets enforces them): every signed-in role may
// read them; managers change them, limits and switch in one transaction.

const usd = (m: bigint | null) => (m === null ? null : Number(m) / 1e6);

async function view(db: DbTx, a: Agent): Promise<AgentControlsView> {
  const spend = await readSpend(db, a.id);
  return {
    id: a.id,
    name: a.name,
    status: a.status,
    killSwitch: { on: a.killSwitch, reason: a.killSwitchReason, changedAt: a.killSwitchChangedAt?.toISOString() ?? null },
    limits: {
      runCostBudgetUsd: usd(a.runCostBudgetMicros),
      runTokenBudget: a.runTokenBudget === null ? null : Number(a.runTokenBudget),
      loopThreshold: a.loopThreshold,
      effectiveLoopThreshold: a.loopThreshold ?? DEFAULT_LOOP_THRESHOLD,
      hourlySpendAlertUsd: usd(a.hourlySpendAlertMicros),
      dailySpendAlertUsd: usd(a.dailySpendAlertMicros),
      dailySpendCapUsd: usd(a.dailySpendCapMicros),
    },
    spend: { thisHourUsd: Number(spend.hourMicros) / 1e6, todayUsd: Number(spend.dayMicros) / 1e6 },
  };
}

async function findAgent(db: DbTx, id: string): Promise<Agent> {
  const a = isUuid(id) ? await db.agent.findUnique({ where: { id } }) : null;
  if (!a) throw new NotFoundError("Agent");
  return a;
}

export async function getAgentControls(db: DbTx, _actor: Actor, agentId: string): Promise<AgentControlsView> {
  return view(db, await findAgent(db, agentId));
}

export async function updateAgentControls(db: DbTx, actor: Actor, agentId: string, raw: unknown): Promise<AgentControlsView> {
  assertRole(actor, "manager", "change an agent's limits or kill switch");
  const { killSwitch, reason, ...limits } = updateAgentControlsInput.parse(raw);
  const micros = (v: number | null | undefined) => (v === undefined ? undefined : v === null ? null : usdToMicros(v));
  const data = {
    runCostBudgetMicros: micros(limits.runCostBudgetUsd),
    runTokenBudget: limits.runTokenBudget === undefined ? undefined : limits.runTokenBudget === null ? null : BigInt(limits.runTokenBudget),
    loopThreshold: limits.loopThreshold,
    hourlySpendAlertMicros: micros(limits.hourlySpendAlertUsd),
    dailySpendAlertMicros: micros(limits.dailySpendAlertUsd),
    dailySpendCapMicros: micros(limits.dailySpendCapUsd),
  };
  const changed = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return withTx(db, async (tx) => {
    const before = await findAgent(tx, agentId);
    if (Object.keys(changed).length) {
      await tx.agent.update({ where: { id: before.id }, data: changed });
      const pick = (a: Agent) => Object.fromEntries(Object.keys(changed).map((k) => [k, (a as Record<string, unknown>)[k]?.toString() ?? null]));
      const after = await tx.agent.findUniqueOrThrow({ where: { id: before.id } });
      await recordAuditEvent(tx, {
        actor: { type: "user", id: actor.id },
        action: "agent.limits_updated",
        targetType: "agent",
        targetId: before.id,
        before: pick(before),
        after: pick(after),
        receipt: { policyVersion: null, payload: pick(after) },
      });
    }
    if (killSwitch !== undefined) await applyKillSwitch(tx, { actor }, { kind: "agent", agentId: before.id }, killSwitch, reason ?? null);
    return view(tx, await findAgent(tx, before.id));
  });
}
