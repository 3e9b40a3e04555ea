import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// The console shell: the document never scrolls, only the main column does. Absolutely
// positioned screen-reader text used to be laid out against the document, which then grew a
// scrollbar of its own: the mouse wheel over the sidebar scrolled the whole window to a blank page.

async function askToAct(request: APIRequestContext, agentKey: string, type: string, n: number) {
  const res = await request.post("/api/v1/actions", { headers: { authorization: `Bearer ${agentKey}` }, data: { type, payload: { n } } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string };
}

/** Waits two frames, by which time the browser has handled the wheel events sent before. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

const documentScroll = (page: Page) =>
  page.evaluate(() => ({
    scrollY: window.scrollY,
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
  }));

async function expectOnlyMainScrolls(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("main#content h1").first()).toBeVisible();
  const viewport = page.viewportSize()!;
  const still = { scrollY: 0, scrollHeight: viewport.height, scrollWidth: viewport.width };
  // The wheel over the sidebar (a column too short to scroll) must not move the document.
  await page.mouse.move(110, viewport.height / 2);
  await page.mouse.wheel(0, 2500);
  await frames(page);
  expect(await documentScroll(page), `the document itself never scrolls on ${url}`).toEqual(still);
  // Over the main column it scrolls that column, when there is more to see, and nothing else.
  const main = page.locator("main#content");
  if (await main.evaluate((m) => m.scrollHeight > m.clientHeight)) {
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => main.evaluate((m) => m.scrollTop), { message: `main scrolls on ${url}` }).toBeGreaterThan(0);
    await frames(page);
    expect(await documentScroll(page), `the document itself never scrolls on ${url}`).toEqual(still);
  }
}

test("on every console page the mouse wheel scrolls the main column, never the document", async ({ page, request }) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  // Enough content that every list is taller than the window.
  const prefix = `e2e.${uniq("shell").replace(/-/g, "_")}`;
  const { agent, key } = await makeAgent(db);
  for (let i = 0; i < 10; i++) {
    await db.actionType.create({ data: { key: `${prefix}_${i}`, level: [3, 2, 1, 0][i % 4]!, description: `Shell test type ${i}` } });
  }
  const approvals = `${prefix}_2`;
  const drafts = `${prefix}_4`;
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) ids.push((await askToAct(request, key, approvals, i)).id);
  for (let i = 0; i < 16; i++) await askToAct(request, key, drafts, i);
  const { user, password } = await makeUser(db, "admin");
  await signIn(page, user.email, password);

  for (const url of [
    "/",
    "/agents",
    `/agents/${agent.id}`,
    "/queue",
    "/drafts",
    `/actions/${ids[0]}`,
    "/action-types",
    `/action-types/${approvals}`,
    "/autonomy",
    `/autonomy/${approvals}`,
    "/admin/users",
    "/settings/tokens",
    "/agents/00000000-0000-4000-8000-000000000000",
  ]) {
    await expectOnlyMainScrolls(page, url);
  }
});

test("the icon and the Open Graph image are public files, linked from every page's metadata", async ({ request }) => {
  // Not signed in: the proxy must not send these to the sign-in page.
  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");

  const og = await request.get("/og.png", { maxRedirects: 0 });
  expect(og.status()).toBe(200);
  expect(og.headers()["content-type"]).toBe("image/png");
  const png = await og.body();
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  const html = await (await request.get("/sign-in")).text();
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg"/);
  expect(html).toContain(`<meta property="og:image" content="${process.env.E2E_BASE_URL}/og.png"/>`);
  expect(html).toContain(`<meta property="og:image:width" content="1200"/>`);
  expect(html).toContain(`<meta property="og:image:height" content="630"/>`);
});
