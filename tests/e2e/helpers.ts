import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { createDb, type Db } from "../../lib/db/client";
import { databaseUrl } from "../helpers/pg-server";

export { makeUser, makeAgent, uniq, TEST_PASSWORD } from "../helpers/factories";

let db: Db | undefined;
/** Direct access to the e2e server's database, for seeding each test's own data. */
export function e2eDb(): Db {
  db ??= createDb({ kind: "postgres", url: databaseUrl(process.env.E2E_DATABASE_NAME!) }, { poolMax: 3 });
  return db;
}

export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await signInThroughForm(page, email, password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** A same-origin JSON mutation with the page's session cookie, as the console's own fetches send it. */
export function consoleFetch(request: APIRequestContext, method: string, path: string, data?: unknown, origin?: string) {
  return request.fetch(path, {
    method,
    data,
    headers: { "content-type": "application/json", origin: origin ?? process.env.E2E_BASE_URL! },
  });
}
