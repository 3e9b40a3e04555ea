import { inject } from "vitest";

// Calls a Next route handler in-process with a real Request, against the real test database:
// the whole edge (auth, limits, idempotency, error mapping) runs, without a server.

/** Point getDb() at the run's test database. Call at the top of a test file. */
export function useRouteDb(): void {
  process.env.DATABASE_URL = inject("databaseUrl");
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export async function call<P extends Record<string, string>>(
  handler: Handler<P>,
  opts: {
    method?: string;
    path?: string;
    key?: string;
    body?: unknown;
    rawBody?: string | Uint8Array;
    headers?: Record<string, string>;
    params?: P;
  } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody as BodyInit;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://warden.test${opts.path ?? "/api/v1/x"}`, { method: opts.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
