export { checkReadiness, type Readiness } from "./check-readiness";
export { isDraining, markDraining } from "./draining";
