import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

// A Postgres server of the test's own, on its own port, that the test may stop, restart and kill
// without disturbing the shared test server other files use. Built from the same Debian
// binaries as the machine's server (initdb + pg_ctl); run as the `postgres` user when the tests
// run as root, since Postgres refuses to run as root.

export type PrivatePg = {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: open connections are terminated). */
  stop(): void;
  start(): void;
  /** Stop, wait `pauseMs`, start: what agents see as a database restart. */
  restart(pauseMs?: number): Promise<void>;
  destroy(): void;
};

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("initdb not found under /usr/lib/postgresql (install the postgresql package)");
}

export async function startPrivatePostgres(): Promise<PrivatePg> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "warden-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ["-u", "postgres", "--", path.join(bin, cmd), ...args] : args;
    const r = spawnSync(asRoot ? "runuser" : path.join(bin, cmd), full, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async restart(pauseMs = 400) {
      stop();
      await new Promise((r) => setTimeout(r, pauseMs));
      start();
    },
    destroy() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
