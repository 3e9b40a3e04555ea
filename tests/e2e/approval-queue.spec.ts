import { expect, test, type Page } from "@playwright/test";
import { createClient } from "../../lib/sdk";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// Each test registers its own level-2 action type and filters the queue by it, so tests running
// side by side (and their items) never meet.
async function level2Type(extra: { payloadSchema?: object } = {}) {
  const key = `e2e.${uniq("approve").replace(/-/g, "_")}`;
  await e2eDb().actionType.create({ data: { key, level: 2, ...extra } });
  return key;
}

async function agentClient() {
  const { agent, key } = await makeAgent(e2eDb());
  return { agent, key, warden: createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } }) };
}

/** The ids of the type's actions, oldest first, once `n` of them are stored. */
async function actionIds(type: string, n: number): Promise<string[]> {
  let rows: { id: string }[] = [];
  await expect
    .poll(async () => {
      rows = await e2eDb().action.findMany({ where: { actionType: { key: type } }, orderBy: { createdAt: "asc" }, select: { id: true } });
      return rows.length;
    })
    .toBe(n);
  return rows.map((r) => r.id);
}

async function signInAs(page: Page, role: "reviewer" | "manager" | "viewer") {
  const { user, password } = await makeUser(e2eDb(), role);
  await signIn(page, user.email, password);
  return user;
}

test("a reviewer edits the payload in the queue's item and approves; the waiting agent gets the edit", async ({ page }) => {
  const type = await level2Type({
    payloadSchema: { type: "object", properties: { amount: { type: "number", maximum: 100 }, currency: { type: "string" } }, required: ["amount", "currency"] },
  });
  const { agent, warden } = await agentClient();
  // The agent asks and waits for a person; the promise settles only once the reviewer decides.
  const waiting = warden.authorize(
    { type, payload: { amount: 90, currency: "EUR", note: "duplicate charge" }, confidence: 0.74, rationale: "The invoice shows the same charge twice." },
    { waitMs: 50_000 },
  );
  const [id] = await actionIds(type, 1);

  await signInAs(page, "reviewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Drafts" })).toBeVisible();
  await nav.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { name: "Approvals", exact: true })).toBeVisible();
  await page.getByLabel("Action type").selectOption(type);
  await expect(page).toHaveURL(new RegExp(`type=${type.replace(/\./g, "\\.")}`));
  await expect(page.getByTestId("queue-total")).toHaveText("1 pending");
  const row = page.getByTestId("queue-row").filter({ hasText: type });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(agent.name);
  await expect(row).toContainText("74%");
  await row.getByRole("link", { name: type }).click();

  await expect(page).toHaveURL(new RegExp(`/actions/${id}`));
  await expect(page.getByRole("heading", { name: type })).toBeVisible();
  await expect(page.getByTestId("rationale")).toHaveText("The invoice shows the same charge twice.");
  await expect(page.getByTestId("claim-status")).toContainText("You have this open until");

  await page.getByRole("button", { name: "Approve with edits" }).click();
  // The editor opens on the fields; the JSON view is one click away and takes the focus.
  await page.getByRole("dialog").getByRole("button", { name: "JSON", exact: true }).click();
  const editor = page.getByLabel("Payload (JSON)");
  await expect(editor).toBeFocused();
  // Invalid JSON is caught in the browser.
  await editor.fill('{"amount": 40,');
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not valid JSON" })).toBeVisible();
  // A payload that breaks the type's schema is refused by the server (422), shown in the dialog.
  await editor.fill(JSON.stringify({ amount: 500, currency: "EUR", note: "duplicate charge" }));
  await page.getByRole("button", { name: "Review changes" }).click();
  await page.getByRole("button", { name: "Approve with 1 change" }).click();
  await expect(page.getByTestId("schema-errors")).toContainText("payload.amount");
  await page.getByRole("button", { name: "Back to editing" }).click();

  await editor.fill(JSON.stringify({ amount: 45, currency: "EUR", note: "partial refund" }, null, 2));
  await page.getByRole("button", { name: "Review changes" }).click();
  const diff = page.getByTestId("payload-diff");
  await expect(diff.getByRole("row")).toHaveCount(3);
  await expect(diff.getByRole("row", { name: /amount/ })).toContainText("90");
  await expect(diff.getByRole("row", { name: /amount/ })).toContainText("45");
  await expect(diff.getByRole("row", { name: /note/ })).toContainText("partial refund");
  await page.getByRole("button", { name: "Approve with 2 changes" }).click();

  const result = await waiting;
  expect(result).toMatchObject({ id, decision: "execute", executable: true, status: "approved", payload: { amount: 45, currency: "EUR", note: "partial refund" } });
  expect(result.action?.proposedPayload).toEqual({ amount: 90, currency: "EUR", note: "duplicate charge" });

  // Nothing else matches the filter, so the reviewer is back on the filtered queue with the result.
  await expect(page).toHaveURL(/\/queue\?type=/);
  await expect(page.getByTestId("decision-result")).toContainText(`Approved ${type} from ${agent.name} with 2 changes.`);
  await expect(page.getByText(`No pending approvals match these filters`)).toBeVisible();
});

test("a rejection needs a reason, and the agent is told `rejected` with it", async ({ page }) => {
  const type = await level2Type();
  const { warden } = await agentClient();
  const waiting = warden.authorize({ type, payload: { to: "all-customers@example.test", subject: "Hi" } }, { waitMs: 50_000 });
  const [id] = await actionIds(type, 1);

  await signInAs(page, "reviewer");
  await page.goto(`/actions/${id}`);
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.getByRole("button", { name: "Reject" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject this action?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reject action" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/a reason is required/i);
  expect((await e2eDb().action.findUniqueOrThrow({ where: { id } })).status).toBe("pending");

  await dialog.getByLabel("Reason").fill("Mass e-mails need marketing's sign-off.");
  await dialog.getByRole("button", { name: "Reject action" }).click();

  const result = await waiting;
  expect(result).toMatchObject({ id, decision: "rejected", executable: false, status: "rejected", reason: "Mass e-mails need marketing's sign-off." });
  await expect(page.getByTestId("decision-result")).toContainText(`Rejected ${type}`);
});

test("keyboard: j/k move through the queue, Enter opens, a approves and moves on, ? shows help", async ({ page }) => {
  const type = await level2Type();
  const { warden } = await agentClient();
  for (const n of [1, 2, 3]) {
    const r = await warden.authorize({ type, payload: { n } });
    expect(r.decision).toBe("wait");
  }
  const [first, second, third] = await actionIds(type, 3);

  await signInAs(page, "reviewer");
  await page.goto(`/queue?type=${type}`);
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(3);

  // Retried until the page has hydrated and listens for keys.
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(help).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(help).toContainText("Select the next item");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(1).getByRole("link")).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/actions/${second}\\?type=`));
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Approve");
  await page.keyboard.press("Escape");

  // a approves at once and opens the next item in the queue's order.
  await page.keyboard.press("a");
  await expect(page).toHaveURL(new RegExp(`/actions/${third}\\?type=`));
  await expect(page.getByTestId("decision-result")).toContainText(`Approved ${type}`);
  expect((await e2eDb().action.findUniqueOrThrow({ where: { id: second } })).status).toBe("approved");

  // k goes back to the previous item still waiting (the approved one has left the queue).
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/actions/${first}\\?type=`));
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/actions/${third}\\?type=`));

  // e opens the editor; r the reason dialog. Typing in them does not trigger shortcuts.
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.keyboard.press("e");
  await expect(page.getByRole("dialog", { name: "Approve with edits" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  const reject = page.getByRole("dialog", { name: "Reject this action?" });
  await reject.getByLabel("Reason").pressSequentially("jk a");
  await expect(page).toHaveURL(new RegExp(`/actions/${third}`));
  await expect(reject.getByLabel("Reason")).toHaveValue("jk a");
  await page.keyboard.press("Escape");
  expect((await e2eDb().action.findUniqueOrThrow({ where: { id: third } })).status).toBe("pending");
});

test("two reviewers: the second sees the item taken, and a late decision gets 'already approved by'", async ({ page, browser }) => {
  const type = await level2Type();
  const { warden } = await agentClient();
  await warden.authorize({ type, payload: { step: 1 } });
  await warden.authorize({ type, payload: { step: 2 } });
  const [one, two] = await actionIds(type, 2);

  const ann = await signInAs(page, "reviewer");
  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  const bob = await signInAs(bobPage, "reviewer");

  // Ann opens the first item: it is hers. Bob sees it taken, with his buttons disabled.
  await page.goto(`/actions/${one}?type=${type}`);
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await bobPage.goto(`/queue?type=${type}`);
  await expect(bobPage.getByTestId("queue-row").filter({ hasText: ann.email })).toHaveCount(1);
  await bobPage.goto(`/actions/${one}?type=${type}`);
  await expect(bobPage.getByTestId("claim-status")).toContainText(`${ann.email} has this open until`);
  await expect(bobPage.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
  await expect(bobPage.getByRole("button", { name: "Reject" })).toBeDisabled();

  // Bob opens the second item; his page goes stale (no refresh) while his claim lapses and Ann
  // decides it. His late approval is refused with the server's message.
  await bobPage.route(`**/api/console/actions/${two}`, (route) => (route.request().method() === "GET" ? route.abort() : route.continue()));
  await bobPage.goto(`/actions/${two}?type=${type}`);
  await expect(bobPage.getByTestId("claim-status")).toContainText("You have this open");
  await e2eDb().action.update({ where: { id: two }, data: { claimExpiresAt: new Date(Date.now() - 1000) } });
  const annDecides = await consoleFetch(page.request, "POST", `/api/console/actions/${two}/decision`, { decision: "approve" });
  expect(annDecides.status()).toBe(200);
  await bobPage.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(bobPage.getByTestId("decision-conflict")).toHaveText(`This action was already approved by ${ann.email}.`);
  await bobPage.unroute(`**/api/console/actions/${two}`);
  await bobPage.reload();
  await expect(bobPage.getByRole("heading", { name: `Approved by ${ann.email}` })).toBeVisible();

  const row = await e2eDb().action.findUniqueOrThrow({ where: { id: two } });
  expect(row).toMatchObject({ status: "approved", decidedById: ann.id });
  expect(row.decidedById).not.toBe(bob.id);
  await bobContext.close();
});

test("a viewer gets a read-only queue: lists and action pages, no claim, no buttons or keys that act", async ({ page }) => {
  const type = await level2Type();
  const draftType = `e2e.${uniq("viewdraft").replace(/-/g, "_")}`;
  await e2eDb().actionType.create({ data: { key: draftType, level: 3 } });
  const { warden } = await agentClient();
  await warden.authorize({ type, payload: { x: 1 }, rationale: "because" });
  await warden.authorize({ type: draftType, payload: { y: 2 } });
  const [id] = await actionIds(type, 1);

  await signInAs(page, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { name: "Approvals", exact: true })).toBeVisible();
  await expect(page.getByText("Read-only for you: deciding needs the reviewer role.")).toBeVisible();
  await page.getByLabel("Action type").selectOption(type);
  await expect(page.getByTestId("queue-total")).toHaveText("1 pending");
  await page.getByTestId("queue-row").filter({ hasText: type }).getByRole("link", { name: type }).click();

  await expect(page).toHaveURL(new RegExp(`/actions/${id}`));
  await expect(page.getByRole("heading", { name: type })).toBeVisible();
  await expect(page.getByTestId("claim-status")).toContainText("deciding needs the reviewer role");
  for (const name of ["Approve", "Approve with edits", "Reject"]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  // Keys that act do nothing; the help lists only what works here.
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(page.getByTestId("shortcuts-help")).toContainText("Next item in the queue");
  await expect(page.getByTestId("shortcuts-help")).not.toContainText("Approve");
  await page.keyboard.press("Escape");
  for (const key of ["a", "e", "r"]) await page.keyboard.press(key);
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Opening the item took no claim, and the server refuses every mutation.
  const row = await e2eDb().action.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "pending", claimedById: null, version: 1 });
  expect((await page.request.get(`/api/console/queue?kind=approval&type=${type}`)).status()).toBe(200);
  expect((await consoleFetch(page.request, "POST", `/api/console/actions/${id}/claim`, {})).status()).toBe(403);
  expect((await consoleFetch(page.request, "POST", `/api/console/actions/${id}/decision`, { decision: "approve" })).status()).toBe(403);
  expect(await e2eDb().action.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", claimedById: null, version: 1 });

  // The drafts list too.
  await nav.getByRole("link", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Drafts", exact: true })).toBeVisible();
  await page.getByLabel("Action type").selectOption(draftType);
  await expect(page.getByTestId("queue-row").filter({ hasText: draftType })).toHaveCount(1);
});

test("from the list: a and r decide the selected row, bulk decisions name their count and leave out what needs its own look", async ({ page }) => {
  const type = await level2Type();
  const blocked = `e2e.${uniq("blocked").replace(/-/g, "_")}`;
  await e2eDb().actionType.create({ data: { key: blocked, level: 2, blocked: true } });
  const { key } = await agentClient();
  // Both types in one filtered list: the search matches the shared part of their keys.
  const ask = async (t: string, subject: string) => {
    const res = await page.request.post("/api/v1/actions", {
      headers: { authorization: `Bearer ${key}` },
      data: { type: t, subject, rationale: `About ${subject}.`, payload: { subject } },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const s = uniq("s");
  const a1 = await ask(type, `${s}-1`);
  const a2 = await ask(type, `${s}-2`);
  const a3 = await ask(type, `${s}-3`);
  const a4 = await ask(type, `${s}-4`);
  const b1 = await ask(blocked, `${s}-5`);

  await signInAs(page, "reviewer");
  await page.goto("/queue");
  await page.getByLabel("Search").fill(s);
  await expect(page).toHaveURL(new RegExp(`q=${s}`));
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId("queue-total")).toHaveText("5 pending");
  // Out of the search box, where j would be typed rather than move the selection.
  await page.getByRole("heading", { name: "Approvals", exact: true }).click();

  // a on the selected row approves it where it stands; the result links to it.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true", { timeout: 500 });
  }).toPass();
  await page.keyboard.press("a");
  await expect(page.getByTestId("decision-result")).toContainText(`Approved ${type}`);
  await expect(page.getByTestId("decision-result-link")).toHaveAttribute("href", `/actions/${a1}`);
  await expect(rows).toHaveCount(4);
  expect((await e2eDb().action.findUniqueOrThrow({ where: { id: a1 } })).status).toBe("approved");

  // r asks for the reason first.
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("r");
  const reject = page.getByRole("dialog", { name: "Reject this action?" });
  await reject.getByLabel("Reason").fill("Duplicate of another ticket.");
  await reject.getByRole("button", { name: "Reject action" }).click();
  await expect(page.getByTestId("decision-result")).toContainText(`Rejected ${type}`);
  await expect(rows).toHaveCount(3);
  expect(await e2eDb().action.findUniqueOrThrow({ where: { id: a2 } })).toMatchObject({ status: "rejected", decisionReason: "Duplicate of another ticket." });

  // Bulk approval covers only what may be approved without its own look: not the blocked type.
  await page.getByRole("checkbox", { name: "Select every item shown" }).check();
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("3 selected");
  await bar.getByRole("button", { name: "Approve 2 of 3" }).click();
  const approve = page.getByRole("dialog", { name: "Approve 2 actions?" });
  await expect(approve).toContainText(`${blocked} · ${s}-5: a blocked (destructive) type is approved one at a time`);
  await approve.getByRole("button", { name: "Approve 2 actions" }).click();
  await expect(page.getByTestId("decision-result")).toContainText("Approved 2 actions.");
  await expect(rows).toHaveCount(1);
  for (const id of [a3, a4]) expect((await e2eDb().action.findUniqueOrThrow({ where: { id } })).status).toBe("approved");

  // Bulk rejection needs its one reason, and may include the blocked type.
  await page.getByRole("checkbox", { name: `Select ${blocked} for ${s}-5` }).check();
  await bar.getByRole("button", { name: "Reject 1" }).click();
  const bulkReject = page.getByRole("dialog", { name: "Reject 1 action?" });
  await bulkReject.getByRole("button", { name: "Reject 1 action" }).click();
  await expect(bulkReject.getByLabel("Reason")).toHaveAccessibleDescription(/a reason is required/i);
  await bulkReject.getByLabel("Reason").fill("Not during the freeze.");
  await bulkReject.getByRole("button", { name: "Reject 1 action" }).click();
  await expect(page.getByTestId("decision-result")).toContainText("Rejected 1 action.");
  await expect(page.getByText(`No pending approvals match “${s}”`)).toBeVisible();
  expect(await e2eDb().action.findUniqueOrThrow({ where: { id: b1 } })).toMatchObject({ status: "rejected", decisionReason: "Not during the freeze." });
});
