import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { openServerDb } from "../db/client";
import { CLIENT_ADDRESS_HEADER, isTrustedProxy, parseTrustedProxies, resolveClientAddress } from "../net/client-address";
import { problemResponse } from "../http/problem";
import { parseIp } from "../net/ip-address";
import { startJobs } from "../jobs/start-jobs";
import { startListening } from "../notify";
import { logger, metrics, requestIdFrom, runWithRequestContext, type RequestContext } from "../observability";
import { sendFetchResponse, toFetchRequest } from "./fetch-bridge";
import { HTTP_METHODS, matchRoute, scanAppRoutes, type RouteEntry, type RouteMatch } from "./route-table";
import { securityHeaders } from "./security-headers";
import { gracefulShutdown } from "./shutdown";

// The Warden server: one Node HTTP server in front of Next. For every request it assigns a
// request id, sets the security headers, logs one line and records its duration. It answers the
// agent API and the probes itself (the route modules under app/api/v1 and friends, called with a
// Fetch Request), because Next's page and route pipeline costs about a millisecond of CPU per
// request, which is most of an agent's budget for asking before acting (docs/architecture.md).
// Pages, the console API and sign-in go to Next.

const OWN_ROUTES = [/^\/api\/v1\//, /^\/api\/(health|ready)$/, /^\/metrics$/];
// Probes and static files are logged at debug level: they are noise at info.
const QUIET_ROUTES = new Set(["/api/health", "/api/ready", "/metrics", "/_next/*", "static"]);

export type WardenServerOptions = { root: string; port: number; host: string; dev?: boolean; shutdownTimeoutMs?: number };

export type WardenServer = {
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish, answers waiting long-polls, closes the pools. */
  shutdown(): Promise<void>;
};

type RouteModule = Partial<Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>>;

export async function startWardenServer(o: WardenServerOptions): Promise<WardenServer> {
  const dev = o.dev ?? false;
  // Checked before anything starts: a typo here must stop the server, not trust the wrong hosts.
  const trusted = parseTrustedProxies(process.env.WARDEN_TRUSTED_PROXIES);
  const table = scanAppRoutes(path.join(o.root, "app"), o.root);
  const modules = new Map<string, Promise<RouteModule>>();
  const load = (e: RouteEntry) => {
    let m = modules.get(e.file);
    if (!m) {
      m = import(pathToFileURL(path.join(o.root, e.file)).href) as Promise<RouteModule>;
      modules.set(e.file, m);
    }
    return m;
  };

  const nextApp = next({ dev, dir: o.root, hostname: o.host, port: o.port, quiet: true });
  const handleNext = nextApp.getRequestHandler();
  await nextApp.prepare();
  openServerDb();
  startListening();
  startJobs();

  let inFlight = 0;
  let draining = false;
  const origin = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${o.port}`;

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const method = (req.method ?? "GET").toUpperCase();
    const pathname = pathOf(req.url);
    const match = matchRoute(table, pathname);
    const route = match ? match.entry.template : pathname.startsWith("/_next/") ? "/_next/*" : /\/[^/]+\.[a-z0-9]+$/i.test(pathname) ? "static" : "unmatched";
    const ctx: RequestContext = { requestId: requestIdFrom(req.headers["x-request-id"], randomUUID), method, route };
    inFlight++;
    res.on("close", () => {
      inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.headersSent ? res.statusCode : 499;
      metrics.httpDuration.observe({ method, route, status: String(status) }, seconds);
      const line = {
        method,
        route,
        path: pathname,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(ctx.agentId ? { agentId: ctx.agentId } : {}),
        ...(ctx.userId ? { userId: ctx.userId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      runWithRequestContext(ctx, () => (QUIET_ROUTES.has(route) ? logger.debug(line, "request") : logger.info(line, "request")));
    });

    const nonce = randomBytes(16).toString("base64");
    const peer = req.socket.remoteAddress ?? "";
    const peerIp = parseIp(peer);
    const viaTrustedProxy = peerIp !== null && isTrustedProxy(trusted, peerIp);
    const https =
      Boolean((req.socket as TLSSocket).encrypted) ||
      (viaTrustedProxy && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https") ||
      (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
    for (const [name, value] of Object.entries(securityHeaders({ nonce, https, dev }))) res.setHeader(name, value);
    res.setHeader("x-request-id", ctx.requestId);
    if (draining) res.setHeader("connection", "close");
    // Next stamps this nonce on the scripts it renders when it finds it in the request's CSP.
    req.headers["content-security-policy"] = res.getHeader("content-security-policy") as string;
    // Only the server says who the client is: X-Forwarded-For counts only behind a trusted proxy.
    const client = resolveClientAddress(peer, req.headers["x-forwarded-for"], trusted);
    if (client) req.headers[CLIENT_ADDRESS_HEADER] = client;
    else delete req.headers[CLIENT_ADDRESS_HEADER];

    runWithRequestContext(ctx, () => {
      dispatch(req, res, method, match).catch((err) => {
        logger.error({ err }, "request failed outside its handler");
        if (!res.headersSent) void sendFetchResponse(res, problemResponse("internal", "Something went wrong on our side. It has been logged."));
        else res.destroy();
      });
    });
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse, method: string, match: RouteMatch | null): Promise<void> {
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      // Next answers TRACE, CONNECT and other methods it does not route with a 500.
      if (!match) return sendFetchResponse(res, problemResponse("not_found", "Not found."));
      return sendFetchResponse(res, methodNotAllowed(match.entry, method));
    }
    const own = match && match.entry.kind === "route" && OWN_ROUTES.some((r) => r.test(match.entry.template));
    if (match && match.entry.kind === "route" && match.entry.template.startsWith("/api/") && !match.entry.methods.includes(method)) {
      return sendFetchResponse(res, methodNotAllowed(match.entry, method));
    }
    if (!own || !match) return handleNext(req, res);

    if (method === "OPTIONS") {
      res.statusCode = 204;
      res.setHeader("allow", match.entry.methods.join(", "));
      res.end();
      return;
    }
    const mod = await load(match.entry);
    const handler = mod[method === "HEAD" ? "GET" : method];
    if (!handler) return sendFetchResponse(res, methodNotAllowed(match.entry, method));
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const response = await handler(toFetchRequest(req, origin, abort.signal), { params: Promise.resolve(match.params) });
    await sendFetchResponse(res, response, method === "HEAD");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });

  return {
    server,
    url: origin,
    shutdown: () => {
      draining = true;
      return gracefulShutdown({ server, inFlight: () => inFlight, timeoutMs: o.shutdownTimeoutMs ?? 10_000 });
    },
  };
}

function methodNotAllowed(entry: RouteEntry, method: string): Response {
  const allow = entry.methods.join(", ");
  const res = problemResponse("method_not_allowed", `${method} is not supported here; use ${allow}.`, { allow: entry.methods });
  res.headers.set("allow", allow);
  return res;
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
}
