// Runs the console the way a user would (`npm start`: build if needed, migrate, headless init,
// serve) as a child process in its own process group, so the demo can stop all of it at once.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { log } from "./log";

export type Server = { baseUrl: string; child: ChildProcess; stop: () => Promise<void> };

export async function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

// Every console this process started, so Ctrl-C (even during the first build) and a crash stop them.
const live = new Set<ChildProcess>();
const stops = new Set<() => Promise<void>>();

export async function stopAllServers(): Promise<void> {
  await Promise.all([...stops].map((stop) => stop()));
}

process.once("exit", () => {
  for (const child of live) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
});

export async function startServer(env: NodeJS.ProcessEnv, baseUrl: string): Promise<Server> {
  const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
  const child = spawn(process.execPath, [tsx, "scripts/start.ts"], { stdio: "inherit", env, detached: true });
  live.add(child);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = code ?? (signal ? 1 : 0);
      live.delete(child);
      stops.delete(stop);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 10_000);
    await exit;
    clearTimeout(timer);
  };
  stops.add(stop);

  // The first start may build the app (a minute or two); wait as long as the child lives.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the console exited with code ${exited} before it was ready`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the console did not become ready within 15 minutes");
    }
    try {
      const res = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log.info(`console is ready at ${baseUrl}`);
  return { baseUrl, child, stop };
}
