import { expect, test, type Page } from "@playwright/test";
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
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(PORT), WARDEN_DATA_DIR: dataDir, WARDEN_INIT_AGENT_NAME: "smoke-agent", WARDEN_INIT_AGENT_KEY: AGENT_KEY, WARDEN_NO_BUILD: "1" };
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

/** Signs in with the one-time password the first start printed. */
async function signInAsFirstAdmin(page: Page) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("E-mail").fill("admin@warden.local");
  await page.getByLabel("Password").fill(/password: (\S+)/.exec(output)![1]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

test("first start prints an admin password that signs in to the overview", async ({ page }) => {
  expect(/password: (\S+)/.exec(output)?.[1], output).toMatch(/^[A-Za-z0-9]{20}$/);
  expect(output).toContain("embedded Postgres (PGlite)");
  await signInAsFirstAdmin(page);
});

test("a reviewer browsing while 20 agents call the API at once: no errors, no deadlock", async ({ page }) => {
  await signInAsFirstAdmin(page);

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

test("long-poll on the embedded database: a decision wakes the waiting agent", async ({ page }) => {
  await signInAsFirstAdmin(page);

  const agent = { authorization: `Bearer ${AGENT_KEY}`, "content-type": "application/json" };
  // New types start at level 3; make this one need approval, as a manager would.
  const type = "smoke.refund";
  await fetch(`${BASE}/api/v1/actions`, { method: "POST", headers: agent, body: JSON.stringify({ type, payload: {} }) });
  const origin = { origin: BASE, "content-type": "application/json" };
  const current = await (await page.request.get(`${BASE}/api/console/action-types/${type}`)).json();
  const promoted = await page.request.post(`${BASE}/api/console/autonomy/${type}/promote`, {
    headers: origin,
    data: { reason: "smoke test", override: true, expectedLevel: current.level },
  });
  expect(promoted.status()).toBe(200);

  const created = await (await fetch(`${BASE}/api/v1/actions`, { method: "POST", headers: agent, body: JSON.stringify({ type, payload: { amount: 5 } }) })).json();
  expect(created.decision).toBe("wait");
  const waiting = fetch(`${BASE}/api/v1/actions/${created.id}?wait=30`, { headers: agent }).then((r) => r.json());
  await new Promise((r) => setTimeout(r, 300));
  const decided = await page.request.post(`${BASE}/api/console/actions/${created.id}/decision`, {
    headers: origin,
    data: { decision: "approve", payload: { amount: 4 } },
  });
  expect(decided.status()).toBe(200);
  expect(await waiting).toMatchObject({ decision: "execute", payload: { amount: 4 } });
});
