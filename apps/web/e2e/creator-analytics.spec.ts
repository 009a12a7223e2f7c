import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot } from "./support";

// A creator reads where learners get stuck in her course, against the real API and the production build. Three
// fresh learners (made through the API, so the run never depends on what other specs did) watch Ada's free demo
// course, go back over part of its first video, and ask the tutor at a moment of it.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const QUESTION = `Why does the light reaction split water? (${suffix})`;

type Lesson = { id: string; title: string; kind: "video" | "text"; duration_seconds: number };
let courseId = "";
let video: Lesson;
let page: Page;

async function data<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { data: T }).data;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

test.afterAll(async () => {
  await page.close();
});

test("learners watch, rewatch and ask the tutor about Ada's course", async ({ request }) => {
  const catalog = await data<{ items: Array<{ id: string; title: string }> }>(
    await request.get("/api/v1/courses?q=Photosynthesis%20Essentials&limit=5"),
  );
  const course = catalog.items.find((c) => c.title === "Photosynthesis Essentials");
  expect(course, "the demo course").toBeTruthy();
  courseId = course?.id ?? "";
  const detail = await data<{ modules: Array<{ lessons: Lesson[] }> }>(
    await request.get(`/api/v1/courses/${courseId}`),
  );
  const first = detail.modules.flatMap((m) => m.lessons).find((l) => l.kind === "video");
  expect(first, "a video lesson").toBeTruthy();
  video = first as Lesson;

  // Viewing is credited at most at the player's top speed (2×) plus 5 s of slack since the previous report, so the
  // three learners start together and then watch for real time: waiting only ever adds credit, it never races.
  const learners: Array<{ n: number; rewatchFrom: number | null; auth: Record<string, string> }> = [];
  for (const [n, rewatchFrom] of [
    [1, 28],
    [2, 30],
    [3, null],
  ] as const) {
    const registered = await data<{ access_token: string }>(
      await request.post("/api/v1/auth/register", {
        data: {
          email: `analytics-${n}-${suffix}@example.com`,
          password: "watch-it-twice-42",
          full_name: `Learner ${n}`,
        },
      }),
    );
    const auth = { authorization: `Bearer ${registered.access_token}` };
    await data(await request.post(`/api/v1/courses/${courseId}/enroll`, { headers: auth }));
    await data(await request.post(`/api/v1/lessons/${video.id}/start`, { headers: auth }));
    learners.push({ n, rewatchFrom, auth });
  }
  const report = (auth: Record<string, string>, from: number, to: number) =>
    request.put(`/api/v1/lessons/${video.id}/progress`, {
      headers: auth,
      data: { position_seconds: to, segment: { from_seconds: from, to_seconds: to } },
    });
  const watchFor = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await watchFor(6.5); // 5 s + 2 × 6.5 s covers the 15 s first viewing
  for (const { auth } of learners) await data(await report(auth, 25, 40));
  await watchFor(5.5); // and 2 × 5.5 s the 10 s they go back over
  for (const { n, rewatchFrom, auth } of learners) {
    if (rewatchFrom !== null) await data(await report(auth, rewatchFrom, rewatchFrom + 10)); // went back
    if (n === 1) {
      await data(
        await request.post("/api/v1/ai/chat", {
          headers: auth,
          data: { message: QUESTION, course_id: courseId, lesson_id: video.id, position_seconds: 31.5 },
        }),
      );
    }
  }
});

test("Ada sees the charts and where learners get stuck, with the question on the timeline", async () => {
  await page.goto(`/login?next=${encodeURIComponent(`/studio/courses/${courseId}/analytics`)}`);
  await page.getByLabel("Email").fill("ada@lumen.dev");
  await page.getByLabel("Password", { exact: true }).fill("lumen-creator-demo");
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page).toHaveURL(new RegExp(`/studio/courses/${courseId}/analytics$`), { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Course analytics" })).toBeVisible();
  await expect(page).toHaveTitle("Course analytics · Creator studio · Lumen");
  await expect(page.getByText("Photosynthesis Essentials", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Back to the course/ })).toHaveAttribute(
    "href",
    `/studio/courses/${courseId}`,
  );
  for (const title of [
    "Enrollments and active learners",
    "Completion funnel by lesson",
    "Quiz pass rate by lesson",
    "Average watch coverage by lesson",
  ]) {
    await expect(page.getByRole("figure", { name: title })).toBeVisible();
  }

  await page.getByLabel("Lesson", { exact: true }).selectOption(video.id);
  const timeline = page.getByRole("figure", { name: `Timeline of “${video.title}”` });
  await expect(timeline).toBeVisible();
  // Two of the learners went back over 0:30–0:38 (other specs share this API, so "at least").
  await expect(timeline.getByText(/Most rewatched: 0:\d\d–0:\d\d, by \d+ learners\./)).toBeVisible();
  await expect(
    timeline.getByRole("button", { name: /^0:30–0:35: ([2-9]|\d\d+) learners rewatched .*1 question$/ }),
  ).toHaveCount(1);
  const marker = timeline.getByRole("button", { name: /^1 question at 0:30–0:35$/ });
  await marker.hover();
  await expect(timeline.locator("li").filter({ hasText: QUESTION })).toBeVisible();
  await shoot(page, "creator-analytics");
  await expectAccessible(page, "creator analytics");

  // Keyboard: the strip is one tab stop, the arrow keys walk along it.
  const cells = timeline.getByRole("group", { name: /Rewatches along the video/ }).getByRole("button");
  await cells.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(cells.nth(1)).toBeFocused();

  const questions = page.getByRole("region", { name: "Questions learners asked" });
  await expect(questions.getByText(`“${QUESTION}”`)).toBeVisible();
  // Asked at 31.5 s: the label and the link round the same way (one rule, to the nearest second).
  await expect(questions.getByRole("link", { name: "Open the lesson at 0:32" })).toHaveAttribute(
    "href",
    `/learn/${courseId}/${video.id}?t=32`,
  );
  // Privacy: the creator never sees who asked.
  await expect(page.getByText(/Learner 1|analytics-1-/)).toHaveCount(0);
});

test("the page reads well in dark mode and on a phone, with motion reduced", async () => {
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await page.reload();
  await expect(page.getByRole("figure", { name: "Completion funnel by lesson" })).toBeVisible();
  await page.getByLabel("Lesson", { exact: true }).selectOption(video.id);
  await expect(page.getByRole("figure", { name: `Timeline of “${video.title}”` })).toBeVisible();
  await shoot(page, "creator-analytics-dark");
  await expectAccessible(page, "creator analytics, dark");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("figure", { name: `Timeline of “${video.title}”` })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
  await shoot(page, "creator-analytics-phone");
});

test("another creator is told the analytics aren't theirs", async () => {
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent(`/studio/courses/${courseId}/analytics`)}`);
  await page.getByLabel("Email").fill("marcus@lumen.dev");
  await page.getByLabel("Password", { exact: true }).fill("lumen-creator-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "These analytics aren't yours to see" })).toBeVisible({
    timeout: 20_000,
  });
});
