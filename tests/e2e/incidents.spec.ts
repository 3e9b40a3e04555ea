import { expect, test } from "@playwright/test";
import { e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// A runaway run stopped by its budget shows up as an incident; a manager lets the run continue
// with a raised budget from the incident, and the agent's next batch is told to go on.

const agentApi = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

test("a budget trip raises an incident; a manager grants the run more budget from it and the agent may continue", async ({ page, request }) => {
  const db = e2eDb();
  const { agent, key } = await makeAgent(db, { name: uniq("runaway") });
  await db.agent.update({ where: { id: agent.id }, data: { runCostBudgetMicros: 50_000n } }); // $0.05
  const run = await (await request.post("/api/v1/runs", { headers: agentApi(key), data: {} })).json();
  const batch = (costUsd: number) =>
    request.post(`/api/v1/runs/${run.id}/spans`, { headers: agentApi(key), data: { spans: [{ kind: "llm", name: "chat", startTime: new Date().toISOString(), costUsd }] } }).then((r) => r.json());
  expect((await batch(0.03)).continue).toBe(true);
  const stopped = await batch(0.03);
  expect(stopped).toMatchObject({ continue: false, reason: "Cost budget exceeded: this run has cost $0.06, over its budget of $0.05." });

  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByTestId("open-incidents-count")).toBeVisible();
  await nav.getByRole("link", { name: /Incidents/ }).click();
  await expect(page.getByRole("heading", { name: "Incidents", exact: true })).toBeVisible();
  await page.getByLabel("Kind").selectOption("budget_exceeded");
  await page.getByLabel("Agent").selectOption(agent.id);
  await expect(page).toHaveURL(/kind=budget_exceeded/);
  const row = page.getByRole("row").filter({ hasText: agent.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Run budget exceeded");
  await row.getByRole("link").click();

  await expect(page.getByRole("heading", { name: `${agent.name}: Cost budget exceeded: this run has cost $0.06, over its budget of $0.05.` })).toBeVisible();
  await expect(page.getByLabel("Incident", { exact: true }).getByRole("link", { name: agent.name })).toHaveAttribute("href", `/agents/${agent.id}`);
  await page.getByRole("button", { name: "Let it continue…" }).click();
  const dialog = page.getByRole("dialog", { name: "Let this run continue?" });
  await dialog.getByLabel("Cost budget ($)").fill("0.06");
  await dialog.getByLabel("Reason").fill("VIP customer, finish the ticket");
  await dialog.getByRole("button", { name: "Grant and continue" }).click();
  // At exactly what it has cost, the run would stop again at once: refused, nothing changed.
  await expect(dialog.getByText("Must be above $0.06 so far.")).toBeVisible();
  await dialog.getByLabel("Cost budget ($)").fill("0.5");
  await dialog.getByRole("button", { name: "Grant and continue" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Incident", { exact: true })).toContainText("Resolved");
  await expect(page.getByTestId("incident-history")).toContainText("Budget grant: VIP customer, finish the ticket");

  expect(await batch(0.01)).toMatchObject({ continue: true, reason: null, run: { status: "running" } });
  const audit = await db.auditEvent.findFirst({ where: { targetId: run.id, action: "run.budget_granted" } });
  expect(audit?.actorId).toBe(user.id);
});

test("a viewer reads incidents without the buttons that act on them", async ({ page }) => {
  const db = e2eDb();
  const { agent } = await makeAgent(db, { name: uniq("watched") });
  const incident = await db.incident.create({ data: { kind: "spend_alert_hourly", severity: "warning", title: `${agent.name}: spend this hour $12.00 is over the alert threshold of $10.00`, agentId: agent.id } });
  const { user, password } = await makeUser(db, "viewer");
  await signIn(page, user.email, password);
  await page.goto(`/incidents?agentId=${agent.id}`);
  await page.getByRole("link", { name: incident.title }).click();
  await expect(page.getByRole("heading", { name: incident.title })).toBeVisible();
  await expect(page.getByLabel("Incident", { exact: true })).toContainText("Hourly spend alert");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
});
