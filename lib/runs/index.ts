export { startRun } from "./start-run";
export { finishRun } from "./finish-run";
export { getRun, getOwnRunOrThrow } from "./get-run";
export { recordSpans, insertSpanBatch } from "./record-spans";
export { runGuard, type RunGuard } from "./run-guard";
export { toRunView, microsToUsd } from "./run-view";
export { findPrice, costMicros, usdToMicros, type Price } from "./pricing";
export * from "./schemas";
