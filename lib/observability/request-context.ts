import { AsyncLocalStorage } from "node:async_hooks";

// What one request is about, for its log line and the logs written while it runs. The server
// opens the context; the edge wrappers add who is asking and which route matched. Kept on
// globalThis because the server and Next's bundle each load their own copy of this module.

export type RequestContext = {
  requestId: string;
  method: string;
  /** The route template (e.g. /api/v1/actions/[id]); bounded cardinality for metrics. */
  route?: string;
  agentId?: string;
  userId?: string;
};

const g = globalThis as unknown as { __wardenRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (g.__wardenRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds who is asking to the current request's context (no-op outside a request). */
export function annotateRequest(fields: Partial<Pick<RequestContext, "agentId" | "userId" | "route">>): void {
  const ctx = storage.getStore();
  if (ctx) Object.assign(ctx, fields);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdFrom(header: string | string[] | undefined, generate: () => string): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && REQUEST_ID.test(v) ? v : generate();
}
