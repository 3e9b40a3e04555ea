// Starts Warden for the e2e suite on a fresh database of its own (dropped on exit).
import { spawn } from "node:child_process";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "../helpers/pg-server";

const name = process.env.E2E_DATABASE_NAME!;
await createDatabaseIfMissing(name);
const child = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl(name),
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    NEXTAUTH_URL: process.env.E2E_BASE_URL,
    HOST: "127.0.0.1",
    WARDEN_NO_BUILD: "1",
    // Request lines would drown Playwright's report; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", async (code) => {
  if (!process.env.KEEP_TEST_DB) await dropDatabase(name).catch(() => {});
  process.exit(code ?? 0);
});
