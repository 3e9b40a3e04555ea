import { z } from "zod";

const usd = z.number().min(0).max(1_000_000);
const tokens = z.int().min(0).max(1e12);

export const budgetGrantInput = z
  .object({
    costBudgetUsd: usd.optional().describe("The run's new cost budget in USD; must be above what it has cost so far."),
    tokenBudget: tokens.optional().describe("The run's new token budget; must be above the tokens it has used so far."),
    loopThreshold: z.int().min(1).max(1000).optional().describe("The run's new loop limit. A grant always starts loop detection afresh from the calls made so far."),
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(2000, "at most 2000 characters"),
  })
  .strict();
export type BudgetGrantInput = z.infer<typeof budgetGrantInput>;

export const runLimitsView = z.object({
  id: z.uuid(),
  agentId: z.uuid(),
  agentName: z.string(),
  status: z.enum(["running", "succeeded", "failed", "halted"]),
  haltRule: z.enum(["cost_budget", "token_budget", "loop"]).nullable(),
  haltReason: z.string().nullable(),
  haltedAt: z.string().nullable(),
  totals: z.object({ costUsd: z.number(), tokens: z.number().int() }),
  budgets: z.object({
    costUsd: z.number().nullable().describe("In effect for this run: a grant's, else the agent's; null is no limit."),
    tokens: z.number().int().nullable(),
    loopThreshold: z.number().int(),
    granted: z.boolean().describe("true when a grant raised this run's limits above the agent's."),
  }),
});
export type RunLimitsView = z.infer<typeof runLimitsView>;

export const budgetGrantResult = z.object({
  run: runLimitsView,
  resolvedIncidents: z.array(z.uuid()).describe("The run's open breaker incidents, resolved by this grant."),
});
export type BudgetGrantResult = z.infer<typeof budgetGrantResult>;
