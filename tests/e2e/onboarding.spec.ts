import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { e2eDb, makeUser, signIn, uniq } from "./helpers";

// From a fresh admin to a first decision: create an agent and its key, run the agent page's own
// curl commands exactly as shown (with the real key in $WARDEN_API_KEY), watch the run and the
// request appear on the page without a reload, decide it, and find it again on the Actions page.

const run = promisify(execFile);

test("a new admin connects an agent with the page's curl commands and finds the decided action by its subject", async ({ page }) => {
  test.setTimeout(90_000);
  const { user, password } = await makeUser(e2eDb(), "admin");
  await signIn(page, user.email, password);

  const name = uniq("first-agent");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await page.getByRole("button", { name: "New agent" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New agent" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create agent" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();

  // Before anything arrives, the page says it is waiting for it.
  await expect(page.getByText("Waiting for the first run…")).toBeVisible();
  await expect(page.getByText("Waiting for the first request to act…")).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^wdn_/);
  await page.getByRole("button", { name: "I have stored it" }).click();

  // The page's commands, run in a shell as a user would paste them.
  const sh = async (id: string) => {
    const command = (await page.getByTestId(`connect-${id}`).locator("pre").textContent())!;
    expect(command).toContain(process.env.E2E_BASE_URL!);
    const { stdout } = await run("bash", ["-c", command], { env: { ...process.env, WARDEN_API_KEY: key }, timeout: 30_000 });
    return JSON.parse(stdout) as Record<string, unknown>;
  };
  // Nothing below reloads the page: a marker set now must still be there at the end.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  expect(await sh("check-key")).toMatchObject({ name });
  const started = await sh("start-run");
  expect(started).toMatchObject({ status: "running" });
  const asked = await sh("ask-to-act");
  expect(asked).toMatchObject({ decision: "draft", status: "pending", type: "support.reply" });
  // The example's subject: what the search below looks for (only this test sends it).
  const subject = "ticket-1042";
  expect(await page.getByTestId("connect-ask-to-act").textContent()).toContain(`"subject": "${subject}"`);

  // Both appear on the open page by themselves.
  await expect(page.getByTestId("agent-runs")).toContainText(String(started.id).slice(0, 8));
  const actions = page.getByTestId("agent-actions");
  await expect(actions).toContainText("support.reply");
  await expect(actions).toContainText("Waiting for a person");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Decide it: a new type starts as a draft, so the admin records it as carried out as proposed.
  await actions.getByRole("link", { name: /support\.reply/ }).click();
  await expect(page.getByRole("heading", { name: "support.reply" })).toBeVisible();
  await page.getByRole("button", { name: "Executed as proposed" }).click();
  await expect(page.getByTestId("decision-result")).toContainText("Recorded support.reply");
  // The confirmation leads back to what was decided.
  await expect(page.getByTestId("decision-result-link")).toHaveAttribute("href", `/actions/${asked.id}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
  await expect(page.getByRole("heading", { name: "Actions", exact: true })).toBeVisible();
  await page.getByLabel("Find by action id, run id, subject or external id").fill(subject);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${subject}`));
  // Every action about that subject is listed; this agent's is the one decided just now.
  const rows = page.getByTestId("action-row").filter({ hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Executed as proposed");
  await rows.getByRole("link", { name: /support\.reply/ }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${asked.id}`));
  await expect(page.getByTestId("action-status")).toHaveText("Executed as proposed");
});
