import { expect, test } from "@playwright/test";
import { createClient, payloadDigest } from "../../lib/sdk";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// The audit log: an admin narrows it to one action and reads its receipts from the agent's
// request to its result; a reviewer is refused the page and the export.

test("an admin filters the audit log to one action and sees its receipt chain from request to result", async ({ page, browser }) => {
  const db = e2eDb();
  const type = await db.actionType.create({ data: { key: `e2e.${uniq("audit").replace(/-/g, "_")}`, level: 2 } });
  const { agent, key } = await makeAgent(db);
  const reviewer = await makeUser(db, "reviewer");
  const warden = createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } });
  const proposal = { orderId: "A-1042", amountUsd: 120 };
  const edited = { orderId: "A-1042", amountUsd: 90 };
  const asked = await warden.authorize({ type: type.key, payload: proposal, rationale: "Damaged in transit." });
  expect(asked.decision).toBe("wait");
  // The reviewer approves with an edit in their own browser.
  const reviewerPage = await browser.newPage();
  await signIn(reviewerPage, reviewer.user.email, reviewer.password);
  const approved = await consoleFetch(reviewerPage.request, "POST", `/api/console/actions/${asked.id}/decision`, { decision: "approve", payload: edited, comment: "Partial refund" });
  expect(approved.status()).toBe(200);
  await reviewerPage.close();
  const d = await warden.waitForDecision(asked.id!);
  expect(d).toMatchObject({ executable: true, payload: edited });
  await warden.reportResult(d.id!, { status: "succeeded", output: { refunded: 90 }, executedPayload: d.payload });

  const { user, password } = await makeUser(db, "admin");
  await signIn(page, user.email, password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", exact: true })).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Subject").fill(asked.id!);
  await filters.getByLabel("Subject").press("Enter");
  await expect(page).toHaveURL(new RegExp(`target=${asked.id}`));

  // Oldest first: request, approval, result — who, under which policy version, on which payload.
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-kind", "action.requested");
  await expect(rows.nth(1)).toHaveAttribute("data-kind", "action.approved");
  await expect(rows.nth(2)).toHaveAttribute("data-kind", "action.result_reported");
  await expect(rows.nth(0)).toContainText(agent.name);
  await expect(rows.nth(1)).toContainText(reviewer.user.email);
  await expect(rows.nth(2)).toContainText(agent.name);
  for (const r of [0, 1, 2]) await expect(rows.nth(r)).toContainText(`policy v${type.version}`);
  await expect(rows.nth(0).locator(`[data-digest="${payloadDigest(proposal)}"]`)).toBeVisible();
  await expect(rows.nth(1).locator(`[data-digest="${payloadDigest(edited)}"]`)).toBeVisible();
  await expect(rows.nth(2).locator(`[data-digest="${payloadDigest(edited)}"]`)).toBeVisible();

  const summary = page.getByTestId("receipt-summary");
  await expect(summary).toContainText("Requested");
  await expect(summary).toContainText(reviewer.user.email);
  await expect(summary).toContainText("The executed payload is the approved one.");

  // Every row links to its subject.
  await rows.nth(1).getByRole("link", { name: new RegExp(type.key) }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${asked.id}`));
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText(`policy v${type.version}`);
});

test("a reviewer cannot open the audit log or download an export", async ({ page }) => {
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await page.goto("/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await expect(page.getByTestId("audit-row")).toHaveCount(0);
  expect((await consoleFetch(page.request, "GET", "/api/console/audit/export")).status()).toBe(403);
  expect((await consoleFetch(page.request, "GET", "/api/console/audit/public-key")).status()).toBe(403);
});
