import { describe, expect, it } from "vitest";
import { authenticateAgent, createAgent, createApiKey } from "../../lib/agents";
import { listUsers, updateUser } from "../../lib/users";
import { getOverview } from "../../lib/overview";
import { useEmbeddedDb } from "../helpers/db";
import { makeUser } from "../helpers/factories";

// The embedded database is one PGlite backend: queries and transactions are serialized. This
// checks that a reviewer and 20 agents working at once neither deadlock nor fail.
const embedded = useEmbeddedDb("embedded");

describe("embedded Postgres under concurrent use", () => {
  it("serves 20 agents and an admin's transactions at the same time", async () => {
    const db = embedded();
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
