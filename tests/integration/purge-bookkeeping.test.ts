import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { purgeIdempotencyRecords } from "../../lib/api/purge-idempotency-records";
import { purgeRateLimitWindows } from "../../lib/api/purge-rate-limit-windows";
import { consumeRateLimit } from "../../lib/api/rate-limit";
import { purgeLoginAttempts } from "../../lib/auth/purge-login-attempts";
import type { Db } from "../../lib/db/client";
import { purgeBookkeeping } from "../../lib/jobs/purge-bookkeeping";
import { useEmbeddedDb, useScratchDb } from "../helpers/db";

// Purges delete by age across whole tables, so they run on databases of their own.
const scratch = useScratchDb("purge");
const embedded = useEmbeddedDb("purge");

const now = new Date("2026-12-01T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

async function addLoginAttempts(db: Db, n: number, at: Date, email = "someone@example.test") {
  await db.loginAttempt.createMany({ data: Array.from({ length: n }, () => ({ email, ip: "203.0.113.1", succeeded: false, createdAt: at })) });
}

describe("bookkeeping purges", () => {
  it("the API's request path no longer deletes old rate-limit windows: the job does", async () => {
    const db = scratch();
    await db.rateLimitWindow.create({ data: { keyId: "old-key", windowStart: minutesAgo(30), count: 5 } });
    // The first request of a new minute used to delete old windows inline.
    await consumeRateLimit(db, "fresh-key", 100, now);
    expect(await db.rateLimitWindow.count({ where: { keyId: "old-key" } })).toBe(1);
    expect(await purgeRateLimitWindows(db, now)).toBe(1);
    expect(await db.rateLimitWindow.count({ where: { keyId: "old-key" } })).toBe(0);
    expect(await db.rateLimitWindow.count({ where: { keyId: "fresh-key" } })).toBe(1);
  });

  it("old rows go and recent ones stay, in every table, the cutoff itself staying", async () => {
    const db = scratch();
    await db.loginAttempt.deleteMany();
    await db.rateLimitWindow.deleteMany();
    await db.idempotencyRecord.deleteMany();
    await addLoginAttempts(db, 3, hoursAgo(25));
    await addLoginAttempts(db, 1, hoursAgo(24), "cutoff@example.test");
    await addLoginAttempts(db, 2, hoursAgo(1), "recent@example.test");
    await db.rateLimitWindow.createMany({
      data: [
        { keyId: "k", windowStart: minutesAgo(11), count: 1 },
        { keyId: "k", windowStart: minutesAgo(10), count: 1 },
        { keyId: "k", windowStart: minutesAgo(1), count: 1 },
      ],
    });
    const agentId = randomUUID();
    await db.idempotencyRecord.createMany({
      data: [
        { agentId, key: "old", requestHash: "h", responseCode: 200, responseBody: {}, createdAt: hoursAgo(30) },
        { agentId, key: "recent", requestHash: "h", responseCode: 200, responseBody: {}, createdAt: hoursAgo(2) },
      ],
    });

    expect(await purgeBookkeeping(db, now)).toEqual({ loginAttempts: 3, rateLimitWindows: 1, idempotencyRecords: 1 });

    const attempts = await db.loginAttempt.findMany({ orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => a.email)).toEqual(["cutoff@example.test", "recent@example.test", "recent@example.test"]);
    expect((await db.rateLimitWindow.findMany({ orderBy: { windowStart: "asc" } })).map((w) => w.windowStart)).toEqual([
      minutesAgo(10),
      minutesAgo(1),
    ]);
    expect((await db.idempotencyRecord.findMany()).map((r) => r.key)).toEqual(["recent"]);
    expect(await purgeBookkeeping(db, now)).toEqual({ loginAttempts: 0, rateLimitWindows: 0, idempotencyRecords: 0 });
  });

  it("works through a backlog in batches, at most maxBatches a run, the next run carrying on", async () => {
    const db = scratch();
    await db.loginAttempt.deleteMany();
    await addLoginAttempts(db, 2_500, hoursAgo(48));
    await addLoginAttempts(db, 1, now);
    expect(await purgeLoginAttempts(db, now, { batchSize: 1_000, maxBatches: 2 })).toBe(2_000);
    expect(await db.loginAttempt.count()).toBe(501);
    expect(await purgeLoginAttempts(db, now, { batchSize: 1_000 })).toBe(500);
    expect(await db.loginAttempt.count()).toBe(1);
  });

  it("is safe on several instances at once: every old row goes exactly once", async () => {
    const db = scratch();
    await db.idempotencyRecord.deleteMany();
    const agentId = randomUUID();
    await db.idempotencyRecord.createMany({
      data: Array.from({ length: 3_000 }, (_, i) => ({ agentId, key: `k${i}`, requestHash: "h", responseCode: 200, responseBody: {}, createdAt: hoursAgo(48) })),
    });
    const counts = await Promise.all([1, 2, 3].map(() => purgeIdempotencyRecords(db, now, { batchSize: 200 })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3_000);
    expect(await db.idempotencyRecord.count()).toBe(0);
  });

  it("runs on the embedded database too", async () => {
    const db = embedded();
    await addLoginAttempts(db, 5, hoursAgo(30));
    await addLoginAttempts(db, 1, now);
    await db.rateLimitWindow.create({ data: { keyId: "k", windowStart: minutesAgo(20), count: 1 } });
    expect(await purgeBookkeeping(db, now, { batchSize: 2 })).toEqual({ loginAttempts: 5, rateLimitWindows: 1, idempotencyRecords: 0 });
    expect(await db.loginAttempt.count()).toBe(1);
  });
});
