import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { passwordStamp } from "../../lib/auth/password";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "../../lib/errors";
import { changeOwnPassword, passwordResetView, resetUserPassword, resetUserPasswordFromShell, updateUser } from "../../lib/users";
import { startApp, type AppServer } from "../helpers/app-server";
import { useTestDb } from "../helpers/db";
import { makeUser, uniq } from "../helpers/factories";
import { signInOverHttp, trySignInOverHttp } from "../helpers/http-session";

const db = useTestDb();
const noWait = { sleep: async () => {} };

describe("resetUserPassword (admin)", () => {
  it("replaces the password with a one-time one: the old stops working, the new works", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { user, password: old } = await makeUser(db, "reviewer");
    const result = await resetUserPassword(db, admin, user.id);
    expect(passwordResetView.parse(result)).toEqual(result);
    expect(result.user).toMatchObject({ id: user.id, email: user.email });
    expect(result.password).toMatch(/^[A-Za-z0-9]{20}$/);
    await expect(signInWithPassword(db, { email: user.email, password: old })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(signInWithPassword(db, { email: user.email, password: result.password })).resolves.toMatchObject({ id: user.id });
  });

  it("moves the password stamp on, so sessions made with the old password end", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { user, password } = await makeUser(db, "viewer");
    const session = await signInWithPassword(db, { email: user.email, password });
    expect(session.passwordStamp).toBe(0);
    const { password: fresh } = await resetUserPassword(db, admin, user.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordStamp(row)).not.toBe(session.passwordStamp);
    // A second reset moves it on again, even within the same millisecond.
    const at = row.passwordChangedAt!;
    await resetUserPassword(db, admin, user.id, at);
    const again = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(again.passwordChangedAt!.getTime()).toBe(at.getTime() + 1);
    const next = await signInWithPassword(db, { email: user.email, password: fresh }).catch((e) => e);
    expect(next).toBeInstanceOf(UnauthenticatedError); // the first one-time password is gone too
  });

  it("records who reset it in an audit event, in the same transaction, never the password", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { user } = await makeUser(db, "manager");
    const { password } = await resetUserPassword(db, admin, user.id);
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events.map((e) => [e.action, e.actorType, e.actorId, e.after])).toEqual([
      ["user.password_reset", "user", admin.id, { via: "console", sessionsEnded: true }],
    ]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(password);
  });

  it("clears the e-mail's sign-in throttling", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { user } = await makeUser(db, "viewer");
    const ip = "192.0.2.77";
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(db, { email: user.email, password: `wrong ${i}`, ip }, undefined, noWait).catch(() => {});
    }
    await expect(signInWithPassword(db, { email: user.email, password: "anything at all", ip })).rejects.toBeInstanceOf(RateLimitedError);
    const { password } = await resetUserPassword(db, admin, user.id);
    await expect(signInWithPassword(db, { email: user.email, password, ip })).resolves.toMatchObject({ id: user.id });
  });

  it("is for admins only, not for one's own account, and a refusal writes nothing", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { actor: manager } = await makeUser(db, "manager");
    const { user } = await makeUser(db, "viewer");
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(resetUserPassword(db, manager, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserPassword(db, admin, admin.id)).rejects.toThrow(/Account page/);
    await expect(resetUserPassword(db, admin, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetUserPassword(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetId: { in: [user.id, admin.id] } } })).toBe(0);
  });

  it("of two concurrent resets, exactly one wins and the other is told", async () => {
    const { actor: a } = await makeUser(db, "admin");
    const { actor: b } = await makeUser(db, "admin");
    const { user } = await makeUser(db, "viewer");
    const results = await Promise.allSettled([resetUserPassword(db, a, user.id), resetUserPassword(db, b, user.id)]);
    const won = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ password: string }>[];
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    // Truly concurrent, the second is refused; if one ran after the other, both may succeed.
    for (const l of lost) expect(l.reason).toBeInstanceOf(ConflictError);
    expect(won.length).toBeGreaterThanOrEqual(1);
    // Either way exactly one shown password works, and the audit trail matches what happened.
    const works = await Promise.all(
      won.map((w) => signInWithPassword(db, { email: user.email, password: w.value.password }).then(() => true, () => false)),
    );
    expect(works.filter(Boolean)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: user.id } })).toBe(won.length);
  });

  it("works from the shell by e-mail, as the system", async () => {
    const { user } = await makeUser(db, "admin");
    const { password } = await resetUserPasswordFromShell(db, user.email.toUpperCase());
    await expect(signInWithPassword(db, { email: user.email, password })).resolves.toMatchObject({ id: user.id });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events.map((e) => [e.action, e.actorType, e.after])).toEqual([["user.password_reset", "system", { via: "shell", sessionsEnded: true }]]);
    await expect(resetUserPasswordFromShell(db, `${uniq("ghost")}@example.test`)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetUserPasswordFromShell(db, "not an e-mail")).rejects.toThrow(/valid e-mail/);
  });
});

describe("changeOwnPassword", () => {
  it("needs the current password, follows the new-password rules, and audits the change", async () => {
    const { user, actor, password } = await makeUser(db, "viewer");
    const next = "a brand new passphrase";
    const change = (body: object) => changeOwnPassword(db, actor, body, { ip: "192.0.2.10" }, undefined, noWait);
    await expect(change({ currentPassword: password, newPassword: "short", confirmPassword: "short" })).rejects.toThrow(/12/);
    await expect(change({ currentPassword: password, newPassword: next, confirmPassword: `${next}!` })).rejects.toThrow(/does not match/);
    await expect(change({ currentPassword: password, newPassword: password, confirmPassword: password })).rejects.toThrow(/must differ/);
    await expect(change({ currentPassword: password, newPassword: next, confirmPassword: next, extra: 1 })).rejects.toThrow();
    const wrong = await change({ currentPassword: "not my password", newPassword: next, confirmPassword: next }).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(wrong.extra.fieldErrors).toEqual([{ path: "currentPassword", message: "not your current password" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();

    const done = await change({ currentPassword: password, newPassword: next, confirmPassword: next });
    expect(Date.parse(done.passwordChangedAt)).not.toBeNaN();
    await expect(signInWithPassword(db, { email: user.email, password })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(signInWithPassword(db, { email: user.email, password: next })).resolves.toMatchObject({ id: user.id });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["user.password_changed", user.id]]);
  });

  it("counts wrong current passwords as failed sign-ins, so a borrowed session cannot guess on", async () => {
    const { actor, password } = await makeUser(db, "viewer");
    const ip = "192.0.2.99";
    const body = { currentPassword: "guess", newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" };
    for (let i = 0; i < 5; i++) await changeOwnPassword(db, actor, body, { ip }, undefined, noWait).catch(() => {});
    await expect(
      changeOwnPassword(db, actor, { ...body, currentPassword: password }, { ip }, undefined, noWait),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("refuses a disabled user", async () => {
    const { actor: admin } = await makeUser(db, "admin");
    const { actor, password } = await makeUser(db, "viewer");
    await updateUser(db, admin, actor.id, { disabled: true });
    const body = { currentPassword: password, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" };
    await expect(changeOwnPassword(db, actor, body)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

// Over real HTTP against the built app: the session cookie a browser holds stops working.
describe("sessions after a password change, over HTTP", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ databaseUrl: inject("databaseUrl"), env: { WARDEN_DISABLE_JOBS: "1" } });
  });
  afterAll(() => app?.stop());

  it("an admin's reset signs the user out everywhere; the one-time password signs them in", async () => {
    const { user: admin, password: adminPassword } = await makeUser(db, "admin");
    const { user, password } = await makeUser(db, "reviewer");
    const adminSession = await signInOverHttp(app.url, admin.email, adminPassword);
    const userSession = await signInOverHttp(app.url, user.email, password);
    expect((await userSession("/api/console/agents")).status).toBe(200);

    const res = await adminSession(`/api/console/users/${user.id}/password`, { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
    const { password: oneTime } = passwordResetView.parse(await res.json());

    expect((await userSession("/api/console/agents")).status).toBe(401);
    expect(await trySignInOverHttp(app.url, user.email, password)).toBeNull();
    const again = await signInOverHttp(app.url, user.email, oneTime);
    expect((await again("/api/console/agents")).status).toBe(200);
    expect((await adminSession("/api/console/agents")).status).toBe(200);
  });

  it("the reset route is admin-only and same-origin", async () => {
    const { user: manager, password } = await makeUser(db, "manager");
    const { user } = await makeUser(db, "viewer");
    const session = await signInOverHttp(app.url, manager.email, password);
    const res = await session(`/api/console/users/${user.id}/password`, { method: "POST", body: "{}" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const { user: admin, password: adminPassword } = await makeUser(db, "admin");
    const adminSession = await signInOverHttp(app.url, admin.email, adminPassword);
    const crossSite = await adminSession(`/api/console/users/${user.id}/password`, {
      method: "POST",
      body: "{}",
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
  });

  it("changing one's own password ends the other sessions; signing in with the new one works", async () => {
    const { user, password } = await makeUser(db, "viewer");
    const laptop = await signInOverHttp(app.url, user.email, password);
    const phone = await signInOverHttp(app.url, user.email, password);
    const next = "correct horse battery staple 2";
    const res = await laptop("/api/console/account/password", {
      method: "POST",
      body: JSON.stringify({ currentPassword: password, newPassword: next, confirmPassword: next }),
    });
    expect(res.status).toBe(200);
    expect((await phone("/api/console/agents")).status).toBe(401);
    const fresh = await signInOverHttp(app.url, user.email, next);
    expect((await fresh("/api/console/agents")).status).toBe(200);
  });
});
