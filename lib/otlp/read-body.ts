import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { LIMITS } from "../api/limits";
import { bodyTooLarge, readBodyBytes } from "../api/read-body";
import { BadRequestError, DomainError } from "../errors";
import { OTLP_LIMITS } from "./limits";
import { decodeTraceRequest } from "./protobuf";

// The OTLP/HTTP request body: JSON or protobuf by Content-Type, optionally gzip-compressed,
// with the size capped both as sent and after decompression.

export type OtlpFormat = "json" | "protobuf";
export type OtlpBody = { format: OtlpFormat; payload: unknown };

const gunzipAsync = promisify(gunzip);

/** The encoding a request asks for, before its body is read (415 for anything else). */
export function otlpFormatOf(req: Request): OtlpFormat {
  const type = req.headers.get("content-type") ?? "";
  if (/^application\/json\s*(;|$)/i.test(type)) return "json";
  if (/^application\/(x-)?protobuf\s*(;|$)/i.test(type)) return "protobuf";
  throw new DomainError(
    "unsupported_media_type",
    "Send OTLP traces with `Content-Type: application/json` (OTLP/JSON) or `application/x-protobuf`.",
  );
}

export async function readOtlpBody(req: Request): Promise<OtlpBody> {
  const format = otlpFormatOf(req);
  const encoding = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding !== "" && encoding !== "identity" && encoding !== "gzip") {
    throw new DomainError("unsupported_media_type", `Content-Encoding "${encoding}" is not supported; send gzip or no encoding.`);
  }
  const sent = await readBodyBytes(req, LIMITS.maxBodyBytes);
  const bytes = encoding === "gzip" ? await gunzipCapped(sent, OTLP_LIMITS.maxDecodedBytes) : sent;
  if (format === "protobuf") return { format, payload: decodeTraceRequest(bytes) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError("The request body is not valid UTF-8.");
  }
  try {
    return { format, payload: JSON.parse(text) };
  } catch (err) {
    throw new BadRequestError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** gunzip that stops at `maxBytes` of output: a gzip bomb costs a 413, not the process's memory. */
async function gunzipCapped(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw bodyTooLarge(maxBytes, "decompressed ");
    throw new BadRequestError(`The body is marked gzip but could not be decompressed: ${(err as Error).message}`);
  }
}

