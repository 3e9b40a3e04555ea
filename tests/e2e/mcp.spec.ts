import { expect, test, type Page } from "@playwright/test";
import { connectThroughGateway, type GatewaySession } from "../helpers/mcp-gateway";
import { e2eDb, makeAgent, makeUser, signIn, uniq } from "./helpers";

// An MCP client calls a tool through warden-mcp; a reviewer decides it in the browser.

const sessions: GatewaySession[] = [];
test.afterEach(async () => {
  await Promise.allSettled(sessions.splice(0).map((s) => s.close()));
});

/** An agent's MCP client behind warden-mcp, for a server whose send_email needs approval (level 2). */
async function mcpClient() {
  const server = `e2e${uniq("m").slice(2, 10)}`;
  const type = `mcp.${server}.send_email`;
  await e2eDb().actionType.create({ data: { key: type, level: 2 } });
  const { agent, key } = await makeAgent(e2eDb());
  const session = await connectThroughGateway({ server, wardenUrl: process.env.E2E_BASE_URL!, apiKey: key, gatewayArgs: ["--wait", "45"] });
  sessions.push(session);
  return { server, type, agent, session };
}

async function pendingId(type: string): Promise<string> {
  let id = "";
  await expect
    .poll(async () => (id = (await e2eDb().action.findFirst({ where: { actionType: { key: type }, status: "pending" } }))?.id ?? ""))
    .not.toBe("");
  return id;
}

async function signInAsReviewer(page: Page) {
  const { user, password } = await makeUser(e2eDb(), "reviewer");
  await signIn(page, user.email, password);
}

test("a pending MCP tool call shows in the queue with its tool and arguments; approving it returns the upstream's result to the MCP client", async ({ page }) => {
  const { server, type, agent, session } = await mcpClient();
  const call = session.client.callTool({ name: "send_email", arguments: { to: "ada@example.test", subject: "Your refund" } }, undefined, { timeout: 55_000 });
  const id = await pendingId(type);

  await signInAsReviewer(page);
  await page.goto(`/queue?type=${type}`);
  const row = page.getByTestId("queue-row").filter({ hasText: type });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("send_email");
  await expect(row).toContainText("ada@example.test");
  await expect(row).toContainText("Your refund");
  await expect(row).toContainText(agent.name);

  await row.getByRole("link", { name: type }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${id}`));
  await expect(page.getByTestId("rationale")).toHaveText(`MCP tool "send_email" on server "${server}", called through warden-mcp.`);
  await expect(page.getByTestId("claim-status")).toContainText("You have this open");
  await page.getByRole("button", { name: "Approve", exact: true }).click();

  const result = await call;
  expect(result).toEqual({ content: [{ type: "text", text: 'Sent "Your refund" to ada@example.test.' }] });
  expect(session.upstreamCalls()).toEqual([{ tool: "send_email", args: { to: "ada@example.test", subject: "Your refund" } }]);
  await expect.poll(async () => (await e2eDb().action.findUniqueOrThrow({ where: { id } })).status).toBe("executed");
});

test("a call the MCP client cancels leaves the queue, and its page says the agent withdrew it", async ({ page }) => {
  const { type, session } = await mcpClient();
  const controller = new AbortController();
  const call = session.client.callTool({ name: "send_email", arguments: { to: "bob@example.test", subject: "Hello" } }, undefined, { signal: controller.signal });
  const id = await pendingId(type);

  await signInAsReviewer(page);
  await page.goto(`/queue?type=${type}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(1);

  controller.abort("the user pressed stop");
  await expect(call).rejects.toThrow();
  await expect.poll(async () => (await e2eDb().action.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");

  await page.reload();
  await expect(page.getByTestId("queue-row")).toHaveCount(0);
  await page.goto(`/actions/${id}`);
  await expect(page.getByTestId("action-status")).toHaveText("Withdrawn by the agent");
  await expect(page.getByRole("heading", { name: "Withdrawn by the agent" })).toBeVisible();
  await expect(page.getByText("Reason: The MCP client cancelled the call")).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("withdrew the request before anyone decided");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  expect(session.upstreamCalls()).toEqual([]);
});
