import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { closeEmbedded } from "../../lib/db/adapter";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { makeUser } from "../helpers/factories";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

// `npm run user:reset-password -- <email>` as an operator runs it, against scratch databases.
const root = path.resolve(import.meta.dirname, "../..");

function runScript(args: string[], env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile("npm", ["run", "--silent", "user:reset-password", "--", ...args], { cwd: root, env: childEnv }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const passwordIn = (stdout: string) => /^ {2}password: (\S+)$/m.exec(stdout)?.[1];

describe("npm run user:reset-password, with DATABASE_URL", () => {
  let name = "";
  let url = "";
  let db: Db;
  beforeAll(async () => {
    ({ name, url } = await createScratchDatabase("resetpw"));
    await applyMigrations({ kind: "postgres", url });
    db = createDb({ kind: "postgres", url }, { poolMax: 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    if (name) await dropDatabase(name);
  });

  it("prints a new one-time password once; it signs in and the old one no longer does", async () => {
    const { user, password: old } = await makeUser(db, "admin", { email: "sole-admin@example.test" });
    const r = await runScript(["Sole-Admin@Example.test"], { DATABASE_URL: url });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("new one-time password for sole-admin@example.test (admin)");
    const password = passwordIn(r.stdout);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(r.stdout.split(password!).length - 1).toBe(1);
    await expect(signInWithPassword(db, { email: user.email, password: old })).rejects.toThrow(/Wrong e-mail or password/);
    await expect(signInWithPassword(db, { email: user.email, password })).resolves.toMatchObject({ id: user.id, role: "admin" });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events.map((e) => [e.action, e.actorType])).toEqual([["user.password_reset", "system"]]);
  });

  it("says clearly when no user has the e-mail, and changes nothing", async () => {
    const before = await db.auditEvent.count();
    const r = await runScript(["nobody@example.test"], { DATABASE_URL: url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no user has the e-mail nobody@example.test; nothing was changed.");
    expect(r.stdout).not.toMatch(/password:/);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses a malformed e-mail and a missing argument", async () => {
    const bad = await runScript(["not-an-email"], { DATABASE_URL: url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"not-an-email" is not a valid e-mail address');
    const none = await runScript([], { DATABASE_URL: url });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage: npm run user:reset-password -- <email>");
  });
});

describe("npm run user:reset-password, with the embedded database", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "warden-resetpw-"));
  });
  afterAll(async () => {
    await closeEmbedded(path.join(dir, "pg"));
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the database in WARDEN_DATA_DIR like npm start does", async () => {
    const config = { kind: "embedded" as const, dataDir: path.join(dir, "pg") };
    await applyMigrations(config);
    let db = createDb(config);
    const { user } = await makeUser(db, "admin", { email: "admin@warden.local" });
    await db.$disconnect();
    await closeEmbedded(config.dataDir); // the script must be the only one with the folder open

    const r = await runScript(["admin@warden.local"], { DATABASE_URL: undefined, WARDEN_DATA_DIR: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`embedded Postgres (PGlite) in ${config.dataDir}`);
    const password = passwordIn(r.stdout);

    db = createDb(config);
    await expect(signInWithPassword(db, { email: "admin@warden.local", password })).resolves.toMatchObject({ id: user.id });
    await db.$disconnect();
  });
});
