import { expect, test } from "@playwright/test";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// A manager stops one agent from the browser: its waiting request and its next one are halted,
// every console page says so, and the flip is an incident that is acknowledged and resolved.
// Only per-agent switches here: the global one would halt the agents of specs running alongside.

const agentApi = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });

test("a manager flips an agent's switch: its next request is halted, the banner shows, the incident is acknowledged and resolved", async ({ page, request }) => {
  const db = e2eDb();
  const { agent, key } = await makeAgent(db, { name: uniq("refund-bot") });
  const type = `e2e.${uniq("ks").replace(/-/g, "_")}`;
  await db.actionType.create({ data: { key: type, level: 2 } });
  const created = await (await request.post("/api/v1/actions", { headers: agentApi(key), data: { type, payload: { amount: 90 } } })).json();
  expect(created.decision).toBe("wait");
  // The agent waits on a person; the kill switch answers it instead.
  const waiting = request.get(`/api/v1/actions/${created.id}?wait=50`, { headers: agentApi(key), timeout: 55_000 });

  const { user, password } = await makeUser(db, "manager");
  await signIn(page, user.email, password);
  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByTestId("kill-switch-state-agent")).toContainText("Off");
  await page.getByRole("button", { name: "Turn on kill switch" }).click();
  const dialog = page.getByRole("dialog", { name: `Turn on the kill switch for ${agent.name}?` });
  // The blast radius, counted on the server: the one waiting action, no running run.
  await expect(dialog.getByTestId("blast-radius")).toContainText("This halts 1 pending action at once");
  await expect(dialog.getByTestId("blast-radius")).toContainText("0 running runs");
  await dialog.getByLabel("Reason").fill("refunding twice");
  await dialog.getByRole("button", { name: "Turn on kill switch" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("kill-switch-state-agent")).toContainText("On");
  await expect(page.getByTestId("kill-switch-state-agent")).toContainText("refunding twice");

  const woke = await (await waiting).json();
  expect(woke).toMatchObject({ id: created.id, decision: "halted", status: "halted" });
  const next = await (await request.post("/api/v1/actions", { headers: agentApi(key), data: { type, payload: { amount: 10 } } })).json();
  expect(next).toMatchObject({ decision: "halted", reason: "Halted: this agent's kill switch is on." });

  // Every console page carries the banner while the switch is on.
  for (const path of ["/", "/queue", "/incidents"]) {
    await page.goto(path);
    await expect(page.getByTestId("kill-switch-banner")).toContainText(agent.name);
  }

  // The flip is an incident: find it by the agent, acknowledge it, resolve it.
  await page.getByLabel("Agent").selectOption(agent.id);
  const row = page.getByRole("row").filter({ hasText: "turned on the kill switch" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Open");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: new RegExp(`turned on the kill switch of agent ${agent.name}`) })).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await page.getByRole("dialog").getByLabel("Note").fill("on it");
  await page.getByRole("dialog").getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByLabel("Incident", { exact: true })).toContainText("Acknowledged");
  await expect(page.getByTestId("incident-history")).toContainText("on it");
  await page.getByRole("button", { name: "Resolve" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("dialog").getByText("Say what was done (at least 3 characters).")).toBeVisible();
  await page.getByRole("dialog").getByLabel("What was done").fill("duplicate refunds reverted; template fixed");
  await page.getByRole("dialog").getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByLabel("Incident", { exact: true })).toContainText("Resolved");
  await expect(page.getByTestId("incident-history")).toContainText("duplicate refunds reverted; template fixed");
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);

  // Off again: the agent acts, and the banner goes once no switch is on for it.
  await page.goto(`/agents/${agent.id}`);
  await page.getByRole("button", { name: "Turn off kill switch" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Turn off kill switch" }).click();
  await expect(page.getByTestId("kill-switch-state-agent")).toContainText("Off");
  const after = await (await request.post("/api/v1/actions", { headers: agentApi(key), data: { type, payload: { amount: 10 } } })).json();
  expect(after.decision).toBe("wait");
});

test("a reviewer sees the switch but cannot flip it, in the page or through the console API", async ({ page }) => {
  const db = e2eDb();
  const { agent } = await makeAgent(db, { name: uniq("read-only-bot") });
  const { user, password } = await makeUser(db, "reviewer");
  await signIn(page, user.email, password);
  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByTestId("kill-switch-state-agent")).toContainText("Only managers and admins can flip it.");
  await expect(page.getByRole("button", { name: /kill switch/ })).toHaveCount(0);
  await page.goto("/kill-switches");
  await expect(page.getByRole("button", { name: /kill switch/ })).toHaveCount(0);

  const refused = await consoleFetch(page.request, "PATCH", `/api/console/agents/${agent.id}/controls`, { killSwitch: true });
  expect(refused.status()).toBe(403);
  expect((await consoleFetch(page.request, "PUT", "/api/console/kill-switches/global", { on: true })).status()).toBe(403);
  expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).killSwitch).toBe(false);
});
