import { describe, expect, it } from "vitest";
import { authenticateAgent } from "../../lib/agents";
import { DEFAULT_ADMIN_EMAIL, initFromEnv } from "../../lib/init";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { useScratchDb } from "../helpers/db";

// Init looks at "are there any users at all?", so each part gets a database of its own.
const withInitVars = useScratchDb("init");
const empty = useScratchDb("init_first");

const KEY = "ci_agent_key_0123456789_abcdefghijklmnop";
const env = {
  WARDEN_INIT_ADMIN_EMAIL: "Ops@Example.test",
  WARDEN_INIT_ADMIN_PASSWORD: "a long init password",
  WARDEN_INIT_AGENT_NAME: "support-bot",
  WARDEN_INIT_AGENT_KEY: KEY,
};

describe("headless initialisation from WARDEN_INIT_*", () => {
  it("creates the admin and the agent with exactly that key", async () => {
    const db = withInitVars();
    const r = await initFromEnv(db, env);
    expect(r).toEqual({ adminCreated: "ops@example.test", agentCreated: "support-bot", agentKeyCreated: true });
    const who = await authenticateAgent(db, `Bearer ${KEY}`);
    expect(who.agentName).toBe("support-bot");
    const admin = await signInWithPassword(db, { email: "ops@example.test", password: env.WARDEN_INIT_ADMIN_PASSWORD });
    expect(admin.role).toBe("admin");
  });

  it("is idempotent across restarts, including concurrent ones", async () => {
    const db = withInitVars();
    const before = await Promise.all([db.user.count(), db.agent.count(), db.apiKey.count(), db.auditEvent.count()]);
    const results = await Promise.all([initFromEnv(db, env), initFromEnv(db, env), initFromEnv(db, env)]);
    for (const r of results) expect(r).toEqual({});
    const after = await Promise.all([db.user.count(), db.agent.count(), db.apiKey.count(), db.auditEvent.count()]);
    expect(after).toEqual(before);
  });

  it("does not generate a default admin once users exist", async () => {
    const db = withInitVars();
    const r = await initFromEnv(db, {});
    expect(r.generatedAdmin).toBeUndefined();
    expect(await db.user.findUnique({ where: { email: DEFAULT_ADMIN_EMAIL } })).toBeNull();
  });

  it("rejects invalid settings and changes nothing", async () => {
    const db = withInitVars();
    const before = await db.agent.count();
    await expect(initFromEnv(db, { WARDEN_INIT_AGENT_NAME: "x", WARDEN_INIT_AGENT_KEY: "too-short" })).rejects.toThrow(
      /WARDEN_INIT_AGENT_KEY/,
    );
    await expect(initFromEnv(db, { WARDEN_INIT_AGENT_NAME: "only-name" })).rejects.toThrow(/both/);
    await expect(initFromEnv(db, { WARDEN_INIT_ADMIN_EMAIL: "a@b.test", WARDEN_INIT_ADMIN_PASSWORD: "short" })).rejects.toThrow(
      /WARDEN_INIT_ADMIN_PASSWORD/,
    );
    expect(await db.agent.count()).toBe(before);
  });
});

describe("first start with no users and no init variables", () => {
  it("creates one admin with a generated password, once", async () => {
    const db2 = empty();
    const first = await initFromEnv(db2, {});
    expect(first.generatedAdmin?.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(first.generatedAdmin?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const actor = await signInWithPassword(db2, { email: DEFAULT_ADMIN_EMAIL, password: first.generatedAdmin!.password });
    expect(actor.role).toBe("admin");
    expect(await initFromEnv(db2, {})).toEqual({});
    expect(await db2.user.count()).toBe(1);
  });
});
