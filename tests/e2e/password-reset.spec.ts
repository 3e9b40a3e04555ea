import { expect, test } from "@playwright/test";
import { e2eDb, makeUser, signIn, signInThroughForm } from "./helpers";

test.describe("passwords", () => {
  test("an admin resets a user's password; the user is signed out and signs in with the one-time password", async ({ page, browser }) => {
    const db = e2eDb();
    const { user: admin, password: adminPassword } = await makeUser(db, "admin");
    const { user, password: old } = await makeUser(db, "reviewer");
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await signIn(userPage, user.email, old);

    await signIn(page, admin.email, adminPassword);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    const row = page.getByRole("row").filter({ hasText: user.email });
    // One's own row offers no reset: that is the Account page's job.
    await expect(page.getByRole("row").filter({ hasText: admin.email }).getByRole("button", { name: "Reset password" })).toHaveCount(0);
    await row.getByRole("button", { name: "Reset password" }).click();

    const dialog = page.getByRole("dialog", { name: `Reset the password of ${user.email}?` });
    await expect(dialog).toContainText("every session they have open is signed out");
    await dialog.getByRole("button", { name: "Reset password" }).click();
    const shown = page.getByRole("dialog", { name: `New password for ${user.email}` });
    const oneTime = (await shown.getByTestId("one-time-password").textContent())?.trim() ?? "";
    expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
    await shown.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByTestId("one-time-password")).toHaveCount(0);

    // The user's open session ends at once, and the old password is gone.
    await userPage.goto("/");
    await expect(userPage).toHaveURL(/\/sign-in/);
    await signInThroughForm(userPage, user.email, old);
    await expect(userPage.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
    await signIn(userPage, user.email, oneTime);
    await expect(userPage.getByTestId("current-user-email")).toHaveText(user.email);
    await userContext.close();
  });

  test("a user changes their own password from Account: this session stays, the others end", async ({ page, browser }) => {
    const db = e2eDb();
    const { user, password } = await makeUser(db, "viewer");
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, user.email, password);
    await signIn(page, user.email, password);

    await page.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    const next = "a passphrase of my own choosing";
    await page.getByLabel("Current password", { exact: true }).fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Repeat the new password", { exact: true }).fill("something else entirely");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Does not match the new password.")).toBeVisible();

    await page.getByLabel("Repeat the new password", { exact: true }).fill(next);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Not your current password.")).toBeVisible();

    await page.getByLabel("Current password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
    // Still signed in here, with a fresh session...
    await page.reload();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    // ...while the other browser is signed out.
    await otherPage.goto("/");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await signIn(otherPage, user.email, next);
    await otherContext.close();
  });
});
