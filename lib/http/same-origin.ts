import { ForbiddenError } from "../errors";

/**
 * CSRF defence for cookie-authenticated console mutations: the browser must say the request
 * comes from this very origin (Origin header, or Sec-Fetch-Site for older clients).
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new ForbiddenError("Cross-site request refused.");
    }
    if (host && originHost === host) return;
    const configured = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
    if (configured && originHost === configured) return;
    throw new ForbiddenError("Cross-site request refused.");
  }
  if (req.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ForbiddenError("Cross-site request refused: the Origin header is missing.");
}
