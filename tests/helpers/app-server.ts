import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// Starts the built app (`next build` must have run) as a real server on its own port, the way
// `npm start` does (scripts/start.ts: migrate, init, the Warden server), for tests that need real
// HTTP: the SDK, long-polls across instances, shutdown. Several may share one database.

export type AppServer = {
  url: string;
  port: number;
  pid: number;
  /** SIGTERM (graceful), then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** kill -9: no shutdown at all. */
  kill(): Promise<void>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  output(): string;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startApp(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<AppServer> {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (npm test does).");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  // One process (not the tsx CLI, which runs the script in a child): kill -9 must hit the server itself.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: "test-secret",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      WARDEN_NO_BUILD: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app exited early:\n${out}`);
    const ok = await fetch(`${url}/api/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app not ready within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    pid: child.pid!,
    exited,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
