import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../../lib/net/client-address";
import { useTestDb } from "../helpers/db";
import { makeUser, uniq } from "../helpers/factories";

// next-auth's `authorize`, called as next-auth calls it: credentials and a plain header object.
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

const db = useTestDb();
let authorize: Authorize;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  const { authOptions } = await import("../../lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
});
afterAll(async () => {
  const { getDb } = await import("../../lib/db/client");
  await getDb().$disconnect();
  process.env.DATABASE_URL = savedUrl;
});

describe("the client address sign-in throttling keys on", () => {
  it("is the one Warden's server resolved, never X-Forwarded-For", async () => {
    const email = `${uniq("xff")}@example.test`;
    await expect(
      authorize({ email, password: "wrong" }, { headers: { "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "198.51.100.9" } }),
    ).rejects.toThrow(/Wrong e-mail or password/);
    const rows = await db.loginAttempt.findMany({ where: { email } });
    expect(rows.map((r) => r.ip)).toEqual(["198.51.100.9"]);
  });

  it("cannot be rotated by a client sending a new X-Forwarded-For each time", async () => {
    const address = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 30; i++) {
      await authorize(
        { email: `${uniq("spray")}@example.test`, password: "guess" },
        { headers: { "x-forwarded-for": `6.6.${i}.1`, [CLIENT_ADDRESS_HEADER]: address } },
      ).catch(() => {});
    }
    const { user, password } = await makeUser(db, "viewer");
    await expect(
      authorize({ email: user.email, password }, { headers: { "x-forwarded-for": "6.6.99.1", [CLIENT_ADDRESS_HEADER]: address } }),
    ).rejects.toThrow(/Too many failed sign-ins/);
  });
});
