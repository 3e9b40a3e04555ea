export { logger } from "./logger";
export { metrics, type Metrics } from "./metrics";
export { annotateRequest, currentRequest, requestIdFrom, runWithRequestContext, type RequestContext } from "./request-context";
