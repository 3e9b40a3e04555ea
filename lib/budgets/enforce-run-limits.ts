import { haltPendingActions } from "../actions/halt-pending-actions";
import { recordAuditEvent } from "../audit";
import type { DbTx } from "../db/client";
import { raiseIncident } from "../incidents/raise-incident";
import { applyKillSwitch } from "../switches/set-kill-switch";
import { formatUsd } from "./money";
import { checkRunBudgets, DEFAULT_LOOP_THRESHOLD, detectLoop, spendVerdicts, type SpendVerdict, type Trip } from "./rules";
import { bumpSpend, dayOf, hourOf } from "./spend-counters";

// The breakers in action (docs/policy-and-autonomy.md), called for every span batch — REST and
// OTLP alike — in the batch's own transaction, after its spans were added to the run's totals
// (which locked the run's row, so batches of one run are checked one after the other):
//   1. the batch's cost and tokens are added to the agent's hourly spend counters; a spend alert
//      threshold crossed raises one incident per window, the daily hard cap turns the agent's
//      kill switch on;
//   2. a running run over its cost or token budget, or whose latest tool calls are a loop, is
//      halted: status halted with the reason, its pending actions halted (their long-polls
//      answer at once), an incident and an audit event.
// The batch's response then says continue: false with that reason (lib/runs/run-guard.ts).

/** The run as the span insert returned it. */
export type RunAfterBatch = {
  id: string;
  agentId: string;
  status: string;
  haltReason: string | null;
  inputTokens: bigint;
  outputTokens: bigint;
  costMicros: bigint;
};

/** What the batch added (spans already stored before are not counted twice). */
export type BatchTotals = { accepted: number; costMicros: bigint; tokens: bigint; toolCalls: boolean };

type Limits = {
  agent_name: string;
  run_cost_budget_micros: bigint | null;
  run_token_budget: bigint | null;
  hourly_spend_alert_micros: bigint | null;
  daily_spend_alert_micros: bigint | null;
  daily_spend_cap_micros: bigint | null;
  agent_loop_threshold: number | null;
  cost_budget_micros: bigint | null;
  token_budget: bigint | null;
  loop_threshold: number | null;
  loop_window_start: Date | null;
};

const big = (v: bigint | number | string | null) => (v === null ? null : BigInt(v));

/**
 * Returns the run as it is now (halted when a breaker tripped) and, when this batch turned the
 * agent's kill switch on (the daily cap), the reason to stop that the run itself does not carry.
 */
export async function enforceRunLimits<R extends RunAfterBatch>(tx: DbTx, run: R, batch: BatchTotals, now = new Date()): Promise<{ run: R; stop: string | null }> {
  const unchanged = { run, stop: null };
  if (batch.accepted === 0) return unchanged;
  const [limits] = await tx.$queryRaw<Limits[]>`
    SELECT a.name AS agent_name, a.run_cost_budget_micros, a.run_token_budget, a.hourly_spend_alert_micros,
           a.daily_spend_alert_micros, a.daily_spend_cap_micros, a.loop_threshold AS agent_loop_threshold,
           r.cost_budget_micros, r.token_budget, r.loop_threshold, r.loop_window_start
    FROM runs r JOIN agents a ON a.id = r.agent_id WHERE r.id = ${run.id}::uuid`;
  if (!limits) return unchanged;
  let stop: string | null = null;

  if (batch.costMicros > 0n || batch.tokens > 0n) {
    const spent = await bumpSpend(tx, run.agentId, batch.costMicros, batch.tokens, now);
    const verdicts = spendVerdicts(spent, {
      hourlyAlertMicros: big(limits.hourly_spend_alert_micros),
      dailyAlertMicros: big(limits.daily_spend_alert_micros),
      dailyCapMicros: big(limits.daily_spend_cap_micros),
    });
    for (const v of verdicts) {
      if (await raiseSpendIncident(tx, run, limits.agent_name, v, now)) stop = `${v.reason} The agent's kill switch is now on.`;
    }
  }

  if (run.status !== "running") return { run, stop };
  const trip =
    checkRunBudgets(
      { costMicros: BigInt(run.costMicros), tokens: BigInt(run.inputTokens) + BigInt(run.outputTokens) },
      { costMicros: big(limits.cost_budget_micros ?? limits.run_cost_budget_micros), tokens: big(limits.token_budget ?? limits.run_token_budget) },
    ) ?? (batch.toolCalls ? await checkLoop(tx, run.id, limits.loop_threshold ?? limits.agent_loop_threshold ?? DEFAULT_LOOP_THRESHOLD, limits.loop_window_start) : null);
  if (!trip || !(await haltRun(tx, run, limits.agent_name, trip, now))) return { run, stop };
  return { run: { ...run, status: "halted", haltReason: trip.reason }, stop };
}

/** The run's latest tool calls, newest first, after the loop window a budget grant may have moved. */
async function checkLoop(tx: DbTx, runId: string, threshold: number, since: Date | null): Promise<Trip | null> {
  const calls = await tx.$queryRaw<{ name: string; input: unknown }[]>`
    SELECT name, input FROM spans
    WHERE run_id = ${runId}::uuid AND kind = 'tool' AND (${since}::timestamptz IS NULL OR started_at > ${since}::timestamptz)
    ORDER BY started_at DESC, id DESC
    LIMIT ${threshold + 1}`;
  return detectLoop(calls, threshold).trip;
}

/** Halts a running run for a tripped breaker; false when it was no longer running. */
async function haltRun(tx: DbTx, run: RunAfterBatch, agentName: string, trip: Trip, now: Date): Promise<boolean> {
  const res = await tx.$executeRaw`
    UPDATE runs SET status = 'halted', halt_reason = ${trip.reason}, halt_rule = ${trip.rule}, halted_at = ${now}
    WHERE id = ${run.id}::uuid AND status = 'running'`;
  if (res === 0) return false;
  const halted = await haltPendingActions(tx, { runId: run.id }, `Halted: ${trip.reason}`, now);
  await recordAuditEvent(tx, {
    actor: { type: "system" },
    action: "run.halted",
    targetType: "run",
    targetId: run.id,
    before: { status: "running" },
    after: { status: "halted", rule: trip.rule, reason: trip.reason, haltedActions: halted.length },
    agentId: run.agentId,
    receipt: { policyVersion: null, payload: { runId: run.id, rule: trip.rule, reason: trip.reason } },
  });
  await raiseIncident(
    tx,
    {
      kind: trip.rule === "loop" ? "loop_detected" : "budget_exceeded",
      severity: "warning",
      title: `${agentName}: ${trip.reason}`,
      agentId: run.agentId,
      runId: run.id,
      details: { rule: trip.rule, ...trip.details, haltedActions: halted.length },
    },
    now,
  );
  return true;
}

/** Raises a spend incident once per window; true when it turned the agent's kill switch on. */
async function raiseSpendIncident(tx: DbTx, run: RunAfterBatch, agentName: string, v: SpendVerdict, now: Date): Promise<boolean> {
  const hour = hourOf(now).toISOString();
  const day = dayOf(now).toISOString().slice(0, 10);
  const details = { spentUsd: Number(v.spentMicros) / 1e6, limitUsd: Number(v.limitMicros) / 1e6, window: v.kind === "hourly_alert" ? hour : day };
  if (v.kind === "daily_cap") {
    // Once per agent, day and cap: after a manager turns the switch back off the agent may go on
    // for the rest of the day, unless the cap is lowered below today's spend again.
    const incident = await raiseIncident(
      tx,
      {
        kind: "spend_cap_reached",
        severity: "critical",
        title: `${agentName}: daily hard cap of ${formatUsd(v.limitMicros)} reached (${formatUsd(v.spentMicros)} today); its kill switch is on`,
        agentId: run.agentId,
        runId: run.id,
        details,
        dedupeKey: `spend_cap:${run.agentId}:${day}:${v.limitMicros}`,
      },
      now,
    );
    if (!incident) return false;
    const flip = await applyKillSwitch(tx, { system: "the daily spend cap" }, { kind: "agent", agentId: run.agentId }, true, v.reason, { incident: false }, now);
    return flip.changed;
  }
  const hourly = v.kind === "hourly_alert";
  await raiseIncident(
    tx,
    {
      kind: hourly ? "spend_alert_hourly" : "spend_alert_daily",
      severity: "warning",
      title: `${agentName}: ${hourly ? "spend this hour" : "spend today"} ${formatUsd(v.spentMicros)} is over the alert threshold of ${formatUsd(v.limitMicros)}`,
      agentId: run.agentId,
      runId: run.id,
      details,
      dedupeKey: `spend_alert:${hourly ? "hour" : "day"}:${run.agentId}:${hourly ? hour : day}`,
    },
    now,
  );
  return false;
}
