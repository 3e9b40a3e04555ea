import { expect, test } from "@playwright/test";
import { createClient, type RequestActionInput } from "../../lib/sdk";
import { e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// A type nobody registered yet: the first request creates it at level 3 (draft), docs/policy-and-autonomy.md.
const newTypeKey = () => `e2e.${uniq("draft").replace(/-/g, "_")}`;

async function recommend(payload: RequestActionInput["payload"]) {
  const { agent, key } = await makeAgent(e2eDb());
  const warden = createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } });
  const type = newTypeKey();
  const asked = await warden.authorize({ type, payload, confidence: 0.66, rationale: "Three tickets asked the same thing this week." });
  expect(asked).toMatchObject({ decision: "draft", executable: false, level: 3 });
  // The agent long-polls its action until a person records what was done.
  const longPoll = (async () => {
    const res = await fetch(`${process.env.E2E_BASE_URL}/api/v1/actions/${asked.id}?wait=50`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string; outcome: string | null; payload: unknown; proposedPayload: unknown; decisionReason: string | null };
  })();
  return { agent, type, id: asked.id!, longPoll };
}

test("a reviewer records a draft as executed with changes; the agent's long-poll sees the changed payload", async ({ page }) => {
  const { agent, type, id, longPoll } = await recommend({ articleId: "kb-12", title: "Reset 2FA", body: "Old steps" });
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Drafts", exact: true })).toBeVisible();
  await page.getByLabel("Action type").selectOption(type);
  const row = page.getByTestId("queue-row").filter({ hasText: type });
  await expect(row).toContainText(agent.name);
  // The row says why, in the agent's words, rather than the start of the payload's JSON.
  await expect(row.getByTestId("queue-rationale")).toHaveText("Three tickets asked the same thing this week.");
  await row.getByRole("link", { name: type }).click();

  await expect(page).toHaveURL(new RegExp(`/actions/${id}`));
  await expect(page.getByText("What did you do with this recommendation?")).toBeVisible();
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Executed with changes" }).click();
  const dialog = page.getByRole("dialog", { name: "Executed with changes" });
  // The editor opens on the payload's fields: the title is a text box of its own.
  await dialog.getByLabel("title", { exact: true }).fill("Reset two-factor authentication");
  await dialog.getByRole("button", { name: "Review changes" }).click();
  await expect(dialog.getByTestId("payload-diff").getByRole("row", { name: /title/ })).toContainText("Reset two-factor authentication");
  await dialog.getByRole("button", { name: "Record with 1 change" }).click();

  const seen = await longPoll;
  expect(seen).toMatchObject({
    status: "drafted",
    outcome: "executed_with_changes",
    payload: { articleId: "kb-12", title: "Reset two-factor authentication", body: "Old steps" },
    proposedPayload: { articleId: "kb-12", title: "Reset 2FA", body: "Old steps" },
  });
  await expect(page).toHaveURL(/\/drafts\?type=/);
  await expect(page.getByTestId("decision-result")).toContainText(`Recorded ${type} from ${agent.name} as executed with 1 change.`);

  // The action page now shows what was done, and the history says who did it.
  await page.goto(`/actions/${id}`);
  await expect(page.getByRole("heading", { name: `Executed with changes by ${user.email}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("recorded it as executed with changes");
});

test("discarding a draft needs a reason; the agent sees it discarded", async ({ page }) => {
  const { type, id, longPoll } = await recommend({ segment: "trial-ending", subject: "Your trial ends soon" });
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
  await page.goto(`/drafts?type=${type}`);
  const row = page.getByTestId("queue-row");
  // Retried until the page has hydrated and listens for keys (one row: j keeps it selected).
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(row).toHaveAttribute("aria-selected", "true", { timeout: 500 });
  }).toPass();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/actions/${id}`));
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");

  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Discard this draft?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Discard draft" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/a reason is required/i);
  expect((await e2eDb().action.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  await dialog.getByLabel("Reason").fill("The campaign was cancelled.");
  await dialog.getByRole("button", { name: "Discard draft" }).click();

  const seen = await longPoll;
  expect(seen).toMatchObject({ status: "discarded", outcome: "discarded", decisionReason: "The campaign was cancelled." });
  await expect(page.getByTestId("decision-result")).toContainText(`Discarded ${type}`);
});

test("recording a draft as executed as proposed keeps the agent's payload", async ({ page }) => {
  const { id, longPoll } = await recommend({ ticket: "T-1", reply: "Done." });
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
  await page.goto(`/actions/${id}`);
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.getByRole("button", { name: "Executed as proposed" }).click();
  const seen = await longPoll;
  expect(seen).toMatchObject({ status: "drafted", outcome: "executed_as_proposed", payload: { ticket: "T-1", reply: "Done." } });
});
