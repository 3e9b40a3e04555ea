import { defineConfig } from "@playwright/test";

// e2e runs against the production build (`next build` first) on its own fresh database.
// tests/e2e/serve.ts creates and migrates that database, then starts Warden like `npm start`.
const PORT = Number(process.env.E2E_PORT || 3210);
process.env.E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
process.env.E2E_DATABASE_NAME ||= `warden_e2e_${Date.now().toString(36)}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "off",
    screenshot: "off",
  },
  webServer: {
    command: `npx tsx tests/e2e/serve.ts`,
    url: `${process.env.E2E_BASE_URL}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT) },
  },
});
