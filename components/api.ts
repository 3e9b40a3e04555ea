// Browser-side JSON client for the console endpoints. It never imports from lib/ at run time:
// the problem+json shape is restated here as the wire contract.

export type FieldError = { path: string; message: string };

export type Problem = {
  title: string;
  status: number;
  detail: string;
  code: string;
  fieldErrors?: FieldError[];
};

/** A failed console request, carrying the server's problem+json (or a synthesized one). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fieldErrors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.fieldErrors = problem.fieldErrors ?? [];
  }

  /** Field errors keyed by their top-level path ("name", "email"), first message wins. */
  get byField(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const fe of this.fieldErrors) {
      const key = fe.path.split(".")[0] ?? fe.path;
      out[key] ??= fe.message;
    }
    return out;
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function api<T>(path: string, opts: { method?: Method; body?: unknown } = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json, application/problem+json",
        ...(method === "GET" ? {} : { "content-type": "application/json" }),
      },
      body: method === "GET" ? undefined : JSON.stringify(opts.body ?? {}),
      cache: "no-store",
    });
  } catch {
    throw new ApiError({
      title: "Network error",
      status: 0,
      code: "network",
      detail: "Warden could not be reached. Check your connection and try again.",
    });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw new ApiError(toProblem(res.status, data));
  return data as T;
}

function toProblem(status: number, data: unknown): Problem {
  const p = (data && typeof data === "object" ? data : {}) as Partial<Problem>;
  const fallback =
    status === 401
      ? "Your session has ended. Sign in again."
      : status === 403
        ? "You don't have permission to do this."
        : status >= 500
          ? "Something went wrong on our side. Try again in a moment."
          : `The request failed (HTTP ${status}).`;
  return {
    title: typeof p.title === "string" ? p.title : "Request failed",
    status,
    code: typeof p.code === "string" ? p.code : "unknown",
    detail: typeof p.detail === "string" && p.detail ? p.detail : fallback,
    fieldErrors: Array.isArray(p.fieldErrors) ? p.fieldErrors : [],
  };
}

/** A readable message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return "Something went wrong. Try again.";
}
