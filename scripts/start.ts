// `npm start`: one command from a fresh clone to a running console.
// Builds when no build exists (or the sources are newer than it), migrates the database
// (embedded under .data/ unless DATABASE_URL is set), runs headless init, then serves on
// HOST:PORT (127.0.0.1:3000) with the Warden server (lib/server).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
const env = process.env;
const port = Number(env.PORT || 3000);
const host = env.HOST || "127.0.0.1";
const root = process.cwd();

// Imported after NODE_ENV is settled: Next and React read it when they load.
const { resolveDatabaseConfig, resolveDataDir } = await import("../lib/db/config");
const { prepareDatabase } = await import("../lib/init");

// next-auth needs a secret in the environment (its proxy reads nothing else). For local use a
// random one is generated once and kept in the data folder; production sets NEXTAUTH_SECRET.
if (!env.NEXTAUTH_SECRET) {
  const dataDir = resolveDataDir(env);
  const file = path.join(dataDir, "nextauth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
// The Ed25519 key that signs the audit chain's checkpoints and evidence exports: likewise
// generated once into the data folder unless WARDEN_AUDIT_SIGNING_KEY is set (docs/audit-log.md#keys).
const { ensureSigningKey } = await import("../lib/audit/signing-key");
ensureSigningKey(env);

const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
env.NEXTAUTH_URL ||= `http://${publicHost}:${port}`;

const nextBin = path.resolve("node_modules/next/dist/bin/next");
const buildId = path.join(env.NEXT_DIST_DIR || ".next", "BUILD_ID");

/** The newest modification time under the app's sources (a build older than that is stale). */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "public", "prisma/schema.prisma", "proxy.ts", "next.config.mjs", "package.json"]) {
    if (p !== "lib") walk(p);
    else for (const e of readdirSync("lib")) if (e !== "generated") walk(path.join("lib", e));
  }
  return newest;
}

// WARDEN_NO_BUILD=1 (test servers): never build here — two servers starting at once must not
// both write the same build folder; the test runner builds once beforehand.
const noBuild = env.WARDEN_NO_BUILD === "1";
if (!dev && noBuild && !existsSync(buildId)) {
  console.error(`warden: no build in ${path.dirname(buildId)} and WARDEN_NO_BUILD=1; run \`npx next build\` first.`);
  process.exit(1);
}
const stale = !dev && !noBuild && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource());
if (stale) {
  console.log(existsSync(buildId) ? "warden: sources changed since the last build, rebuilding…" : "warden: no build found, building (about a minute)…");
  const t0 = Date.now();
  // The build's own output (route table, timings) is only shown when it fails.
  const built = spawnSync(process.execPath, [nextBin, "build"], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) {
    process.stdout.write(built.stdout ?? "");
    process.stderr.write(built.stderr ?? "");
    console.error("warden: the build failed (output above).");
    process.exit(built.status ?? 1);
  }
  console.log(`warden: built in ${Math.round((Date.now() - t0) / 1000)} s`);
}

const config = resolveDatabaseConfig(env);
const { applied, init, description } = await prepareDatabase(config, env);

const { startWardenServer } = await import("../lib/server/create-server");
const warden = await startWardenServer({ root, port, host, dev });

const lines = [
  `Warden is running at ${env.NEXTAUTH_URL}${dev ? " (development mode)" : ""}`,
  `database: ${description}${applied.length ? ` (applied ${applied.length} migration(s))` : ""}`,
];
if (init.adminCreated) lines.push(`created admin ${init.adminCreated} from WARDEN_INIT_ADMIN_EMAIL`);
if (init.agentCreated) lines.push(`created agent "${init.agentCreated}" from WARDEN_INIT_AGENT_NAME`);
if (init.agentKeyCreated) lines.push("registered WARDEN_INIT_AGENT_KEY");
if (init.generatedAdmin) {
  lines.push(
    "",
    "First start: an admin account was created. Its password is shown only this once:",
    `  e-mail:   ${init.generatedAdmin.email}`,
    `  password: ${init.generatedAdmin.password}`,
    "Sign in and create your users.",
  );
}
lines.push("", "Logs follow as JSON lines (LOG_LEVEL=debug for more). Ctrl-C stops.");
const width = Math.max(...lines.map((l) => l.length));
console.log(["", `┌─${"─".repeat(width)}─┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└─${"─".repeat(width)}─┘`, ""].join("\n"));

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) process.exit(1); // a second Ctrl-C: stop now
    stopping = true;
    warden.shutdown().then(
      () => process.exit(0),
      (err) => {
        console.error("warden: shutdown failed", err);
        process.exit(1);
      },
    );
  });
}
