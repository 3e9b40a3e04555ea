import { expect, test } from "@playwright/test";
import { createClient } from "../../lib/sdk";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// Every action findable: ⌘K jumps to an action, a run or an agent; the Actions page filters on
// the server with its filters in the URL; the overview's numbers lead to their lists; the API
// reference is a page of the console.

async function fleet() {
  const db = e2eDb();
  const type = `e2e.${uniq("find").replace(/-/g, "_")}`;
  await db.actionType.create({ data: { key: type, level: 2 } });
  const name = uniq("finder");
  const { agent, key } = await makeAgent(db, { name });
  const warden = createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } });
  const externalId = uniq("order");
  const run = await warden.startRun({ externalId });
  const subject = uniq("customer");
  const asked = await warden.authorize({ runId: run.id, type, subject, payload: { n: 1 }, rationale: "First." });
  const other = await warden.authorize({ type, subject: uniq("customer"), payload: { n: 2 } });
  await warden.shutdown();
  return { agent, type, run, externalId, subject, id: asked.id!, otherId: other.id! };
}

test("⌘K jumps to an action by its subject, to a run's actions by its external id, to an agent by part of its name", async ({ page }) => {
  const f = await fleet();
  const { user, password } = await makeUser(e2eDb(), "viewer");
  await signIn(page, user.email, password);

  const search = page.getByRole("combobox", { name: "Search the console" });
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass();
  await search.fill(f.subject);
  const results = page.getByRole("listbox", { name: "Results" });
  await expect(results.getByRole("option").first()).toContainText(`${f.type} · ${f.subject}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/actions/${f.id}$`));
  await expect(page.getByRole("heading", { name: f.type })).toBeVisible();

  // From the sidebar's button too; the arrow keys move to the option wanted.
  await page.getByRole("button", { name: "Search" }).first().click();
  await search.fill(f.externalId);
  await expect(results.getByRole("option").first()).toContainText(`Run ${f.externalId}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/actions\\?q=${f.run.id}`));
  await expect(page.getByTestId("action-row")).toHaveCount(1);
  await expect(page.getByTestId("action-row")).toContainText(f.subject);

  await page.keyboard.press("Control+k");
  await search.fill(f.agent.name.slice(3).toUpperCase());
  await expect(results.getByRole("option").filter({ hasText: f.agent.name })).toHaveCount(1);
  await results.getByRole("option").filter({ hasText: f.agent.name }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${f.agent.id}$`));
});

test("the Actions page filters on the server, keeps its filters in the URL, and a decision shows up with who made it", async ({ page }) => {
  const f = await fleet();
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
  const decided = await consoleFetch(page.request, "POST", `/api/console/actions/${f.id}/decision`, { decision: "reject", reason: "Not this one." });
  expect(decided.status()).toBe(200);

  await page.goto("/actions");
  await page.getByLabel("Action type").selectOption(f.type);
  await expect(page).toHaveURL(new RegExp(`type=${f.type.replace(/\./g, "\\.")}`));
  const rows = page.getByTestId("action-row");
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Status").selectOption("rejected");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Rejected");
  await expect(rows).toContainText(user.email);
  await page.getByLabel("Decided by").selectOption({ label: user.email });
  await expect(page).toHaveURL(new RegExp(`reviewerId=${user.id}`));

  // A reload (or a shared link) comes back to the same list.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("rejected");
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("link", { name: new RegExp(f.subject) })).toHaveAttribute("href", `/actions/${f.id}`);

  await page.getByLabel("Status").selectOption("pending");
  await expect(page.getByText("No action matches these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/actions$/);
});

test("the overview's numbers lead to their lists, and the API reference renders the agent API's document", async ({ page }) => {
  await fleet();
  const { user, password } = await makeUser(e2eDb(), "viewer");
  await signIn(page, user.email, password);
  await page.getByRole("link", { name: /Pending actions/ }).click();
  await expect(page).toHaveURL(/\/actions\?status=pending/);
  await expect(page.getByLabel("Status")).toHaveValue("pending");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", exact: true })).toBeVisible();
  const ask = page.locator("#requestAction");
  await expect(ask.getByRole("heading", { name: /\/api\/v1\/actions$/ })).toBeVisible();
  await expect(ask).toContainText("Ask before acting");
  await expect(ask).toContainText("Idempotency-Key");
  await expect(ask.getByRole("link", { name: "RequestActionInput" })).toHaveAttribute("href", "#schema-RequestActionInput");
  await expect(ask).toContainText("422");
  await expect(page.locator("#schema-RequestActionInput")).toContainText("subject");
});
