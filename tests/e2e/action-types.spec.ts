import { expect, test } from "@playwright/test";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

const newTypeKey = () => `e2e.${uniq("types").replace(/-/g, "_")}`;

test("a manager edits guardrails; bad schemas are refused; the new schema then guards the API", async ({ page, request }) => {
  const db = e2eDb();
  const key = newTypeKey();
  await db.actionType.create({ data: { key, level: 2, description: "Refund a payment" } });
  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action types" }).click();
  await expect(page.getByRole("heading", { name: "Action types", exact: true })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: key });
  await expect(row).toContainText("2 · Approval");
  await row.getByRole("link", { name: key }).click();
  await expect(page.getByRole("heading", { name: key })).toBeVisible();
  // The level is shown with its name, read-only.
  await expect(page.getByLabel("Autonomy")).toContainText("2 · Approval");
  await expect(page.getByRole("combobox", { name: /level/i })).toHaveCount(0);

  const schemaField = page.getByLabel("JSON Schema");
  // Invalid JSON never leaves the browser.
  await schemaField.fill('{"type": "object",');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(schemaField).toHaveAccessibleDescription(/not valid JSON/);
  await expect(schemaField).toBeFocused();
  // Valid JSON that is not a JSON Schema is refused by the server (422), shown at the field.
  await schemaField.fill('{"type": "nonsense"}');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(schemaField).toHaveAccessibleDescription(/not a valid JSON Schema/);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).version).toBe(1);

  await schemaField.fill(JSON.stringify({ type: "object", properties: { amount: { type: "number", maximum: 100 } }, required: ["amount"] }));
  await page.getByLabel("Blocked: always needs a person").check();
  await page.getByLabel("Risk label").selectOption("high");
  await page.getByLabel("Approval timeout").fill("2");
  await page.getByLabel("Timeout unit").selectOption("hours");
  await page.getByLabel("When the timeout passes").selectOption("escalate");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const saved = await db.actionType.findUniqueOrThrow({ where: { key } });
  expect(saved).toMatchObject({
    blocked: true,
    riskLabel: "high",
    approvalTimeoutSeconds: 7200,
    timeoutBehavior: "escalate",
    level: 2,
    version: 2,
    payloadSchema: { type: "object", properties: { amount: { type: "number", maximum: 100 } }, required: ["amount"] },
  });
  // Only what changed was sent, so the audit event names just those fields, and the version it made.
  const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: saved.id, action: "action_type.updated" } });
  expect(Object.keys(audit.after as object).sort()).toEqual(["approvalTimeoutSeconds", "blocked", "payloadSchema", "riskLabel", "timeoutBehavior", "version"]);

  // An agent's payload that breaks the new schema is refused with 422 and nothing is stored.
  const { key: apiKey } = await makeAgent(db);
  const refused = await request.post("/api/v1/actions", { headers: { authorization: `Bearer ${apiKey}` }, data: { type: key, payload: { amount: 500 } } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "payload.amount" })]));
  const accepted = await request.post("/api/v1/actions", { headers: { authorization: `Bearer ${apiKey}` }, data: { type: key, payload: { amount: 50 } } });
  expect(accepted.status()).toBe(201);
  expect(await db.action.count({ where: { actionType: { key } } })).toBe(1);
});

test("a stale edit gets a conflict and can load the latest version", async ({ page }) => {
  const db = e2eDb();
  const key = newTypeKey();
  await db.actionType.create({ data: { key, level: 3 } });
  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);
  await page.goto(`/action-types/${key}`);
  await expect(page.getByLabel("Autonomy")).toContainText("3 · Draft");

  // Someone else saves meanwhile.
  await db.actionType.update({ where: { key }, data: { riskLabel: "low", version: { increment: 1 } } });
  await page.getByLabel("Description").fill("Publishes a knowledge-base article");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Someone else saved this action type meanwhile")).toBeVisible();
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).description).toBeNull();

  await page.getByRole("button", { name: "Load the latest version" }).click();
  await expect(page.getByLabel("Risk label")).toHaveValue("low");
  await page.getByLabel("Description").fill("Publishes a knowledge-base article");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(await db.actionType.findUniqueOrThrow({ where: { key } })).toMatchObject({ description: "Publishes a knowledge-base article", riskLabel: "low", version: 3 });
});

test("a viewer sees an action type read-only and cannot change it", async ({ page }) => {
  const db = e2eDb();
  const key = newTypeKey();
  await db.actionType.create({ data: { key, level: 1, riskLabel: "medium", payloadSchema: { type: "object" } } });
  const { user, password } = await makeUser(db, "viewer");
  await signIn(page, user.email, password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action types" }).click();
  await page.getByRole("link", { name: key }).click();

  await expect(page.getByLabel("Autonomy")).toContainText("1 · Audit");
  await expect(page.getByText("Only a manager can change these.")).toBeVisible();
  await expect(page.getByTestId("payload-schema")).toContainText('"type": "object"');
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  const res = await consoleFetch(page.request, "PATCH", `/api/console/action-types/${key}`, { blocked: true, version: 1 });
  expect(res.status()).toBe(403);
  expect((await db.actionType.findUniqueOrThrow({ where: { key } })).blocked).toBe(false);
});
