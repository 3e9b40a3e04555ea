// Types of the agent API, inferred from the zod contract schemas. Type-only imports: they vanish
// at runtime, so the SDK loads neither zod nor any server module.
import type { z } from "zod";
import type { actionTypeView, declareActionTypeInput } from "../action-types/schemas";
import type { actionResultInput, actionView, cancelActionInput, Decision, requestActionInput } from "../actions/schemas";
import type { agentIdentity } from "../agents/schemas";
import type { FieldError } from "../errors";
import type { finishRunInput, recordSpansResult, runView, spanFields, startRunInput } from "../runs/schemas";
import type { recordScoreInput, scoreView } from "../scores/schemas";

export type StartRunInput = z.input<typeof startRunInput>;
export type FinishRunInput = z.input<typeof finishRunInput>;
export type SpanInput = z.input<typeof spanFields>;
export type RequestActionInput = z.input<typeof requestActionInput>;
export type ActionResultInput = z.input<typeof actionResultInput>;
export type ScoreInput = z.input<typeof recordScoreInput>;
export type CancelActionInput = z.input<typeof cancelActionInput>;
export type DeclareActionTypeInput = z.input<typeof declareActionTypeInput>;

export type Run = z.output<typeof runView>;
export type Action = z.output<typeof actionView>;
export type Score = z.output<typeof scoreView>;
export type SpansResult = z.output<typeof recordSpansResult>;
export type AgentIdentity = z.output<typeof agentIdentity>;
export type ActionType = z.output<typeof actionTypeView>;
export type JsonValue = Action["payload"];

/** What Warden told the agent to do with an action. */
export type ActionDecision = Decision;
export type { FieldError };

/** An RFC 9457 problem as the API sends it. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  fieldErrors?: FieldError[];
  [extra: string]: unknown;
};
