import { readBodyBytes } from "../api/read-body";
import { BadRequestError, DomainError } from "../errors";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The raw body as text, refusing more than `maxBytes` (413) before or while reading it. */
export async function readBodyText(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, maxBytes));
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
  if (hasUnstorableEscape(text)) {
    throw new BadRequestError("The body contains \\u0000 or an unpaired surrogate escape; Postgres cannot store either.");
  }
  return parsed;
}

// Postgres text and jsonb refuse NUL and unpaired UTF-16 surrogates. In valid JSON they can only
// arrive as \u escapes (raw control characters fail JSON.parse, and TextDecoder replaces bad
// UTF-8), so one scan of the raw text finds them; a surrogate pair is fine.
const ESCAPE = /\\u(0000|[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|[dD][89a-fA-F][0-9a-fA-F]{2})/g;

export function hasUnstorableEscape(text: string): boolean {
  if (!text.includes("\\u")) return false;
  for (const m of text.matchAll(ESCAPE)) {
    let slashes = 0;
    for (let i = m.index - 1; i >= 0 && text[i] === "\\"; i--) slashes++;
    if (slashes % 2 === 1) continue; // "\\u0000" is a backslash followed by text, not an escape
    if (m[1].length === 4) return true; // NUL, or a surrogate without its partner (a pair is 10 long)
  }
  return false;
}

/** Reads and parses a JSON body with a size limit. */
export async function readJsonBody(req: Request, opts: { maxBytes?: number; allowEmpty?: boolean } = {}): Promise<unknown> {
  return parseJsonBody(req, await readBodyText(req, opts.maxBytes), opts);
}
