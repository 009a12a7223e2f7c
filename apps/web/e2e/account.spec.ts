import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, linkFromOutbox, shoot } from "./support";

// A learner looks after their account: profile and picture, a new email confirmed by its link, and (with a
// throwaway account) deletion, after which signing in no longer works.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const email = `account-${stamp}@example.com`;
const newEmail = `account-new-${stamp}@example.com`;
const throwaway = `throwaway-${stamp}@example.com`;
const password = "quiet-river-stones-71";

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let page: Page;

async function register(request: APIRequestContext, address: string, name: string) {
  const res = await request.post("/api/v1/auth/register", {
    data: { email: address, password, full_name: name },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function signIn(browser: Browser, address: string): Promise<Page> {
  // A context of its own per person: their refresh cookies never mix.
  const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await p.goto(`/login?next=${encodeURIComponent("/account/settings")}`);
  await p.getByLabel("Email").fill(address);
  await p.getByLabel("Password", { exact: true }).fill(password);
  await p.getByRole("button", { name: "Log in" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "Account settings" })).toBeVisible({ timeout: 20_000 });
  return p;
}

test.beforeAll(async ({ browser, request }) => {
  await register(request, email, "Account Learner");
  page = await signIn(browser, email);
});

test.afterAll(async () => {
  await page?.context().close();
});

test("the learner edits name, bio and picture, and the header shows them", async () => {
  await expectAccessible(page, "account settings");
  const menu = page.getByRole("button", { name: /account menu for/i });
  await expect(menu).toHaveAccessibleName("Account menu for Account Learner");
  await expect(menu.locator("img")).toHaveCount(0);

  await page.getByLabel("Name", { exact: true }).fill("Ada Account");
  await page.getByLabel("Bio", { exact: true }).fill("Learning statistics on the train.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expect(menu).toHaveAccessibleName("Account menu for Ada Account");

  await page.getByLabel("Upload a picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("Picture saved.")).toBeVisible({ timeout: 20_000 });
  const picture = menu.locator("img");
  await expect(picture).toHaveAttribute("src", /^\/api\/v1\/media\/[0-9a-f-]{36}$/);
  // The picture really loads through the gateway.
  await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);

  await page.reload();
  await expect(page.getByLabel("Bio", { exact: true })).toHaveValue("Learning statistics on the train.");
  await expect(page.getByRole("button", { name: "Account menu for Ada Account" }).locator("img")).toHaveCount(1);
  await shoot(page, "account-01-profile");
});

test("the learner changes email and confirms it through the mailed link", async () => {
  await page.getByLabel("New email").fill(newEmail);
  await page.getByLabel("Your current password").fill(password);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText(/We sent a link to/)).toContainText(newEmail);
  await expect(page.getByText(`You sign in with ${email}.`)).toBeVisible();

  const link = new URL(await linkFromOutbox(newEmail, "/account/confirm-email"));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(/Your email is now/)).toContainText(newEmail, { timeout: 20_000 });
  await expectAccessible(page, "email confirmed");
  await shoot(page, "account-02-email-confirmed");

  await page.getByRole("link", { name: "Back to account settings" }).click();
  await expect(page.getByText(`You sign in with ${newEmail}.`)).toBeVisible();
});

test("a throwaway account is deleted and can no longer sign in", async ({ browser, request }) => {
  await register(request, throwaway, "Throwaway Learner");
  const gone = await signIn(browser, throwaway);
  const card = gone.getByRole("region", { name: "Delete your account" });
  await card.getByLabel("Your password").fill(password);
  await card.getByLabel("Type DELETE to confirm").fill("DELETE");
  await card.getByRole("button", { name: "Delete my account" }).click();
  await expect(gone).toHaveURL(/\/$/, { timeout: 20_000 });
  await expect(gone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();

  await gone.goto("/login");
  await gone.getByLabel("Email").fill(throwaway);
  await gone.getByLabel("Password", { exact: true }).fill(password);
  await gone.getByRole("button", { name: "Log in" }).click();
  await expect(gone.getByRole("alert").filter({ hasText: /incorrect email or password/i })).toBeVisible();
  await shoot(gone, "account-03-deleted-login-refused");
  await gone.context().close();
});
