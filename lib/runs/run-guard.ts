import type { AgentSwitches } from "../switches";

// Whether an agent should keep going with a run, pure. A breaker (lib/budgets) halts the run, so
// its reason arrives as the run's halt reason; `stop` is what the batch's own enforcement turned
// on besides (the daily spend cap flipping the agent's kill switch), which the switches read
// before the batch cannot show yet.
export type RunGuard = { continue: boolean; reason: string | null };

export function runGuard(run: { status: string; haltReason: string | null }, switches: AgentSwitches, stop: string | null = null): RunGuard {
  if (switches.global) return { continue: false, reason: "The global kill switch is on." };
  if (switches.agent) return { continue: false, reason: "This agent's kill switch is on." };
  if (stop) return { continue: false, reason: stop };
  if (run.status === "halted") return { continue: false, reason: run.haltReason ?? "The run was halted." };
  return { continue: true, reason: null };
}
