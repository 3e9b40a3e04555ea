import pino, { type Logger } from "pino";
import { currentRequest } from "./request-context";

// Structured JSON logs, one object per line on stdout. LOG_LEVEL picks the level (default info;
// "silent" in tests). Every line written while a request runs carries its request id.

function create(): Logger {
  return pino({
    level: process.env.LOG_LEVEL || "info",
    base: { service: "warden" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const ctx = currentRequest();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  });
}

const g = globalThis as unknown as { __wardenLogger?: Logger };

export const logger: Logger = (g.__wardenLogger ??= create());
