export { DEFAULT_THRESHOLDS, effectiveThresholds, thresholdsSchema, thresholdOverridesSchema, type Thresholds } from "./thresholds";
export { deriveEvidence, addCounts, ZERO_COUNTS, type Counts, type Evidence } from "./evidence";
export { eligibility, autoDemotion, LEVEL_NAMES, type Eligibility, type Check, type Level } from "./eligibility";
export { bumpEvidence, reviewDelta } from "./bump-evidence";
export { loadEvidence, loadWindowCounts } from "./load-evidence";
export { rebuildEvidence } from "./rebuild-evidence";
export {
  promoteActionType,
  demoteActionType,
  requestFullAutonomy,
  signOffAutonomyRequest,
  setActionTypeLevel,
  evaluateAutoDemotions,
  toChangeView,
} from "./change-level";
export { getAutonomyBoard, getAutonomyHistory, type BoardType } from "./get-autonomy-board";
export * from "./schemas";
