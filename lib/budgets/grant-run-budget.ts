import { recordAuditEvent } from "../audit";
import { assertRole, type Actor } from "../auth/roles";
import { withTx, type DbTx } from "../db/client";
import { isUuid } from "../db/ids";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { markResolved } from "../incidents/settle-incident";
import { formatTokens, formatUsd, usdToMicros } from "./money";
import { checkRunBudgets, DEFAULT_LOOP_THRESHOLD } from "./rules";
import { budgetGrantInput, type BudgetGrantResult, type RunLimitsView } from "./schemas";

// "Escalate instead of only killing": a manager lets a run that a breaker halted go on, with
// raised limits for that run only. The run is running again at once, so the agent's next batch
// answers continue: true; the grant is an audit event, and resolves the run's open breaker
// incidents with its reason. All in one transaction; a refused grant changes nothing.

type RunRow = {
  id: string;
  agentId: string;
  status: string;
  haltRule: string | null;
  haltReason: string | null;
  haltedAt: Date | null;
  costMicros: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
  costBudgetMicros: bigint | null;
  tokenBudget: bigint | null;
  loopThreshold: number | null;
  agent: { name: string; runCostBudgetMicros: bigint | null; runTokenBudget: bigint | null; loopThreshold: number | null };
};

const RUN_SELECT = {
  id: true,
  agentId: true,
  status: true,
  haltRule: true,
  haltReason: true,
  haltedAt: true,
  costMicros: true,
  inputTokens: true,
  outputTokens: true,
  costBudgetMicros: true,
  tokenBudget: true,
  loopThreshold: true,
  agent: { select: { name: true, runCostBudgetMicros: true, runTokenBudget: true, loopThreshold: true } },
} as const;

export function toRunLimitsView(r: RunRow): RunLimitsView {
  const cost = r.costBudgetMicros ?? r.agent.runCostBudgetMicros;
  const tokens = r.tokenBudget ?? r.agent.runTokenBudget;
  return {
    id: r.id,
    agentId: r.agentId,
    agentName: r.agent.name,
    status: r.status as RunLimitsView["status"],
    haltRule: (r.haltRule as RunLimitsView["haltRule"]) ?? null,
    haltReason: r.haltReason,
    haltedAt: r.haltedAt?.toISOString() ?? null,
    totals: { costUsd: Number(r.costMicros) / 1e6, tokens: Number(r.inputTokens + r.outputTokens) },
    budgets: {
      costUsd: cost === null ? null : Number(cost) / 1e6,
      tokens: tokens === null ? null : Number(tokens),
      loopThreshold: r.loopThreshold ?? r.agent.loopThreshold ?? DEFAULT_LOOP_THRESHOLD,
      granted: r.costBudgetMicros !== null || r.tokenBudget !== null || r.loopThreshold !== null,
    },
  };
}

/** A run with the limits in effect for it (every signed-in role may read it). */
export async function getRunLimits(db: DbTx, _actor: Actor, runId: string): Promise<RunLimitsView> {
  const run = isUuid(runId) ? await db.run.findUnique({ where: { id: runId }, select: RUN_SELECT }) : null;
  if (!run) throw new NotFoundError("Run");
  return toRunLimitsView(run);
}

/** An agent's runs a breaker halted, newest first: where a manager grants one more room. */
export async function listHaltedRuns(db: DbTx, _actor: Actor, agentId: string, limit = 10): Promise<RunLimitsView[]> {
  if (!isUuid(agentId)) return [];
  const runs = await db.run.findMany({
    where: { agentId, status: "halted", haltRule: { not: null } },
    orderBy: { haltedAt: "desc" },
    take: limit,
    select: RUN_SELECT,
  });
  return runs.map(toRunLimitsView);
}

export async function grantRunBudget(db: DbTx, actor: Actor, runId: string, raw: unknown): Promise<BudgetGrantResult> {
  assertRole(actor, "manager", "grant a run more budget");
  const input = budgetGrantInput.parse(raw);
  return withTx(db, async (tx) => {
    const locked = isUuid(runId) ? await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM runs WHERE id = ${runId}::uuid FOR UPDATE` : [];
    if (locked.length === 0) throw new NotFoundError("Run");
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: RUN_SELECT });
    if (run.status !== "halted" || !run.haltRule) {
      throw new ConflictError(
        run.status === "halted"
          ? "This run was not halted by a budget or loop breaker, so there is nothing to grant."
          : `This run is ${run.status}: only a run halted by a budget or loop breaker can be granted more.`,
        { runStatus: run.status },
      );
    }
    const cost = input.costBudgetUsd === undefined ? (run.costBudgetMicros ?? run.agent.runCostBudgetMicros) : usdToMicros(input.costBudgetUsd);
    const tokens = input.tokenBudget === undefined ? (run.tokenBudget ?? run.agent.runTokenBudget) : BigInt(input.tokenBudget);
    const totals = { costMicros: run.costMicros, tokens: run.inputTokens + run.outputTokens };
    // The budget that tripped must leave room to go on; no other may be over already.
    const noRoom =
      (run.haltRule === "cost_budget" && cost !== null && totals.costMicros >= cost) || (run.haltRule === "token_budget" && tokens !== null && totals.tokens >= tokens);
    const stillOver = noRoom ? { rule: run.haltRule } : checkRunBudgets(totals, { costMicros: cost, tokens });
    if (stillOver) {
      const field = stillOver.rule === "cost_budget" ? "costBudgetUsd" : "tokenBudget";
      const now = stillOver.rule === "cost_budget" ? `${formatUsd(totals.costMicros)} so far` : `${formatTokens(totals.tokens)} tokens so far`;
      throw new ValidationError(`The run would stop again at once: raise ${field} above what it has used (${now}).`, [{ path: field, message: `must be above ${now}` }]);
    }
    const data = {
      costBudgetMicros: input.costBudgetUsd === undefined ? run.costBudgetMicros : cost,
      tokenBudget: input.tokenBudget === undefined ? run.tokenBudget : tokens,
      loopThreshold: input.loopThreshold ?? run.loopThreshold,
    };
    // Loop detection starts afresh: the calls that tripped it are not counted again.
    await tx.$executeRaw`
      UPDATE runs SET status = 'running', halt_reason = NULL, halt_rule = NULL, halted_at = NULL,
        cost_budget_micros = ${data.costBudgetMicros}, token_budget = ${data.tokenBudget}, loop_threshold = ${data.loopThreshold},
        loop_window_start = (SELECT max(started_at) FROM spans WHERE run_id = ${run.id}::uuid AND kind = 'tool')
      WHERE id = ${run.id}::uuid`;
    const after = await tx.run.findUniqueOrThrow({ where: { id: run.id }, select: RUN_SELECT });
    const view = toRunLimitsView(after);
    await recordAuditEvent(tx, {
      actor: { type: "user", id: actor.id },
      action: "run.budget_granted",
      targetType: "run",
      targetId: run.id,
      before: { status: "halted", rule: run.haltRule, reason: run.haltReason, budgets: toRunLimitsView(run).budgets },
      after: { status: "running", budgets: view.budgets, reason: input.reason },
      agentId: run.agentId,
      // The receipt of a grant: what was granted (no action type's policy is involved).
      receipt: { policyVersion: null, payload: { runId: run.id, budgets: view.budgets } },
    });
    const open = await tx.incident.findMany({
      where: { runId: run.id, kind: { in: ["budget_exceeded", "loop_detected"] }, status: { in: ["open", "acknowledged"] } },
      select: { id: true },
    });
    const resolved: string[] = [];
    for (const i of open) {
      if (await markResolved(tx, actor, i.id, `Budget grant: ${input.reason}`)) resolved.push(i.id);
    }
    return { run: view, resolvedIncidents: resolved };
  });
}
