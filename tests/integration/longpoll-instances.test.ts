import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppServer } from "../helpers/app-server";
import { signInOverHttp } from "../helpers/http-session";
import { useTestDb } from "../helpers/db";
import { makeAgent, makeUser, uniq } from "../helpers/factories";

// Two app instances on one Postgres: agents wait on instance A, a reviewer decides through
// instance B. Postgres (LISTEN/NOTIFY) is the only thing they share.
const db = useTestDb();
let a: AppServer;
let b: AppServer;

beforeAll(async () => {
  [a, b] = await Promise.all([startApp({ databaseUrl: inject("databaseUrl") }), startApp({ databaseUrl: inject("databaseUrl") })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const percentile = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

describe("long-poll across instances", () => {
  it("a decision through one instance wakes waiters on the other, with the decided payload", async () => {
    const { key } = await makeAgent(db);
    const { user, password } = await makeUser(db, "reviewer");
    const type = `test.${uniq("wake").replace(/-/g, "_")}`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const reviewer = await signInOverHttp(b.url, user.email, password);
    const agentFetch = (path: string, init: RequestInit = {}) =>
      fetch(`${a.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...(init.headers ?? {}) } });

    const wakes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await (await agentFetch("/api/v1/actions", { method: "POST", body: JSON.stringify({ type, payload: { n: i } }) })).json();
      expect(created.decision).toBe("wait");
      let wokeAt = 0;
      const waiting = agentFetch(`/api/v1/actions/${created.id}?wait=30`).then(async (r) => {
        wokeAt = performance.now();
        return r.json();
      });
      await new Promise((r) => setTimeout(r, 150)); // let the waiter subscribe on instance A
      const edit = i % 2 === 0 ? { payload: { n: i, edited: true } } : {};
      const decided = await reviewer(`/api/console/actions/${created.id}/decision`, {
        method: "POST",
        body: JSON.stringify({ decision: "approve", ...edit }),
      });
      const decidedAt = performance.now();
      expect(decided.status).toBe(200);
      const seen = await waiting;
      expect(seen).toMatchObject({ decision: "execute", status: "approved", payload: i % 2 === 0 ? { n: i, edited: true } : { n: i } });
      wakes.push(Math.max(0, wokeAt - decidedAt));
    }
    const p50 = percentile(wakes, 50);
    const p99 = percentile(wakes, 99);
    console.log(`long-poll wake after decision across instances: p50=${p50.toFixed(1)}ms p99=${p99.toFixed(1)}ms n=${wakes.length}`);
    // The safety-net poll runs every 2 s; a wake well under that shows the notification path worked.
    expect(p99).toBeLessThan(1_000);
  });

  it("a second reviewer deciding the same action gets 409 naming who decided", async () => {
    const { key } = await makeAgent(db);
    const one = await makeUser(db, "reviewer");
    const two = await makeUser(db, "reviewer");
    const type = `test.${uniq("race").replace(/-/g, "_")}`;
    await db.actionType.create({ data: { key: type, level: 2 } });
    const created = await (
      await fetch(`${a.url}/api/v1/actions`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ type, payload: {} }),
      })
    ).json();
    const [r1, r2] = await Promise.all([
      signInOverHttp(a.url, one.user.email, one.password),
      signInOverHttp(b.url, two.user.email, two.password),
    ]);
    const results = await Promise.all([
      r1(`/api/console/actions/${created.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "approve" }) }),
      r2(`/api/console/actions/${created.id}/decision`, { method: "POST", body: JSON.stringify({ decision: "reject", reason: "no" }) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect((await loser.json()).detail).toMatch(/already (approved|rejected) by /);
    expect(await db.review.count({ where: { targetId: created.id } })).toBe(1);
  });
});
