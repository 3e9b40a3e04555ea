import type { AgentSwitches } from "../switches";

// Whether an agent should keep going with a run, pure. The budget and loop breakers (cost
// controls issue) add their reasons here; the run's own halt reason already flows through.
export type RunGuard = { continue: boolean; reason: string | null };

export function runGuard(run: { status: string; haltReason: string | null }, switches: AgentSwitches): RunGuard {
  if (switches.global) return { continue: false, reason: "The global kill switch is on." };
  if (switches.agent) return { continue: false, reason: "This agent's kill switch is on." };
  if (run.status === "halted") return { continue: false, reason: run.haltReason ?? "The run was halted." };
  return { continue: true, reason: null };
}
