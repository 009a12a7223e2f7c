import { expect, test } from "@playwright/test";
import { shoot } from "./support";

test("a guest sees the landing page and the published demo courses from the API", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const cards = page.locator('a[href^="/courses/"]');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByText(/photosynthesis/i).first()).toBeVisible();
  // Through shoot(), which waits for the entrance animations, so the cards aren't caught mid-fade.
  await shoot(page, "home");
});

test("the demo student can sign in through the web app's gateway to the API", async ({ request }) => {
  // Through the web app's same-origin gateway to the API.
  const res = await request.post("/api/v1/auth/login", {
    data: { email: "sam@lumen.dev", password: "lumen-student-demo" },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.data.user.role).toBe("student");
});
