import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The embedded default as a new user gets it: `npm start` with no DATABASE_URL, a fresh data
// folder, the admin password read from what the first start prints.
const PORT = 3290;
const BASE = `http://127.0.0.1:${PORT}`;
const AGENT_KEY = "embedded_smoke_key_0123456789_abcdefghij";
let server: ChildProcess;
let output = "";
let dataDir: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "warden-embedded-"));
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(PORT), WARDEN_DATA_DIR: dataDir, WARDEN_INIT_AGENT_NAME: "smoke-agent", WARDEN_INIT_AGENT_KEY: AGENT_KEY };
  for (const k of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "HOST"]) delete env[k];
  server = spawn("npx", ["tsx", "scripts/start.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await expect
    .poll(async () => (await fetch(`${BASE}/api/ready`).catch(() => null))?.status ?? 0, { timeout: 100_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
});

test("first start prints an admin password that signs in to the overview", async ({ page }) => {
  const password = /password: (\S+)/.exec(output)?.[1];
  expect(password, output).toMatch(/^[A-Za-z0-9]{20}$/);
  expect(output).toContain("embedded Postgres (PGlite)");
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("E-mail").fill("admin@warden.local");
  await page.getByLabel("Password").fill(password!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("a reviewer browsing while 20 agents call the API at once: no errors, no deadlock", async ({ page }) => {
  const password = /password: (\S+)/.exec(output)![1];
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("E-mail").fill("admin@warden.local");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  const agentCalls = Array.from({ length: 20 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${BASE}/api/v1/agent`, { headers: { authorization: `Bearer ${AGENT_KEY}` } });
      statuses.push(r.status);
    }
    return statuses;
  });
  const browsing = (async () => {
    for (const p of ["/agents", "/", "/admin/users", "/agents", "/"]) {
      const res = await page.goto(`${BASE}${p}`);
      expect(res?.status()).toBe(200);
    }
  })();
  const [statuses] = await Promise.all([Promise.all(agentCalls), browsing]);
  expect(statuses.flat()).toEqual(Array(200).fill(200));
});
