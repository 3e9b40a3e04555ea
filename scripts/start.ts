// `npm start`: one command from a fresh clone to a running console.
// Builds when no build exists (or the sources are newer than it), migrates the database
// (embedded under .data/ unless DATABASE_URL is set), runs headless init, then serves on
// HOST:PORT (127.0.0.1:3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseConfig, resolveDataDir } from "../lib/db/config";
import { prepareDatabase } from "../lib/init";

const dev = process.argv.includes("--dev");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
const host = env.HOST || "127.0.0.1";

// next-auth needs a secret in the environment (its proxy reads nothing else). For local use a
// random one is generated once and kept in the data folder; production sets NEXTAUTH_SECRET.
if (!env.NEXTAUTH_SECRET) {
  const dataDir = resolveDataDir(env);
  const file = path.join(dataDir, "nextauth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
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
  for (const p of ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package.json"]) {
    if (p === "lib") for (const e of readdirSync("lib")) e !== "generated" && walk(path.join("lib", e));
    else walk(p);
  }
  return newest;
}

// WARDEN_NO_BUILD=1 (test servers): never build here — two servers starting at once must not
// both write the same build folder; the test runner builds once beforehand.
const noBuild = env.WARDEN_NO_BUILD === "1";
if (noBuild && !existsSync(buildId)) {
  console.error(`warden: no build in ${path.dirname(buildId)} and WARDEN_NO_BUILD=1; run \`npx next build\` first.`);
  process.exit(1);
}
const stale = !dev && !noBuild && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource());
if (stale) {
  console.log(existsSync(buildId) ? "warden: sources changed since the last build, rebuilding…" : "warden: no build found, building (about a minute)…");
  const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const config = resolveDatabaseConfig(env);
const { applied, init, description } = await prepareDatabase(config, env);
console.log(`warden: database: ${description}${applied.length ? ` (applied ${applied.length} migration(s))` : ""}`);
if (init.adminCreated) console.log(`warden: created admin ${init.adminCreated} from WARDEN_INIT_ADMIN_EMAIL`);
if (init.agentCreated) console.log(`warden: created agent "${init.agentCreated}" from WARDEN_INIT_AGENT_NAME`);
if (init.agentKeyCreated) console.log("warden: registered WARDEN_INIT_AGENT_KEY");
if (init.generatedAdmin) {
  console.log(
    [
      "",
      "  ┌───────────────────────────────────────────────────────────────┐",
      "  │ First start: an admin account was created.                    │",
      `  │   e-mail:   ${init.generatedAdmin.email.padEnd(50)}│`,
      `  │   password: ${init.generatedAdmin.password.padEnd(50)}│`,
      "  │ It is shown only this once. Sign in and create your users.    │",
      "  └───────────────────────────────────────────────────────────────┘",
      "",
    ].join("\n"),
  );
}
console.log(`warden: console at ${env.NEXTAUTH_URL}`);

const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port, "-H", host], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
