// Signs in to a running app over HTTP the way the browser does (next-auth credentials flow)
// and returns a fetch that sends the session cookie and a same-origin Origin header.
// Used by the integration tests and by the demo's simulated reviewer (scripts/demo).

export type SessionFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Signs in; null when the credentials are refused. */
export async function trySignInOverHttp(baseUrl: string, email: string, password: string): Promise<SessionFetch | null> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  await res.body?.cancel();
  if (![...jar.keys()].some((k) => k.includes("session-token"))) return null;
  return (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { cookie: cookie(), origin: baseUrl, "content-type": "application/json", ...(init.headers ?? {}) },
    });
}

/** Signs in or throws. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<SessionFetch> {
  const f = await trySignInOverHttp(baseUrl, email, password);
  if (!f) throw new Error(`sign-in failed for ${email}`);
  return f;
}
