import { z } from "zod";
import { STATUS_BY_CODE, type ErrorCode } from "../errors";

// Shapes the OpenAPI document needs that no domain module exports as a zod schema: the
// problem+json error body (built in lib/http/problem.ts) and OTLP/HTTP JSON, which is an
// external contract described loosely.

const ERROR_CODES = Object.keys(STATUS_BY_CODE) as [ErrorCode, ...ErrorCode[]];

export const fieldError = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "spans.3.name" or "payload.amount".'),
  message: z.string(),
});

export const problemDetails = z
  .object({
    type: z.string().describe("A URI naming the problem type."),
    title: z.string(),
    status: z.int().min(400).max(599),
    code: z.enum(ERROR_CODES).describe("Machine-readable error code; stable across releases."),
    detail: z.string().describe("What went wrong, for people."),
    fieldErrors: z.array(fieldError).optional().describe("Present on validation failures (422)."),
  })
  .catchall(z.unknown())
  .describe("An RFC 9457 problem. Some problems carry extra members (limitBytes, actionStatus, decidedBy…).");

export const otlpTracesRequest = z
  .looseObject({
    resourceSpans: z.array(z.looseObject({})).optional(),
  })
  .describe(
    "An OTLP/HTTP JSON ExportTraceServiceRequest (opentelemetry-proto). GenAI semantic conventions (gen_ai.*) map onto runs and spans.",
  );

export const otlpTracesResponse = z
  .object({
    partialSuccess: z
      .object({
        rejectedSpans: z.union([z.int().min(0), z.string().regex(/^\d+$/)]).describe("int64; JSON encoders may send it as a string."),
        errorMessage: z.string(),
      })
      .optional(),
  })
  .describe("An OTLP ExportTraceServiceResponse; partialSuccess is present when some spans were rejected.");
