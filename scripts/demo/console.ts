// The console API as a person uses it: signed in over HTTP (next-auth credentials, like the
// browser), session cookie and a same-origin Origin header on every call, JSON bodies.
import type { SessionFetch } from "../../tests/helpers/http-session";
import { log } from "./log";

export type { SessionFetch } from "../../tests/helpers/http-session";
/** Signs in; null when the credentials are refused (the caller decides what that means). */
export { trySignInOverHttp as signIn } from "../../tests/helpers/http-session";

export type Problem = { title?: string; detail?: string; code?: string; status?: number; fieldErrors?: { path: string; message: string }[] };

export type ApiResult<T> = {
  ok: boolean;
  status: number;
  data: T | null;
  problem: Problem | null;
  /** 404 from the router (HTML), not from a handler: the endpoint does not exist in this build. */
  missingRoute: boolean;
};

const warnedRoutes = new Set<string>();

/** A signed-in person's view of the console API. Never throws on HTTP errors: callers look at the result. */
export class ConsoleApi {
  constructor(
    readonly email: string,
    private readonly fetchAs: SessionFetch,
  ) {}

  get = <T>(path: string) => this.request<T>("GET", path);
  post = <T>(path: string, body: unknown = {}) => this.request<T>("POST", path, body);
  patch = <T>(path: string, body: unknown) => this.request<T>("PATCH", path, body);

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const res = await this.fetchAs(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const type = res.headers.get("content-type") ?? "";
    const json = type.includes("json") ? ((await res.json().catch(() => null)) as unknown) : (await res.text(), null);
    const missingRoute = res.status === 404 && !type.includes("json");
    if (missingRoute) {
      const route = `${method} ${path.split("?")[0]}`;
      if (!warnedRoutes.has(route)) log.warn(`${route} does not exist in this build; skipping what needs it`);
      warnedRoutes.add(route);
    }
    return {
      ok: res.ok,
      status: res.status,
      data: res.ok ? (json as T) : null,
      problem: res.ok ? null : ((json as Problem | null) ?? { detail: `HTTP ${res.status}` }),
      missingRoute,
    };
  }
}

export function describeProblem(r: ApiResult<unknown>): string {
  const p = r.problem;
  if (!p) return `HTTP ${r.status}`;
  const fields = p.fieldErrors?.length ? ` (${p.fieldErrors.map((f) => `${f.path}: ${f.message}`).join("; ")})` : "";
  return `${r.status} ${p.detail ?? p.title ?? ""}${fields}`;
}
