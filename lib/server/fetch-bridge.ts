import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

// The agent API's handlers are written against the Fetch API (Request → Response) so the same
// route modules run under Next and under the server's own router. These two functions convert
// at the edge of the Node server.

export function toFetchRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici for a streamed request body.
    duplex: "half",
  } as RequestInit);
}

export async function sendFetchResponse(res: ServerResponse, response: Response, omitBody = false): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  const body = omitBody || !response.body ? null : Buffer.from(await response.arrayBuffer());
  if (body) res.setHeader("content-length", body.byteLength);
  res.end(body ?? undefined);
}
