import { z } from "zod";

export const agentNameSchema = z
  .string()
  .trim()
  .min(1, "required")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "letters, digits, spaces, '.', '_' and '-', starting with a letter or digit");

/** Agent keys: 32–128 characters from [A-Za-z0-9_-] (generated ones look like `wdn_…`). */
export const apiKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, "32–128 characters from A–Z, a–z, 0–9, '_' and '-'");

export const createAgentInput = z
  .object({
    name: agentNameSchema,
    description: z.string().trim().max(500, "at most 500 characters").optional(),
  })
  .strict();
export type CreateAgentInput = z.infer<typeof createAgentInput>;

export const createApiKeyInput = z
  .object({ name: z.string().trim().max(64, "at most 64 characters").optional() })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const agentView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(["active", "paused", "disabled"]),
  createdAt: z.string(),
  activeKeys: z.number().int(),
  lastSeenAt: z.string().nullable(),
});
export type AgentView = z.infer<typeof agentView>;

/** Returned once, when a key is created: the only time the full secret is shown. */
export const createdApiKeyView = apiKeyView.extend({ key: z.string() });
export type CreatedApiKeyView = z.infer<typeof createdApiKeyView>;

/** GET /api/v1/agent: who the bearer key belongs to. */
export const agentIdentity = z.object({
  id: z.uuid().describe("The agent's id."),
  name: z.string(),
  keyId: z.uuid().describe("The id of the API key used for this request."),
});
export type AgentIdentity = z.infer<typeof agentIdentity>;

/** The agent page's live activity: last week's numbers and the latest runs and actions. */
export const agentActivity = z.object({
  window: z.literal("7d"),
  runs: z.number().int(),
  failedRuns: z.number().int().describe("Failed or halted runs."),
  costMicros: z.number(),
  actions: z.number().int(),
  pendingActions: z.number().int().describe("Waiting for a person now, whenever they were asked."),
  recentRuns: z.array(
    z.object({
      id: z.string(),
      externalId: z.string().nullable(),
      status: z.enum(["running", "succeeded", "failed", "halted"]),
      startedAt: z.string(),
      spanCount: z.number().int(),
      costMicros: z.number(),
      error: z.string().nullable(),
    }),
  ),
  recentActions: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      status: z.string(),
      route: z.string(),
      outcome: z.string().nullable(),
      subject: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type AgentActivity = z.infer<typeof agentActivity>;

const usdLimit = z.number().min(0).max(1_000_000).nullable();

/** PATCH /api/v1/agents/{id} and the console's cost controls: null removes a limit. */
export const updateAgentControlsInput = z
  .object({
    runCostBudgetUsd: usdLimit.optional().describe("Max cost per run in USD; crossing it halts the run."),
    runTokenBudget: z.int().min(0).max(1e12).nullable().optional().describe("Max tokens (input + output) per run."),
    loopThreshold: z.int().min(1).max(1000).nullable().optional().describe("More than this many consecutive similar calls of one tool halt the run; null means the default (5)."),
    hourlySpendAlertUsd: usdLimit.optional().describe("Spend per UTC hour above which one alert incident is raised per hour."),
    dailySpendAlertUsd: usdLimit.optional().describe("Spend per UTC day above which one alert incident is raised per day."),
    dailySpendCapUsd: usdLimit.optional().describe("Hard cap per UTC day: crossing it turns the agent's kill switch on until a manager turns it off."),
    killSwitch: z.boolean().optional().describe("true halts the agent at once: its pending actions and every later request."),
    reason: z.string().trim().max(500, "at most 500 characters").optional().describe("Why (recorded with a kill switch flip)."),
  })
  .strict();
export type UpdateAgentControlsInput = z.infer<typeof updateAgentControlsInput>;

export const agentControlsView = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(["active", "paused", "disabled"]),
  killSwitch: z.object({ on: z.boolean(), reason: z.string().nullable(), changedAt: z.string().nullable() }),
  limits: z.object({
    runCostBudgetUsd: z.number().nullable(),
    runTokenBudget: z.number().int().nullable(),
    loopThreshold: z.number().int().nullable().describe("null: the default applies."),
    effectiveLoopThreshold: z.number().int(),
    hourlySpendAlertUsd: z.number().nullable(),
    dailySpendAlertUsd: z.number().nullable(),
    dailySpendCapUsd: z.number().nullable(),
  }),
  spend: z.object({ thisHourUsd: z.number(), todayUsd: z.number() }).describe("Spend in the current UTC hour and day."),
});
export type AgentControlsView = z.infer<typeof agentControlsView>;
