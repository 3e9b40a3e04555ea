export { BLOCKED_FLOOR, decideRoute, effectiveLevel, rolloutBucket, type Level, type PolicyDecision, type PolicyInput, type Route, type RolloutStage } from "./decide-route";
