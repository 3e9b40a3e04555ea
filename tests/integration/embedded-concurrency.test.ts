import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateAgent, createAgent, createApiKey } from "../../lib/agents";
import { closeEmbedded } from "../../lib/db/adapter";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { listUsers, updateUser } from "../../lib/users";
import { getOverview } from "../../lib/overview";
import { makeUser } from "../helpers/factories";

// The embedded database is one PGlite backend: queries and transactions are serialized. This
// checks that a reviewer and 20 agents working at once neither deadlock nor fail.
let dir: string;
let db: Db;
const config = () => ({ kind: "embedded" as const, dataDir: path.join(dir, "pg") });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "warden-it-embedded-"));
  await applyMigrations(config());
  db = createDb(config());
});
afterAll(async () => {
  await db.$disconnect();
  await closeEmbedded(config().dataDir);
  rmSync(dir, { recursive: true, force: true });
});

describe("embedded Postgres under concurrent use", () => {
  it("serves 20 agents and an admin's transactions at the same time", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { actor: manager } = await makeUser(db, "manager");
    const agents = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const a = await createAgent(db, manager, { name: `agent-${i}` });
        return (await createApiKey(db, manager, a.id, {})).key;
      }),
    );
    const { user: someone } = await makeUser(db, "viewer");
    const work = [
      ...agents.map(async (key) => {
        for (let i = 0; i < 5; i++) await authenticateAgent(db, `Bearer ${key}`);
      }),
      (async () => {
        for (let i = 0; i < 10; i++) {
          await updateUser(db, admin, someone.id, { role: i % 2 ? "viewer" : "reviewer" });
          await listUsers(db, admin);
          await getOverview(db, admin);
        }
      })(),
    ];
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await getOverview(db, admin)).agents).toBe(20);
  });
});
