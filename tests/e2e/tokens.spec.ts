import { expect, test } from "@playwright/test";
import { e2eDb, makeUser, signIn, uniq } from "./helpers";

// Personal API tokens: policy as code with the person's own role (docs/api-conventions.md#authentication).

test("a manager creates a personal token; it reads and changes action types until it is revoked", async ({ page, request }) => {
  const db = e2eDb();
  const key = `e2e.${uniq("token").replace(/-/g, "_")}`;
  await db.actionType.create({ data: { key, level: 3 } });
  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", exact: true })).toBeVisible();
  await expect(page.getByText("No tokens yet")).toBeVisible();

  // A name is required.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Token name")).toHaveAccessibleDescription(/Give the token a name/);
  expect(await db.personalToken.count({ where: { userId: user.id } })).toBe(0);

  await page.getByLabel("Token name").fill("policy-repo CI");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-personal-token");
  await expect(shown).toBeVisible();
  const token = (await shown.textContent())!.trim();
  expect(token).toMatch(/^wdp_[A-Za-z0-9]{40}$/);
  const panel = page.getByRole("region", { name: /Copy the token “policy-repo CI” now/ });
  await expect(panel).toContainText("Authorization: Bearer <token>");
  await expect(panel).toContainText("/api/v1/action-types");

  const auth = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/action-types", { headers: auth });
  expect(list.status()).toBe(200);
  expect(JSON.stringify(await list.json())).toContain(key);

  const patched = await request.patch(`/api/v1/action-types/${key}`, { headers: auth, data: { minConfidence: 0.8 } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).actionType).toMatchObject({ key, minConfidence: 0.8 });
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).minConfidence).toBe(0.8);

  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByTestId("new-personal-token")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: "policy-repo CI" });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke token policy-repo CI" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke the token “policy-repo CI”?" });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/action-types", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  const refusedPatch = await request.patch(`/api/v1/action-types/${key}`, { headers: auth, data: { minConfidence: 0.5 } });
  expect(refusedPatch.status()).toBe(401);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).minConfidence).toBe(0.8);
});

test("reviewers have no API tokens page", async ({ page }) => {
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
});
