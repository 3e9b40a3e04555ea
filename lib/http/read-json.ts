import { BadRequestError, DomainError } from "../errors";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The raw body as text, refusing more than `maxBytes` (413) before or while reading it. */
export async function readBodyText(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buf = await req.arrayBuffer();
  if (buf.byteLength > maxBytes) throw tooLarge(maxBytes);
  return new TextDecoder().decode(buf);
}

/** Parses a JSON body text; an empty body is `undefined` when allowed, else 400; malformed JSON is 400. */
export function parseJsonBody(req: Request, text: string, opts: { allowEmpty?: boolean } = {}): unknown {
  if (text.length === 0) {
    if (opts.allowEmpty) return undefined;
    throw new BadRequestError("The request body is empty; send a JSON object.");
  }
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new DomainError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** Reads and parses a JSON body with a size limit. */
export async function readJsonBody(req: Request, opts: { maxBytes?: number; allowEmpty?: boolean } = {}): Promise<unknown> {
  return parseJsonBody(req, await readBodyText(req, opts.maxBytes), opts);
}

function tooLarge(maxBytes: number) {
  return new DomainError("payload_too_large", `The request body exceeds the limit of ${maxBytes} bytes.`, { limitBytes: maxBytes });
}
