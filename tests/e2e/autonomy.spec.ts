import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// The autonomy board (docs/policy-and-autonomy.md): promotion on evidence, demotion at once, level 0 only with a
// manager's request and a different admin's sign-off. Each test seeds its own types.

const typeKey = (label: string) => `e2e.${uniq(label).replace(/-/g, "_")}`;

async function askToAct(request: APIRequestContext, agentKey: string, type: string) {
  const res = await request.post("/api/v1/actions", {
    headers: { authorization: `Bearer ${agentKey}` },
    data: { type, payload: { text: "Thanks for reaching out, your refund is on its way." } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; decision: string; level: number };
}

function card(page: Page, key: string) {
  return page.getByTestId(`autonomy-card-${key}`);
}

test("a manager promotes an eligible type with a reason; the agent's next request gets the new route", async ({ page, request, browser }) => {
  const db = e2eDb();
  const key = typeKey("promote");
  await db.actionType.create({
    data: { key, level: 3, description: "Replies to tickets", promotionThresholds: { draftToApprovalMinReviewed: 3, draftToApprovalMinAcceptance: 0.9 } },
  });
  const { key: agentKey } = await makeAgent(db);

  // Evidence through the real flow: three drafts, each carried out as proposed by a reviewer
  // (through the console API with the reviewer's session).
  const reviewer = await makeUser(db, "reviewer");
  const reviewerCtx = await browser.newContext();
  const reviewerPage = await reviewerCtx.newPage();
  await signIn(reviewerPage, reviewer.user.email, reviewer.password);
  for (let i = 0; i < 3; i++) {
    const asked = await askToAct(request, agentKey, key);
    expect(asked).toMatchObject({ decision: "draft", level: 3 });
    const done = await consoleFetch(reviewerPage.request, "POST", `/api/console/actions/${asked.id}/draft-outcome`, { outcome: "as_proposed" });
    expect(done.status()).toBe(200);
  }
  await reviewerCtx.close();

  const { user: manager, password } = await makeUser(db, "manager");
  await signIn(page, manager.email, password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Autonomy" }).click();
  await expect(page.getByRole("heading", { name: "Autonomy", exact: true })).toBeVisible();

  const draft = page.getByRole("region", { name: "Level 3 · Draft" });
  const c = draft.getByTestId(`autonomy-card-${key}`);
  await expect(c).toHaveAttribute("data-eligible", "true");
  await expect(c).toContainText("Eligible for level 2");
  await expect(c.getByRole("progressbar", { name: "Progress toward level 2" })).toHaveAttribute("aria-valuenow", "100");
  await expect(c).toContainText("Reviewed proposals");
  await expect(c).toContainText("3 / 3");

  await c.getByRole("button", { name: "Promote" }).click();
  const dialog = page.getByRole("dialog", { name: `Promote ${key} to level 2 · Approval` });
  await expect(dialog).toContainText("Eligible: the evidence meets every threshold");
  await expect(dialog.getByLabel(/Override/)).toHaveCount(0);
  // The reason is required.
  await dialog.getByRole("button", { name: "Promote to level 2" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/at least 3 characters/i);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).level).toBe(3);

  await dialog.getByLabel("Reason").fill("Three drafts carried out exactly as proposed.");
  await dialog.getByRole("button", { name: "Promote to level 2" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `${key} promoted: level 3 → 2` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Level 2 · Approval" }).getByTestId(`autonomy-card-${key}`)).toBeVisible();

  const t = await db.actionType.findUniqueOrThrow({ where: { key }, include: { autonomyChanges: true } });
  expect(t.level).toBe(2);
  expect(t.autonomyChanges).toHaveLength(1);
  expect(t.autonomyChanges[0]).toMatchObject({ fromLevel: 3, toLevel: 2, status: "applied", override: false, byId: manager.id, reason: "Three drafts carried out exactly as proposed." });

  // The very next request for the type waits for approval instead of being a draft.
  expect(await askToAct(request, agentKey, key)).toMatchObject({ decision: "wait", level: 2 });

  // The type's page: the change in the timeline, and the 30-day charts.
  await card(page, key).getByRole("link", { name: `History and charts for ${key}` }).click();
  await expect(page.getByRole("heading", { name: key, level: 1 })).toBeVisible();
  const change = page.getByTestId("autonomy-change").first();
  await expect(change).toContainText("Promoted from 3 · Draft to 2 · Approval");
  await expect(change).toContainText("Three drafts carried out exactly as proposed.");
  await expect(change).toContainText(`By ${manager.email}`);
  await expect(change).toContainText("3 reviewed proposals · 100% accepted");
  await expect(page.getByTestId("evidence-charts")).toBeVisible();
  await expect(page.getByTestId("evidence-charts").locator("svg.recharts-surface").first()).toBeVisible();
});

test("a type that is not eligible is promoted only with an explicit override, flagged in its history", async ({ page }) => {
  const db = e2eDb();
  const key = typeKey("override");
  await db.actionType.create({ data: { key, level: 3 } });
  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);
  await page.goto("/autonomy");

  const c = card(page, key);
  await expect(c).toHaveAttribute("data-eligible", "false");
  await expect(c.getByRole("button", { name: "Promote" })).toBeVisible();
  await c.getByRole("button", { name: "Promote" }).click();
  const dialog = page.getByRole("dialog", { name: `Promote ${key} to level 2 · Approval` });
  await expect(dialog).toContainText("Not eligible for level 2");
  await expect(dialog).toContainText("Reviewed proposals: 0, needs 100");
  await dialog.getByLabel("Reason").fill("Launch week: we staff the approval queue.");
  await dialog.getByRole("button", { name: "Override and promote to level 2" }).click();
  await expect(dialog.getByLabel("Override: promote although not eligible")).toHaveAccessibleDescription(/Tick the override/);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).level).toBe(3);

  await dialog.getByLabel("Override: promote although not eligible").check();
  // Meanwhile someone else moved the type to level 1: the server's refusal is shown, nothing changes.
  await db.actionType.update({ where: { key }, data: { level: 1 } });
  await dialog.getByRole("button", { name: "Override and promote to level 2" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "is now at level 1, not 3: someone changed it meanwhile" })).toBeVisible();
  expect(await db.autonomyChange.count({ where: { actionType: { key } } })).toBe(0);
  await db.actionType.update({ where: { key }, data: { level: 3 } });

  await dialog.getByRole("button", { name: "Override and promote to level 2" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "override, flagged in the history" })).toBeVisible();
  const change = await db.autonomyChange.findFirstOrThrow({ where: { actionType: { key } } });
  expect(change).toMatchObject({ fromLevel: 3, toLevel: 2, override: true, reason: "Launch week: we staff the approval queue." });

  await page.goto(`/autonomy/${key}`);
  await expect(page.getByTestId("autonomy-change").first()).toContainText("Override");

  // Demotion: at once, to a chosen level, with a reason.
  await page.getByRole("button", { name: "Demote" }).click();
  const demote = page.getByRole("dialog", { name: `Demote ${key}` });
  await expect(demote.getByLabel("New level")).toHaveValue("3");
  await demote.getByLabel("Reason").fill("Queue is unstaffed after launch week.");
  await demote.getByRole("button", { name: "Demote to level 3" }).click();
  await expect(demote).toBeHidden();
  await expect(page.getByTestId("autonomy-change").first()).toContainText("Demoted from 2 · Approval to 3 · Draft");
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).level).toBe(3);
});

test("a reviewer sees the board without promote or demote buttons, and a direct promotion is refused", async ({ page }) => {
  const db = e2eDb();
  const key = typeKey("readonly");
  await db.actionType.create({ data: { key, level: 3, promotionThresholds: { draftToApprovalMinReviewed: 1 } } });
  const level2 = typeKey("readonly2");
  await db.actionType.create({ data: { key: level2, level: 2 } });
  const { user, password } = await makeUser(db, "reviewer");
  await signIn(page, user.email, password);
  await page.goto("/autonomy");

  await expect(card(page, key)).toBeVisible();
  await expect(card(page, key)).toContainText("Toward level 2 · Approval");
  await expect(card(page, level2)).toBeVisible();
  for (const name of ["Promote", "Demote", "Request level 0", "Approve", "Deny"]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  const res = await consoleFetch(page.request, "POST", `/api/console/autonomy/${key}/promote`, { reason: "I would like it faster", override: true });
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
  const demoted = await consoleFetch(page.request, "POST", `/api/console/autonomy/${level2}/demote`, { toLevel: 3, reason: "no" });
  expect(demoted.status()).toBe(403);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).level).toBe(3);
  expect((await db.actionType.findUniqueOrThrow({ where: { key: level2 } })).level).toBe(2);
  expect(await db.autonomyChange.count({ where: { actionType: { key: { in: [key, level2] } } } })).toBe(0);

  // The type page is read-only too.
  await page.goto(`/autonomy/${key}`);
  await expect(page.getByRole("heading", { name: key, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Promote" })).toHaveCount(0);
});

test("level 0 needs a different admin's sign-off: the requester cannot approve, another admin approves or denies", async ({ page, browser }) => {
  const db = e2eDb();
  const byManager = typeKey("signoff_m");
  const byAdmin = typeKey("signoff_a");
  await db.actionType.create({ data: { key: byManager, level: 1 } });
  await db.actionType.create({ data: { key: byAdmin, level: 1 } });
  const manager = await makeUser(db, "manager");
  const adminA = await makeUser(db, "admin");
  const adminB = await makeUser(db, "admin");

  // A manager asks for level 0; managers never see Approve / Deny.
  await signIn(page, manager.user.email, manager.password);
  await page.goto("/autonomy");
  await card(page, byManager).getByRole("button", { name: "Request level 0" }).click();
  const ask = page.getByRole("dialog", { name: `Request level 0 for ${byManager}` });
  await ask.getByLabel("Reason").fill("A month at level 1 with a clean audit record.");
  await ask.getByRole("button", { name: "Request level 0" }).click();
  await expect(ask).toBeHidden();
  const pendingM = card(page, byManager).getByTestId("pending-request");
  await expect(pendingM).toContainText("Level 0 requested");
  await expect(pendingM).toContainText(manager.user.email);
  await expect(pendingM.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(card(page, byManager).getByRole("button", { name: "Request level 0" })).toHaveCount(0);

  // Admin A asks for level 0 on another type, and cannot sign off their own request.
  const ctxA = await browser.newContext();
  const a = await ctxA.newPage();
  await signIn(a, adminA.user.email, adminA.password);
  await a.goto("/autonomy");
  await card(a, byAdmin).getByRole("button", { name: "Request level 0" }).click();
  const askA = a.getByRole("dialog", { name: `Request level 0 for ${byAdmin}` });
  await askA.getByLabel("Reason").fill("Audit pass rate above 99% for six weeks.");
  await askA.getByRole("button", { name: "Request level 0" }).click();
  await expect(askA).toBeHidden();
  const own = card(a, byAdmin).getByTestId("pending-request");
  await expect(own).toContainText("You made this request: a different admin must sign it off.");
  await expect(own.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
  const request = await db.autonomyChange.findFirstOrThrow({ where: { actionType: { key: byAdmin }, status: "pending" } });
  const refused = await consoleFetch(a.request, "POST", `/api/console/autonomy/requests/${request.id}/sign-off`, { approve: true });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).detail).toMatch(/Two-person rule/);
  expect((await db.actionType.findUniqueOrThrow({ where: { key: byAdmin } })).level).toBe(1);
  // Admin A may sign off the manager's request, though: here the sign-off dialog opens.
  await expect(card(a, byManager).getByRole("button", { name: "Approve", exact: true })).toBeEnabled();
  await ctxA.close();

  // Admin B approves admin A's request and denies the manager's, with a reason.
  const ctxB = await browser.newContext();
  const b = await ctxB.newPage();
  await signIn(b, adminB.user.email, adminB.password);
  await b.goto("/autonomy");
  await card(b, byAdmin).getByRole("button", { name: "Approve", exact: true }).click();
  const approve = b.getByRole("dialog", { name: `Approve level 0 for ${byAdmin}?` });
  await approve.getByRole("button", { name: "Approve level 0" }).click();
  await expect(approve).toBeHidden();
  await expect(b.getByRole("region", { name: "Level 0 · Autonomous" }).getByTestId(`autonomy-card-${byAdmin}`)).toBeVisible();
  expect((await db.actionType.findUniqueOrThrow({ where: { key: byAdmin } })).level).toBe(0);
  expect(await db.autonomyChange.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "applied", byId: adminA.user.id, approvedById: adminB.user.id });

  await card(b, byManager).getByRole("button", { name: "Deny", exact: true }).click();
  const deny = b.getByRole("dialog", { name: `Deny level 0 for ${byManager}?` });
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny.getByLabel("Reason")).toHaveAccessibleDescription(/denial needs a reason/i);
  await deny.getByLabel("Reason").fill("Wait for the next quarterly review.");
  await deny.getByRole("button", { name: "Deny request" }).click();
  await expect(deny).toBeHidden();
  await expect(card(b, byManager).getByTestId("pending-request")).toHaveCount(0);
  await expect(b.getByRole("region", { name: "Level 1 · Audit" }).getByTestId(`autonomy-card-${byManager}`)).toBeVisible();
  expect((await db.actionType.findUniqueOrThrow({ where: { key: byManager } })).level).toBe(1);
  expect(await db.autonomyChange.findFirstOrThrow({ where: { actionType: { key: byManager } } })).toMatchObject({ status: "denied", decisionReason: "Wait for the next quarterly review." });
  await ctxB.close();
});

/** Today's evidence counters for a type, written directly (the real flow is covered above). */
async function seedEvidence(typeId: string, counts: { requests?: number; reviewed?: number; accepted?: number; executions?: number }) {
  const day = new Date(new Date().toISOString().slice(0, 10));
  await e2eDb().evidenceDaily.create({ data: { actionTypeId: typeId, day, ...counts } });
}

test("a blocked type shows the level the policy holds it at, and offers no move past level 2", async ({ page, request }) => {
  const db = e2eDb();
  const atOne = typeKey("blocked1");
  const atTwo = typeKey("blocked2");
  await db.actionType.create({ data: { key: atOne, level: 1, blocked: true } });
  const two = await db.actionType.create({
    data: { key: atTwo, level: 2, blocked: true, promotionThresholds: { approvalToAuditMinReviewed: 5, approvalToAuditMinAcceptance: 0.8 } },
  });
  // Evidence that would make an unblocked type eligible for level 1.
  await seedEvidence(two.id, { requests: 10, reviewed: 10, accepted: 10 });
  const { key: agentKey } = await makeAgent(db);
  // What the policy does with it: a person first, at level 2.
  expect(await askToAct(request, agentKey, atOne)).toMatchObject({ decision: "wait", level: 2 });

  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);
  await page.goto("/autonomy");
  const approval = page.getByRole("region", { name: "Level 2 · Approval" });
  const one = approval.getByTestId(`autonomy-card-${atOne}`);
  await expect(one).toBeVisible();
  await expect(page.getByRole("region", { name: "Level 1 · Audit" }).getByTestId(`autonomy-card-${atOne}`)).toHaveCount(0);
  await expect(one).toContainText("Set to level 1 · Audit, held at level 2 while blocked");
  await expect(one.getByRole("button", { name: "Request level 0" })).toHaveCount(0);
  await expect(one.getByRole("button", { name: "Promote" })).toHaveCount(0);
  await expect(one.getByRole("button", { name: "Demote" })).toBeVisible();

  const twoCard = approval.getByTestId(`autonomy-card-${atTwo}`);
  await expect(twoCard).toHaveAttribute("data-eligible", "false");
  await expect(twoCard).not.toContainText("Eligible for level 1");
  await expect(twoCard).toContainText("Cannot be promoted past level 2 while blocked");
  await expect(twoCard.getByRole("button", { name: "Promote" })).toHaveCount(0);

  // The type's own pages say the same.
  await page.goto(`/autonomy/${atOne}`);
  await expect(card(page, atOne).getByRole("heading", { name: `${atOne}: Level 2 · Approval` })).toBeVisible();
  await expect(card(page, atOne)).not.toContainText("acts at once");
  await page.goto(`/action-types/${atOne}`);
  const autonomy = page.getByLabel("Autonomy");
  await expect(autonomy).toContainText("2 · Approval");
  await expect(autonomy).toContainText("Set to level 1 · Audit, held at level 2 while blocked");
  await expect(autonomy).not.toContainText("acts at once");
  await page.goto("/action-types");
  await expect(page.getByRole("row").filter({ hasText: atOne })).toContainText("2 · Approval");

  // The server refuses the moves outright, naming why, and writes nothing.
  const promote = await consoleFetch(page.request, "POST", `/api/console/autonomy/${atTwo}/promote`, { reason: "It has earned it", override: true, expectedLevel: 2 });
  expect(promote.status()).toBe(409);
  expect((await promote.json()).detail).toMatch(/blocked/);
  const ask = await consoleFetch(page.request, "POST", `/api/console/autonomy/${atOne}/request`, { reason: "A clean month" });
  expect(ask.status()).toBe(409);
  expect((await ask.json()).detail).toMatch(/blocked/);
  expect((await db.actionType.findUniqueOrThrow({ where: { key: atTwo } })).level).toBe(2);
  expect(await db.autonomyChange.count({ where: { actionType: { key: { in: [atOne, atTwo] } } } })).toBe(0);
});

test("a draft-level type names its evidence: reviewed proposals, and no agent executions", async ({ page }) => {
  const db = e2eDb();
  const key = typeKey("naming");
  const t = await db.actionType.create({ data: { key, level: 3 } });
  await seedEvidence(t.id, { requests: 150, reviewed: 142, accepted: 140 });
  const { user, password } = await makeUser(db, "viewer");
  await signIn(page, user.email, password);
  await page.goto("/autonomy");

  const c = card(page, key);
  await expect(c.getByRole("listitem").filter({ hasText: "Reviewed proposals" })).toContainText("142 / 100");
  await expect(c.getByRole("definition").filter({ hasText: "drafts are carried out by a person" })).toBeVisible();
  await expect(c).toContainText("Agent executions");
  await expect(c).not.toContainText(/reviewed executions|no executions/i);

  await page.goto(`/autonomy/${key}`);
  await expect(c).toContainText("Reviewed proposals");
  const charts = page.getByTestId("evidence-charts");
  await expect(charts.locator("figcaption", { hasText: "Requests and reviewed proposals" })).toBeVisible();
  await expect(charts.locator("figcaption", { hasText: "Agent executions" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/reviewed executions|no executions/i);
});
