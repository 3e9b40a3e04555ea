export { requestAction } from "./request-action";
export { getAction, getOwnActionOrThrow } from "./get-action";
export { reportActionResult } from "./report-action-result";
export { decideAction, decideActionInput, type DecideActionInput } from "./decide-action";
export { toActionView, decisionFor } from "./action-view";
export { payloadSchemaErrors, schemaProblems } from "./payload-schema";
export { diffPayload } from "./payload-diff";
export * from "./schemas";
