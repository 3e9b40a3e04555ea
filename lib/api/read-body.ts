import { DomainError } from "../errors";

/**
 * A request body as bytes, refusing more than `maxBytes` with 413: at once when the declared
 * Content-Length says so, else as the bytes arrive — a chunked body without a length is never
 * buffered past the limit.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw bodyTooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export function bodyTooLarge(limitBytes: number, what = "") {
  return new DomainError("payload_too_large", `The request body ${what}exceeds the limit of ${limitBytes} bytes.`, { limitBytes });
}
