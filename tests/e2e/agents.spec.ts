import { expect, test } from "@playwright/test";
import { e2eDb, makeUser, signIn, uniq } from "./helpers";

test("a manager creates an agent and a key; the key works once shown and stops when revoked", async ({ page, request }) => {
  const { user, password } = await makeUser(e2eDb(), "manager");
  await signIn(page, user.email, password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", exact: true })).toBeVisible();

  const name = uniq("support-bot");
  await page.getByRole("button", { name: "New agent" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill("Answers support tickets");
  await page.getByRole("button", { name: "Create agent" }).click();
  // Creating an agent opens its page.
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toBeVisible();
  const key = (await shown.textContent())!.trim();
  expect(key).toMatch(/^wdn_[A-Za-z0-9]{40}$/);

  const ok = await request.get("/api/v1/agent", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ name });

  // Shown once: after a reload the key is gone from the page, only its prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key.slice(0, 12))).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("button", { name: "Revoke", exact: true })).toHaveCount(0);
  const refused = await request.get("/api/v1/agent", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("a reviewer sees agents but no buttons that change them", async ({ page }) => {
  const db = e2eDb();
  const { user, password } = await makeUser(db, "reviewer");
  const agent = await db.agent.create({ data: { name: uniq("read-only") } });
  await signIn(page, user.email, password);
  await page.goto("/agents");
  await expect(page.getByRole("link", { name: agent.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "New agent" })).toHaveCount(0);
  await page.getByRole("link", { name: agent.name }).click();
  await expect(page.getByRole("heading", { name: agent.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
});

test("an admin creates a user who can then sign in with the given role", async ({ page, browser }) => {
  const { user, password } = await makeUser(e2eDb(), "admin");
  await signIn(page, user.email, password);
  await page.goto("/admin/users");
  // What each role may do, as the console enforces it: viewers read the queues too.
  await expect(page.getByText(/^Viewers see /)).toHaveText(
    "Viewers see agents, the approval and draft queues, action types and autonomy, read-only; reviewers also decide actions and record drafts; managers also run agents, guardrails and autonomy and keep API tokens; admins also manage users.",
  );
  const email = `${uniq("new")}@example.test`;
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Name", { exact: true }).fill("New Person");
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByLabel("Initial password")).toHaveAccessibleDescription(/at least 12 characters/i);
  expect(await e2eDb().user.findUnique({ where: { email } })).toBeNull();
  await page.getByLabel("Initial password").fill("a long initial password");
  await page.getByRole("button", { name: "Create user" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await row.getByLabel(`Role for ${email}`).selectOption("reviewer");
  await expect.poll(async () => (await e2eDb().user.findUnique({ where: { email } }))?.role).toBe("reviewer");

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await signIn(other, email, "a long initial password");
  await expect(other.getByTestId("current-user-role")).toHaveText(/reviewer/i);
  await ctx.close();
});
