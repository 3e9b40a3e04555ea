import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { checkReadiness } from "../../lib/health";
import { useTestDb } from "../helpers/db";
import { createScratchDatabase, dropDatabase } from "../helpers/pg-server";

const db = useTestDb();
const toDrop: string[] = [];
afterAll(async () => {
  for (const n of toDrop) await dropDatabase(n);
});

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await checkReadiness(db)).toMatchObject({ ready: true });
  });

  it("is not ready on an empty database, and ready once migrated", async () => {
    const s = await createScratchDatabase("ready");
    toDrop.push(s.name);
    const c = createDb({ kind: "postgres", url: s.url }, { poolMax: 1 });
    try {
      expect(await checkReadiness(c)).toMatchObject({ ready: false, reason: "database is not migrated" });
      await applyMigrations({ kind: "postgres", url: s.url });
      expect(await applyMigrations({ kind: "postgres", url: s.url })).toEqual([]);
      expect(await checkReadiness(c)).toMatchObject({ ready: true });
    } finally {
      await c.$disconnect();
    }
  });

  it("GET /api/ready answers 503 problem+json when the database is unreachable", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere";
    delete (globalThis as { __wardenDb?: unknown }).__wardenDb;
    const { GET } = await import("../../app/api/ready/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("5");
    const body = await res.json();
    expect(body).toMatchObject({ status: 503, code: "unavailable" });
    expect(body.detail).toMatch(/^database unreachable/);
    delete (globalThis as { __wardenDb?: unknown }).__wardenDb;
  });

  it("GET /api/ready answers 200 on the test database", async () => {
    process.env.DATABASE_URL = (await import("vitest")).inject("databaseUrl");
    delete (globalThis as { __wardenDb?: unknown }).__wardenDb;
    const { GET } = await import("../../app/api/ready/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready" });
  });
});
