import { DomainError, BadRequestError } from "../errors";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body with a size limit; malformed JSON is 400, an oversized body 413. */
export async function readJsonBody(
  req: Request,
  opts: { maxBytes?: number; allowEmpty?: boolean } = {},
): Promise<unknown> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buf = await req.arrayBuffer();
  if (buf.byteLength > maxBytes) throw tooLarge(maxBytes);
  if (buf.byteLength === 0) {
    if (opts.allowEmpty) return undefined;
    throw new BadRequestError("The request body is empty; send a JSON object.");
  }
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new DomainError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  try {
    return JSON.parse(new TextDecoder().decode(buf));
  } catch (err) {
    throw new BadRequestError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}

function tooLarge(maxBytes: number) {
  return new DomainError("payload_too_large", `The request body exceeds the limit of ${maxBytes} bytes.`, { limitBytes: maxBytes });
}
