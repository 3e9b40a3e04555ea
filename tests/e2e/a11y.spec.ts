import axe from "axe-core";
import { expect, test, type Page } from "@playwright/test";
import { createClient } from "../../lib/sdk";
import { consoleFetch, e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// axe-core on every console page, in the light theme and the dark one, with content on each:
// any serious or critical violation fails. axe is injected as a script, so the app's CSP
// (which allows only its own nonce'd scripts) is bypassed for this browser context only.
test.use({ bypassCSP: true });

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } };
    return (await w.axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.split("\n").slice(1, 2).join("")}` : ""}`));
}

/** Agents, runs, actions in every state, scores and a typed action type: each page has content. */
async function seed() {
  const db = e2eDb();
  const prefix = `e2e.${uniq("a11y").replace(/-/g, "_")}`;
  const approvals = `${prefix}_reply`;
  const drafts = `${prefix}_note`;
  await db.actionType.create({
    data: {
      key: approvals,
      level: 2,
      riskLabel: "high",
      description: "Reply to a customer.",
      payloadSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
    },
  });
  await db.actionType.create({ data: { key: drafts, level: 3 } });
  const { agent, key } = await makeAgent(db);
  const warden = createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await warden.startRun({ externalId: uniq("ticket") });
    const d = await warden.authorize({
      runId: run.id,
      type: approvals,
      subject: uniq("customer"),
      confidence: 0.5 + i / 10,
      rationale: "The customer asked twice; this answers both questions.",
      payload: { text: `Hello,\n\nThanks for writing. ${"Your order is on its way. ".repeat(12)}\n\nBest regards` },
    });
    ids.push(d.id!);
    await warden.score({ runId: run.id, name: "helpfulness", value: 0.8, source: "judge" });
    if (i === 2) await warden.finishRun(run.id, { status: "failed", error: "tool timed out" });
  }
  await warden.authorize({ type: drafts, payload: { title: "A gap in the help center" }, rationale: "Searched three times, never found." });
  await warden.shutdown();
  // An incident and an alert channel, so their lists and pages have something to show.
  const incident = await db.incident.create({
    data: { kind: "budget_exceeded", severity: "critical", title: `Run stopped: cost budget of $1.00 exceeded (${prefix})`, agentId: agent.id, details: { rule: "cost", limitUsd: 1 } },
  });
  const channel = await db.alertChannel.create({
    data: { name: uniq("on-call"), url: "http://127.0.0.1:9/hook", secret: `whsec_${Buffer.from(uniq("s")).toString("base64")}` },
  });
  return { agentId: agent.id, pending: ids[1]!, decided: ids[0]!, type: approvals, incident: incident.id, channel: channel.id };
}

async function settle(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("h1").first()).toBeVisible();
  // Live lists and charts render after their first fetch; axe should see them as people do.
  await page.waitForLoadState("networkidle").catch(() => {});
}

for (const theme of ["light", "dark"] as const) {
  test(`no serious or critical axe violation on any console page (${theme})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const s = await seed();
    const { user, password } = await makeUser(e2eDb(), "admin");
    // The dark pass follows the system setting, the default: prefers-color-scheme is emulated.
    const context = await browser.newContext({ colorScheme: theme, bypassCSP: true });
    const page = await context.newPage();

    const found: Record<string, string[]> = {};
    await page.goto("/sign-in");
    const signInPage = await seriousViolations(page);
    if (signInPage.length) found["/sign-in"] = signInPage;
    await signIn(page, user.email, password);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    // One decided with an edit, so the action page shows its result and the change.
    const decided = await consoleFetch(page.request, "POST", `/api/console/actions/${s.decided}/decision`, { decision: "approve", payload: { text: "Edited reply" } });
    expect(decided.status()).toBe(200);

    const pages = [
      "/",
      "/agents",
      `/agents/${s.agentId}`,
      "/queue",
      "/drafts",
      "/actions",
      `/actions?q=${s.decided}`,
      `/actions/${s.pending}`,
      `/actions/${s.decided}`,
      "/action-types",
      `/action-types/${s.type}`,
      "/autonomy",
      `/autonomy/${s.type}`,
      "/api-reference",
      "/incidents",
      `/incidents/${s.incident}`,
      "/kill-switches",
      "/alerts",
      `/alerts/${s.channel}`,
      "/model-prices",
      "/admin/users",
      "/audit",
      `/audit?target=${s.decided}`,
      "/settings/tokens",
      "/account",
      "/agents/00000000-0000-4000-8000-000000000000",
    ];
    for (const url of pages) {
      await settle(page, url);
      const v = await seriousViolations(page);
      if (v.length) found[url] = v;
    }
    // Dialogs and menus are part of the pages too: search, a bulk decision, the phone menu.
    await settle(page, "/queue");
    await page.keyboard.press("Control+k");
    await page.getByRole("combobox", { name: "Search the console" }).fill(s.type.slice(4, 14));
    await expect(page.getByRole("listbox", { name: "Results" }).getByRole("option").first()).toBeVisible();
    const search = await seriousViolations(page);
    if (search.length) found["search dialog"] = search;
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: "Select every item shown" }).check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: /^Reject/ }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    const bulk = await seriousViolations(page);
    if (bulk.length) found["bulk reject dialog"] = bulk;
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const menu = await seriousViolations(page);
    if (menu.length) found["phone menu"] = menu;

    expect(found).toEqual({});
    await context.close();
  });
}

test("the theme toggle switches at once and the server renders the choice on the next load", async ({ page }) => {
  const { user, password } = await makeUser(e2eDb(), "viewer");
  await page.emulateMedia({ colorScheme: "light" });
  await signIn(page, user.email, password);
  const html = page.locator("html");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect.poll(background).not.toBe(light);
  const dark = await background();

  // Rendered by the server from the cookie: the first paint is already dark, no script needed.
  const res = await page.request.get("/");
  expect(await res.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await background()).toBe(dark);
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");

  // "System" follows the operating system again.
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "System" }).click();
  await expect(html).toHaveAttribute("data-theme", "system");
  await expect.poll(background).toBe(light);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(background).toBe(dark);
});
