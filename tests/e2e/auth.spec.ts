import { expect, test } from "@playwright/test";
import { ROLES } from "../../lib/auth/roles";
import { consoleFetch, e2eDb, makeUser, signIn, signInThroughForm, uniq } from "./helpers";

test.describe("sign-in and roles", () => {
  for (const role of ROLES) {
    test(`a ${role} signs in and sees the sections their role allows`, async ({ page }) => {
      const { user, password } = await makeUser(e2eDb(), role);
      await signIn(page, user.email, password);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Agents" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
      await expect(page.getByTestId("current-user-email")).toHaveText(user.email);
    });
  }

  test("a viewer is refused the admin page and admin mutations (403, nothing changed)", async ({ page }) => {
    const db = e2eDb();
    const { user: viewer, password } = await makeUser(db, "viewer");
    const { user: target } = await makeUser(db, "reviewer");
    await signIn(page, viewer.email, password);

    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();

    const email = `${uniq("blocked")}@example.test`;
    const create = await consoleFetch(page.request, "POST", "/api/console/users", {
      email,
      role: "admin",
      password: "a long enough password",
    });
    expect(create.status()).toBe(403);
    expect(create.headers()["content-type"]).toBe("application/problem+json");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const promote = await consoleFetch(page.request, "PATCH", `/api/console/users/${target.id}`, { role: "admin" });
    expect(promote.status()).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("reviewer");

    const agent = await consoleFetch(page.request, "POST", "/api/console/agents", { name: uniq("nope") });
    expect(agent.status()).toBe(403);
  });

  test("signed-out visitors are sent to sign-in, and the console API answers 401", async ({ page, request }) => {
    await page.goto("/agents");
    await expect(page).toHaveURL(/\/sign-in/);
    const res = await request.get("/api/console/agents");
    expect(res.status()).toBe(401);
  });

  test("a wrong password is refused", async ({ page }) => {
    const { user } = await makeUser(e2eDb(), "manager");
    await signInThroughForm(page, user.email, "not the password at all");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/console/agents")).status()).toBe(401);
  });

  test("repeated failures throttle the account, even for the right password", async ({ page }) => {
    const { user, password } = await makeUser(e2eDb(), "reviewer");
    for (let i = 0; i < 5; i++) {
      await signInThroughForm(page, user.email, `wrong password ${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
    }
    await signInThroughForm(page, user.email, password);
    await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
    expect((await page.request.get("/api/console/agents")).status()).toBe(401);
  });

  test("console mutations from another origin are refused (CSRF)", async ({ page }) => {
    const db = e2eDb();
    const { user, password } = await makeUser(db, "admin");
    await signIn(page, user.email, password);
    const name = uniq("csrf");
    const res = await consoleFetch(page.request, "POST", "/api/console/agents", { name }, "https://evil.example");
    expect(res.status()).toBe(403);
    expect(await db.agent.findUnique({ where: { name } })).toBeNull();
  });

  test("a disabled user is signed out and cannot sign in again", async ({ page, browser }) => {
    const db = e2eDb();
    const { user: admin, password } = await makeUser(db, "admin");
    const { user: victim, password: victimPassword } = await makeUser(db, "reviewer");
    const victimContext = await browser.newContext();
    const victimPage = await victimContext.newPage();
    await signIn(victimPage, victim.email, victimPassword);

    await signIn(page, admin.email, password);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: victim.email });
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

    expect((await victimPage.request.get("/api/console/agents")).status()).toBe(401);
    await victimPage.goto("/");
    await expect(victimPage).toHaveURL(/\/sign-in/);
    await signInThroughForm(victimPage, victim.email, victimPassword);
    await expect(victimPage.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
    await victimContext.close();
  });
});
