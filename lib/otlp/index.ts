export { ingestTraces, type IngestTracesResult } from "./ingest-traces";
export { mapTraceRequest, type MappedRequest, type MappedTrace } from "./map-traces";
export { readOtlpBody, otlpFormatOf, type OtlpBody, type OtlpFormat } from "./read-body";
export { decodeTraceRequest, encodeTraceResponse } from "./protobuf";
export { otlpResponse, toOtlpError } from "./respond";
export { OTLP_LIMITS } from "./limits";
