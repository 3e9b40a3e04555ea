export { decideRoute, rolloutBucket, type Level, type PolicyDecision, type PolicyInput, type Route, type RolloutStage } from "./decide-route";
