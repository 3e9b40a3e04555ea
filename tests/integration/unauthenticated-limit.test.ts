import { describe, expect, it } from "vitest";
import * as agentRoute from "../../app/api/v1/agent/route";
import * as typesRoute from "../../app/api/v1/action-types/route";
import * as otlpRoute from "../../app/api/v1/otlp/v1/traces/route";
import { LIMITS } from "../../lib/api/limits";
import { call, useRouteDb } from "../helpers/call-route";
import { useTestDb } from "../helpers/db";
import { makeAgent } from "../helpers/factories";

// Requests with a missing or wrong key are limited per client address (the address Warden's
// server resolved), so guessing keys or hammering the key lookup is bounded; valid keys from
// the same address are never slowed by it.

useRouteDb();
const db = useTestDb();
let n = 0;
const address = () => `203.0.113.${++n}`;

describe("missing or wrong agent keys", () => {
  it("get 429 with Retry-After once an address exceeds its limit; other addresses and valid keys are unaffected", async () => {
    const from = address();
    const asClient = { "x-warden-client-address": from };
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.unauthenticatedPerMinute + 2; i++) {
      const r = await call(agentRoute.GET, { headers: asClient, key: i % 2 ? "wk_not-a-real-key-but-long-enough-to-look-like-one" : undefined });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, LIMITS.unauthenticatedPerMinute).every((s) => s === 401)).toBe(true);
    const limited = await call(agentRoute.GET, { headers: asClient });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    // Personal-token endpoints and OTLP count against the same address.
    expect((await call(typesRoute.GET, { headers: asClient, key: `wdp_${"x".repeat(40)}` })).status).toBe(429);
    expect((await call(otlpRoute.POST, { method: "POST", headers: asClient, rawBody: "{}" })).status).toBe(429);

    expect((await call(agentRoute.GET, { headers: { "x-warden-client-address": address() } })).status).toBe(401);
    const { key } = await makeAgent(db);
    expect((await call(agentRoute.GET, { headers: asClient, key })).status).toBe(200);
  });
});
