import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot } from "./support";

// Payments in test mode (no Stripe key): a purchase, a Premium subscription, a declined card, and an admin refund,
// against the real API and the production build. Each learner is an account of this run only.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const buyer = { email: `buyer-${suffix}@example.com`, password: "buy-one-course-42", full_name: "Bea Buyer" };
const member = { email: `member-${suffix}@example.com`, password: "premium-every-month-7", full_name: "Max Member" };
const BOUGHT = "Advanced TypeScript";
const VIA_PREMIUM = "Linear Algebra, Visually";

let buyerPage: Page;
let memberPage: Page;
let boughtUrl = "";

async function signedInPage(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  // A context of its own per person: their refresh cookies never mix.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible({ timeout: 20_000 });
  return page;
}

async function openCourse(page: Page, title: string): Promise<string> {
  await page.goto(`/courses?q=${encodeURIComponent(title)}`);
  await page
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.afterAll(async () => {
  await buyerPage?.context().close();
  await memberPage?.context().close();
});

test("two learners register", async ({ request }) => {
  for (const who of [buyer, member]) {
    const res = await request.post("/api/v1/auth/register", { data: who });
    expect(res.status(), await res.text()).toBe(201);
  }
});

test("a free learner hits a paid course, is declined once, then buys it and lands in the learning room", async ({
  browser,
}) => {
  buyerPage = await signedInPage(browser, buyer);
  const page = buyerPage;
  boughtUrl = await openCourse(page, BOUGHT);
  await expect(page.getByRole("link", { name: "Included with Premium" })).toBeVisible();
  await page.getByRole("button", { name: "Buy for $39.00" }).click();

  await expect(page).toHaveURL(/\/checkout\/test\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const checkoutUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Test mode — no real payment")).toBeVisible();
  await shoot(page, "payments-test-checkout");
  await expectAccessible(page, "test checkout");

  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: "Pay $39.00" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your card was declined" })).toBeVisible();
  // The decline granted nothing: the course still offers itself for sale.
  await page.goto(boughtUrl);
  await expect(page.getByRole("button", { name: "Buy for $39.00" })).toBeVisible();

  await page.goto(checkoutUrl);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $39.00" }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=/);
  await expect(page.getByRole("heading", { name: "Payment confirmed: the course is yours" })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole("link", { name: "Start learning" }).click();
  await page.getByRole("link", { name: "Continue learning" }).click();
  await expect(page).toHaveURL(/\/learn\/[0-9a-f-]{36}\/[0-9a-f-]{36}/, { timeout: 20_000 });
});

test("another learner subscribes to Premium monthly and opens a different paid course", async ({ browser }) => {
  memberPage = await signedInPage(browser, member);
  const page = memberPage;
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Plans and pricing" })).toBeVisible();
  await shoot(page, "payments-pricing");
  await expectAccessible(page, "pricing");
  await page.getByRole("button", { name: "Get Premium monthly" }).click();
  await expect(page).toHaveURL(/\/checkout\/test\//, { timeout: 20_000 });
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Premium" })).toBeVisible({ timeout: 20_000 });

  await openCourse(page, VIA_PREMIUM);
  await page.getByRole("button", { name: "Enroll with Premium" }).click();
  await expect(page).toHaveURL(/\/learn\/[0-9a-f-]{36}\/[0-9a-f-]{36}/, { timeout: 20_000 });

  await page.goto("/account/billing");
  await expect(page.getByText("Premium, monthly")).toBeVisible();
  await expect(page.getByText(/renews on/)).toBeVisible();
  await expectAccessible(page, "billing");
});

test("an admin refunds the first purchase and the course closes for that learner", async ({ browser }) => {
  const admin = await signedInPage(browser, { email: "admin@lumen.dev", password: "lumen-admin-demo" });
  await admin.goto("/admin/payments");
  await expect(admin.getByRole("heading", { level: 1, name: "Payments" })).toBeVisible();
  await admin.getByLabel("Learner's email").fill(buyer.email);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByRole("cell", { name: buyer.email })).toBeVisible();
  await admin.getByRole("button", { name: "Refund" }).click();
  await admin.getByRole("button", { name: "Confirm refund of $39.00" }).click();
  await expect(admin.getByRole("cell", { name: "Refunded" })).toBeVisible();
  await shoot(admin, "payments-admin");
  await admin.context().close();

  // The refund cancelled the enrollment (progress kept): the course is for sale again, not "Continue learning".
  await buyerPage.goto(boughtUrl);
  await expect(buyerPage.getByRole("button", { name: "Buy for $39.00" })).toBeVisible({ timeout: 20_000 });
  await expect(buyerPage.getByRole("link", { name: "Continue learning" })).toHaveCount(0);
});
