// `npm start`: one command from a fresh clone to a running console.
// Builds when no build exists, migrates the database (embedded under .data/ unless
// DATABASE_URL is set), runs headless init, then serves on HOST:PORT (127.0.0.1:3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseConfig, resolveDataDir } from "../lib/db/config";
import { prepareDatabase } from "../lib/db/prepare";

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
if (!dev && !existsSync(path.join(env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.log("warden: no build found, building (about a minute)…");
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
