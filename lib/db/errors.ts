type ErrorLike = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string; kind?: string } } };
};

/** True for Postgres unique violations, however Prisma or the driver adapter surfaces them. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as ErrorLike;
  if (e.code === "P2002" || e.code === "23505") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation") return true;
  return e.cause ? isUniqueViolation(e.cause) : false;
}

// SQLSTATEs that mean "the server is not there right now": connection exceptions (class 08),
// shutdown and start-up (57P01–57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1017"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
// node-postgres reports a dead or unobtainable connection only in its message.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|Client was closed and is not queryable/i;

/**
 * True when an error means the database could not be reached (down, restarting, refusing
 * connections, or a connection died mid-request) rather than that the query was wrong. Such
 * requests are answered 503 with Retry-After: nothing was applied, and a retry may succeed.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 5) return false;
  const e = err as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause) {
    if (cause.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    const sqlState = cause.originalCode ?? cause.code ?? "";
    if (UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
  }
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause, depth + 1) : false;
}
