import { expect, type Page, type Response, test } from "@playwright/test";
import { expectAccessible, linkFromOutbox, shoot } from "./support";

// One learner's whole first visit, in order, against the real API and the production build of the web app.
test.describe.configure({ mode: "serial" });

const email = `journey-${Date.now().toString(36)}@example.com`;
const password = "sunlight-and-water-42";
const COURSE_TITLE = "Photosynthesis Essentials";

let page: Page;
let courseUrl = "";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

test.afterAll(async () => {
  await page.close();
});

const videoTime = () => page.evaluate(() => document.querySelector("video")?.currentTime ?? -1);

test("a guest browses the catalog and finds a course despite a typo", async () => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "01-landing");
  await expectAccessible(page, "landing");

  await page.getByRole("link", { name: "Browse the catalog" }).first().click();
  await expect(page).toHaveURL(/\/courses(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "02-catalog");
  await expectAccessible(page, "catalog");

  const search = page.getByRole("combobox").first();
  await search.fill("photosynthesys");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=photosynthesys/);
  const result = page.getByRole("link", { name: new RegExp(COURSE_TITLE) }).first();
  await expect(result).toBeVisible();
  await result.click();

  await expect(page.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
  courseUrl = new URL(page.url()).pathname;
  expect(courseUrl).toMatch(/^\/courses\/[0-9a-f-]{36}$/);
  await shoot(page, "03-course");
  await expectAccessible(page, "course page");
});

test("the guest registers and verifies the email through the mail outbox", async () => {
  await page.getByRole("link", { name: "Sign up to enroll" }).click();
  await expect(page).toHaveURL(/\/register/);
  await expectAccessible(page, "register");
  await page.getByLabel("Your name").fill("Journey Learner");
  await page.getByLabel(/email/i).fill(email);
  await page
    .getByLabel(/^password/i)
    .first()
    .fill(password);
  await shoot(page, "04-register");
  await page.getByRole("button", { name: /create|sign up|register/i }).click();
  // A welcome note about the verification email, then back to the course the guest came from, signed in.
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Lumen, Journey" })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole("link", { name: "Start learning" }).click();
  await expect(page).toHaveURL(new RegExp(`${courseUrl}$`));
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();

  const link = await linkFromOutbox(email, "/verify-email");
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText(/verified/i).first()).toBeVisible();
  await shoot(page, "05-verified");
});

test("the learner enrolls, watches, and the saved position survives a reload", async () => {
  await page.goto(courseUrl);
  await page.getByRole("button", { name: /enroll/i }).click();
  await expect(page).toHaveURL(/\/learn\/[0-9a-f-]{36}\/[0-9a-f-]{36}/, { timeout: 20_000 });
  const video = page.locator("video");
  await expect(video).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0)).toBeGreaterThan(0);

  // Watch a few seconds at 4× speed, then pause: the pause sends the watched stretch. A busy machine can split it
  // in two reports (a late time update reads as a jump), so what counts is the best figure the server answered.
  const saved: Array<{ watch_percentage: number; position_seconds: number }> = [];
  const onReport = async (r: Response) => {
    if (!r.url().includes("/progress") || r.request().method() !== "PUT" || !r.ok()) return;
    saved.push((await r.json()).data.video_progress);
  };
  page.on("response", onReport);
  await page.evaluate(async () => {
    const v = document.querySelector("video") as HTMLVideoElement;
    v.playbackRate = 4;
    await v.play();
  });
  await expect.poll(videoTime, { timeout: 20_000 }).toBeGreaterThan(8);
  await page.evaluate(() => (document.querySelector("video") as HTMLVideoElement).pause());
  const stoppedAt = await videoTime();
  await expect.poll(() => Math.max(0, ...saved.map((p) => p.watch_percentage))).toBeGreaterThan(0);
  // The pause's own report (its position) has been answered before the reload.
  await expect.poll(() => saved.some((p) => Math.abs(p.position_seconds - stoppedAt) < 1)).toBe(true);
  page.off("response", onReport);
  await shoot(page, "06-learning-room");
  await expectAccessible(page, "learning room");

  await page.reload();
  await expect.poll(videoTime, { timeout: 20_000 }).toBeGreaterThan(stoppedAt - 2);
  expect(await videoTime()).toBeLessThan(stoppedAt + 2);
});

test("the learner passes the lesson quiz with explanations shown", async () => {
  await page
    .getByRole("navigation", { name: "Course outline" })
    .getByRole("link", { name: /The light-dependent reactions/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "The light-dependent reactions" })).toBeVisible();
  const quiz = page.getByRole("region", { name: "Check your understanding" });
  await quiz.getByRole("radio", { name: "Water" }).check();
  for (const option of ["ATP", "NADPH", "Oxygen"])
    await quiz.getByRole("checkbox", { name: option, exact: true }).check();
  await quiz
    .getByRole("group", { name: /Photosystem II acts before/ })
    .getByRole("radio", { name: "True" })
    .check();
  await quiz.getByRole("textbox", { name: "Your answer" }).fill("ATP synthase");
  await quiz.getByRole("button", { name: "Submit answers" }).click();
  await expect(quiz.getByRole("status")).toContainText("Passed: 100%");
  await expect(quiz.getByText(/Photosystem II splits water/)).toBeVisible();
  await shoot(page, "07-quiz-passed");
});

test("the learner reads a text lesson and marks it complete", async () => {
  const outline = page.getByRole("navigation", { name: "Course outline" });
  await outline.getByRole("link", { name: /Inside the leaf and the chloroplast/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inside the leaf and the chloroplast" })).toBeVisible();
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("Lesson complete. Nice work!")).toBeVisible();
  await expect(outline.getByRole("link", { name: /Inside the leaf and the chloroplast.*\(completed\)/ })).toBeVisible();
  await outline.getByRole("link", { name: /The light-dependent reactions/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The light-dependent reactions" })).toBeVisible();
});

test("the learner asks the tutor and a citation seeks the video to its second", async () => {
  await page.getByLabel("Ask the tutor about this lesson").fill("Where does the oxygen come from?");
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const sources = page.getByRole("list", { name: "Sources" }).last();
  await expect(sources).toBeVisible({ timeout: 30_000 });
  const timed = sources.getByRole("button", { name: /Play from \d+:\d\d/ }).first();
  await expect(timed).toBeVisible();
  const label = ((await timed.textContent()) ?? "").match(/Play from (\d+):(\d\d)/);
  const target = Number(label?.[1]) * 60 + Number(label?.[2]);
  await timed.click();
  await expect.poll(videoTime, { timeout: 10_000 }).toBeGreaterThanOrEqual(target);
  expect(await videoTime()).toBeLessThan(target + 6);
  await page.evaluate(() => (document.querySelector("video") as HTMLVideoElement).pause());
  await shoot(page, "08-tutor-citation");
});

test("the dashboard shows the course with its progress", async () => {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const progress = page.getByRole("progressbar").first();
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(COURSE_TITLE).first()).toBeVisible();
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await shoot(page, "09-dashboard");
  await expectAccessible(page, "dashboard");
});

test("the learning room works on a phone-sized screen", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await page.goto(courseUrl);
  await shoot(page, "10-course-phone");
  await page
    .getByRole("link", { name: /continue/i })
    .first()
    .click();
  await expect(page.locator("video")).toHaveCount(1);
  await expect(page.getByLabel("Ask the tutor about this lesson")).toBeVisible();
  await shoot(page, "11-learning-room-phone");
});
