import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot } from "./support";

// A learner who completed a lesson does the day's review from the dashboard: the cards were built by the API's job
// when the lesson was completed, graded here with the keyboard, and the finished review counts for the streak.
test.describe.configure({ mode: "serial" });

const email = `review-${Date.now().toString(36)}@example.com`;
const password = "sunlight-and-water-42";
const LESSON = "Inside the leaf and the chloroplast";

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
test.afterAll(async () => {
  await page.close();
});

type Envelope<T> = { success: boolean; data: T };

test("a learner with a completed lesson sees the 5-minute review on the dashboard", async () => {
  // Set-up through the public API (the web gateway): register, enroll, complete a reading lesson.
  const api = page.request;
  const reg = await api.post("/api/v1/auth/register", {
    data: { email, password, full_name: "Review Learner" },
  });
  expect(reg.status()).toBe(201);
  const token = ((await reg.json()) as Envelope<{ access_token: string }>).data.access_token;
  const auth = { Authorization: `Bearer ${token}` };
  const list = (await (await api.get("/api/v1/courses?q=Photosynthesis%20Essentials")).json()) as Envelope<{
    items: Array<{ id: string; title: string }>;
  }>;
  const course = list.data.items.find((c) => c.title === "Photosynthesis Essentials");
  if (!course) throw new Error("the demo course is missing");
  expect((await api.post(`/api/v1/courses/${course.id}/enroll`, { headers: auth })).ok()).toBe(true);
  const detail = (await (await api.get(`/api/v1/courses/${course.id}`, { headers: auth })).json()) as Envelope<{
    modules: Array<{ lessons: Array<{ id: string; title: string }> }>;
  }>;
  const lesson = detail.data.modules.flatMap((m) => m.lessons).find((l) => l.title === LESSON);
  if (!lesson) throw new Error("the demo lesson is missing");
  expect((await api.post(`/api/v1/lessons/${lesson.id}/complete`, { headers: auth })).ok()).toBe(true);
  // The cards come from a background job: wait for them through the API rather than for a fixed time.
  await expect
    .poll(
      async () =>
        ((await (await api.get("/api/v1/review/stats", { headers: auth })).json()) as Envelope<{ due_count: number }>)
          .data.due_count,
      { timeout: 20_000, message: "recall cards built for the completed lesson" },
    )
    .toBeGreaterThan(0);

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 20_000 });
  const card = page.getByRole("region", { name: "5-minute review" });
  await expect(card).toContainText(/\d+ cards? due/);
  await shoot(page, "daily-review-01-dashboard");
  await expectAccessible(page, "dashboard with the daily review");
});

test("the learner flips each card and rates it with the keyboard until the review is done", async () => {
  await page.getByRole("region", { name: "5-minute review" }).getByRole("link", { name: "Start review" }).click();
  await expect(page).toHaveURL(/\/review$/);
  const progress = page.getByText(/^Card 1 of \d+$/);
  await expect(progress).toBeVisible();
  const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(0);
  await expectAccessible(page, "review card, front");

  for (let i = 1; i <= total; i++) {
    await expect(page.getByText(`Card ${i} of ${total}`)).toBeVisible();
    const show = page.getByRole("button", { name: "Show meaning" });
    // After each rating the next card's button takes the focus, so the whole review runs from the keyboard.
    if (i === 1) await show.focus();
    else await expect(show).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: /Open the lesson|Watch this moment/ })).toBeVisible();
    if (i === 1) {
      await shoot(page, "daily-review-02-revealed");
      await expectAccessible(page, "review card, revealed");
    }
    await page.keyboard.press(i === 1 ? "1" : "3");
  }
  await expect(page.getByRole("heading", { name: "Review done!" })).toBeFocused();
  await expect(page.getByText(/counts toward your learning streak/)).toBeVisible();
  await shoot(page, "daily-review-03-done");
  await expectAccessible(page, "review done");

  await page.getByRole("link", { name: "Back to my learning" }).click();
  await expect(page.getByRole("region", { name: "5-minute review" })).toContainText(
    `All caught up: ${total} ${total === 1 ? "card" : "cards"} reviewed today`,
  );
});

test("the caught-up review page works on a phone, with touch-sized links", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "All caught up" })).toBeVisible();
  await expectAccessible(page, "review on a phone, caught up");
  const back = page.getByRole("link", { name: "Back to my learning" });
  const box = await back.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
});
