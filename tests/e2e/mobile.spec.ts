import { expect, test, type Page } from "@playwright/test";
import { createClient } from "../../lib/sdk";
import { e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// A reviewer approves from a phone: at 390×844 the sidebar is a menu, the queue and the action
// page fit the width, the draft reply wraps instead of running off the edge, and the decision
// buttons can be reached and pressed.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Neither the document nor the main column scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const m = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return { doc: document.scrollingElement!.scrollWidth, vw: window.innerWidth, main: main.scrollWidth, mainWidth: main.clientWidth };
  });
  expect(m.doc, `the page is wider than the screen on ${where}`).toBeLessThanOrEqual(m.vw);
  expect(m.main, `the main column scrolls sideways on ${where}`).toBeLessThanOrEqual(m.mainWidth);
}

test("a reviewer opens the queue from the menu, reads a long draft reply and approves it", async ({ page }) => {
  const db = e2eDb();
  const type = `e2e.${uniq("phone").replace(/-/g, "_")}`;
  await db.actionType.create({ data: { key: type, level: 2, description: "Reply to a customer ticket." } });
  const { key } = await makeAgent(db);
  const warden = createClient({ baseUrl: process.env.E2E_BASE_URL!, apiKey: key, retry: { maxAttempts: 1 } });
  const link = "https://track.example.com/parcels/NL-77812-ROTTERDAM-EINDHOVEN-REROUTE-2026-11-28?lang=en&ref=support-bot-1042";
  const reply = [
    "Hi Dana,",
    "",
    `Thanks for your patience. The carrier scanned your parcel at the wrong depot; I asked them to reroute it today. The new tracking link is ${link} and it should reach you by Friday.`,
    "",
    "Best,",
    "The Support team",
  ].join("\n");
  const waiting = warden.authorize({ type, subject: uniq("ticket"), rationale: "The carrier misrouted the parcel.", payload: { to: "dana@example.com", text: reply } }, { waitMs: 50_000 });

  const { user, password } = await makeUser(db, "reviewer");
  await signIn(page, user.email, password);
  const nav = page.getByRole("navigation", { name: "Main" });
  // Folded away: the menu button opens it.
  await expect(nav).toBeHidden();
  await expectNoSidewaysScroll(page, "the overview");
  await page.getByRole("button", { name: "Menu" }).tap();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Approvals" }).tap();
  await expect(page.getByRole("heading", { name: "Approvals", exact: true })).toBeVisible();
  await expect(nav).toBeHidden();

  await page.getByLabel("Action type").selectOption(type);
  const row = page.getByTestId("queue-row").filter({ hasText: type });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("queue-rationale")).toHaveText("The carrier misrouted the parcel.");
  await expectNoSidewaysScroll(page, "the queue");
  await row.getByRole("link", { name: type }).tap();

  await expect(page.getByRole("heading", { name: type })).toBeVisible();
  const payload = page.getByTestId("proposed-payload");
  // The reply reads as text: its line breaks kept, the long link wrapped inside the screen.
  const text = payload.getByText("Thanks for your patience.", { exact: false });
  await expect(text).toBeVisible();
  await expect(text).toContainText(link);
  const fit = await text.evaluate((el) => {
    const lines = [...el.getClientRects()];
    const box = el.closest("[data-testid=proposed-payload]")!.getBoundingClientRect();
    return { lines: lines.length, right: Math.max(...lines.map((r) => r.right)), boxRight: box.right };
  });
  expect(fit.lines, "the reply wraps over many lines").toBeGreaterThan(6);
  expect(fit.right, "no line runs past the payload's edge").toBeLessThanOrEqual(fit.boxRight);
  expect(fit.boxRight).toBeLessThanOrEqual(390);
  expect(await payload.evaluate((el) => el.scrollWidth <= el.clientWidth), "the payload box never scrolls sideways").toBe(true);
  await expectNoSidewaysScroll(page, "the action page");

  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  const approve = page.getByRole("button", { name: "Approve", exact: true });
  await approve.scrollIntoViewIfNeeded();
  await expect(approve).toBeInViewport();
  await approve.tap();

  const result = await waiting;
  expect(result).toMatchObject({ decision: "execute", executable: true, status: "approved", payload: { to: "dana@example.com", text: reply } });
  await expect(page.getByTestId("decision-result")).toContainText(`Approved ${type}`);
  await expectNoSidewaysScroll(page, "the queue after the decision");
});
