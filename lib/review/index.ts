export { listQueue } from "./list-queue";
export { claimAction, releaseClaim, CLAIM_TTL_MS, type ClaimState } from "./claim-action";
export { getActionDetail, type ActionDetail } from "./get-action-detail";
export * from "./schemas";
export { queueDepthByType, type QueueDepth } from "./queue-depth";
