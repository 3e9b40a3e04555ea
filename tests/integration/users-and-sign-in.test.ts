import { describe, expect, it } from "vitest";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { emailSlowDownMs } from "../../lib/auth/throttle";
import { ConflictError, ForbiddenError, RateLimitedError, UnauthenticatedError } from "../../lib/errors";
import { createUser, updateUser } from "../../lib/users";
import { useScratchDb, useTestDb } from "../helpers/db";
import { makeUser, uniq } from "../helpers/factories";

const db = useTestDb();
const scratch = useScratchDb("users");

describe("users", () => {
  it("an admin creates a user; the e-mail is normalised and the password hashed", async () => {
    const { actor } = await makeUser(db, "admin");
    const email = `${uniq("Mixed")}@Example.TEST`;
    const view = await createUser(db, actor, { email, role: "reviewer", password: "twelve chars!" });
    expect(view).toMatchObject({ email: email.toLowerCase(), role: "reviewer", disabled: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const events = await db.auditEvent.findMany({ where: { targetId: view.id } });
    expect(events.map((e) => e.action)).toEqual(["user.created"]);
  });

  it("refuses duplicates, bad input and non-admins, writing nothing", async () => {
    const { actor: admin, user: existing } = await makeUser(db, "admin");
    const { actor: manager } = await makeUser(db, "manager");
    const before = await db.user.count();
    await expect(createUser(db, admin, { email: existing.email, role: "viewer", password: "long enough pw" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(createUser(db, admin, { email: "not-an-email", role: "viewer", password: "long enough pw" })).rejects.toThrow(
      /valid e-mail/,
    );
    await expect(createUser(db, admin, { email: "a@b.test", role: "owner", password: "long enough pw" })).rejects.toThrow();
    await expect(createUser(db, admin, { email: "a@b.test", role: "viewer", password: "short" })).rejects.toThrow(/12/);
    await expect(createUser(db, admin, { email: "a@b.test", role: "viewer", password: "long enough pw", extra: 1 })).rejects.toThrow();
    await expect(createUser(db, manager, { email: "m@b.test", role: "viewer", password: "long enough pw" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await db.user.count()).toBe(before);
  });

  it("never leaves Warden without an active admin, even under concurrent demotions", async () => {
    const own = scratch();
    const a = await makeUser(own, "admin");
    const b = await makeUser(own, "admin");
    const results = await Promise.allSettled([
      updateUser(own, a.actor, b.user.id, { role: "viewer" }),
      updateUser(own, b.actor, a.user.id, { disabled: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ConflictError);
    expect(await own.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
    const last = (await own.user.findFirstOrThrow({ where: { role: "admin", disabledAt: null } })).id;
    const lastActor = last === a.user.id ? a.actor : b.actor;
    await expect(updateUser(own, lastActor, last, { role: "manager" })).rejects.toThrow(/at least one active admin/);
  });

  it("changes roles and disables users, with an audit trail", async () => {
    const { actor } = await makeUser(db, "admin");
    const { user } = await makeUser(db, "viewer");
    await updateUser(db, actor, user.id, { role: "manager" });
    const disabled = await updateUser(db, actor, user.id, { disabled: true });
    expect(disabled).toMatchObject({ role: "manager", disabled: true });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.updated", { role: "viewer", disabled: false }, { role: "manager", disabled: false }],
      ["user.updated", { role: "manager", disabled: false }, { role: "manager", disabled: true }],
    ]);
    await expect(updateUser(db, actor, user.id, {})).rejects.toThrow(/nothing to change/);
  });
});

describe("signInWithPassword", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const { user, password } = await makeUser(db, "viewer");
    const actor = await signInWithPassword(db, { email: user.email.toUpperCase(), password });
    expect(actor.id).toBe(user.id);
  });

  it("refuses a wrong password, an unknown e-mail and a disabled user alike", async () => {
    const { user, password, actor } = await makeUser(db, "viewer");
    await expect(signInWithPassword(db, { email: user.email, password: "nope nope nope" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(signInWithPassword(db, { email: `${uniq("ghost")}@x.test`, password })).rejects.toBeInstanceOf(UnauthenticatedError);
    const { actor: admin } = await makeUser(db, "admin");
    await updateUser(db, admin, actor.id, { disabled: true });
    await expect(signInWithPassword(db, { email: user.email, password })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("throttles an e-mail from one (here: unknown) address after 5 failures in 15 minutes, then lets it in again", async () => {
    const { user, password } = await makeUser(db, "reviewer");
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword(db, { email: user.email, password: `bad ${i}` }, new Date(t0.getTime() + i))).rejects.toBeInstanceOf(
        UnauthenticatedError,
      );
    }
    const blocked = signInWithPassword(db, { email: user.email, password }, new Date(t0.getTime() + 10));
    await expect(blocked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signInWithPassword(db, { email: user.email, password }, new Date(t0.getTime() + 10))).rejects.toThrow(
      /Too many failed sign-ins/,
    );
    const later = new Date(t0.getTime() + 15 * 60_000 + 1_000);
    await expect(signInWithPassword(db, { email: user.email, password }, later)).resolves.toMatchObject({ id: user.id });
  });

  it("failures from one address never lock the account out for another address", async () => {
    const { user, password } = await makeUser(db, "admin");
    const attacker = "203.0.113.7";
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const noWait = async () => {};
    for (let i = 0; i < 8; i++) {
      await signInWithPassword(db, { email: user.email, password: `guess ${i}`, ip: attacker }, at(i), { sleep: noWait }).catch(() => {});
    }
    // The attacker's own address is refused for this e-mail, even with the right password...
    await expect(signInWithPassword(db, { email: user.email, password, ip: attacker }, at(20), { sleep: noWait })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    // ...while the owner, elsewhere, gets in: slowed down a little, never locked.
    const waits: number[] = [];
    const record = async (ms: number) => void waits.push(ms);
    await expect(
      signInWithPassword(db, { email: user.email, password, ip: "198.51.100.4" }, at(30), { sleep: record }),
    ).resolves.toMatchObject({ id: user.id });
    // Only the five checked passwords count; the refused attempts checked nothing.
    expect(waits).toEqual([emailSlowDownMs(5)]);
  });

  it("throttles a client address across e-mails", async () => {
    const ip = `10.9.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
    for (let i = 0; i < 30; i++) {
      await signInWithPassword(db, { email: `${uniq("spray")}@x.test`, password: "guess", ip }).catch(() => {});
    }
    const { user, password } = await makeUser(db, "viewer");
    await expect(signInWithPassword(db, { email: user.email, password, ip })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signInWithPassword(db, { email: user.email, password, ip: "10.0.0.1" })).resolves.toMatchObject({ id: user.id });
  });
});
