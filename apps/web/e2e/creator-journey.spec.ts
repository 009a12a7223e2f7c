import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot } from "./support";

// A creator builds a course in the studio from nothing (module, lessons, video, transcript, AI quiz), publishes
// it, and a learner finds it in the catalog and watches the uploaded video. Against the real API and build.
test.describe.configure({ mode: "serial" });

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.resolve(here, "../../../packages/db/assets");
// A demo lesson's files stand in for a creator's own recording and its transcript.
const VIDEO = path.join(assets, "media/spanish-directions-transport.webm");
const TRANSCRIPT = path.join(assets, "transcripts/spanish-directions-transport.vtt");

const stamp = Date.now().toString(36);
const COURSE = `Finding Your Way in Spanish ${stamp}`;
const MODULE_1 = "Getting around";
const MODULE_2 = "Eating out";
const TEXT_LESSON = "Phrase list";
const VIDEO_LESSON = "Asking for directions";

let page: Page;
let courseEditorUrl = "";

async function signIn(browser: Browser, email: string, password: string, next: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await p.goto(`/login?next=${encodeURIComponent(next)}`);
  await p.getByLabel(/email/i).fill(email);
  await p
    .getByLabel(/^password/i)
    .first()
    .fill(password);
  await p.getByRole("button", { name: "Log in" }).click();
  await expect(p).toHaveURL(new RegExp(`${next.replace(/[/]/g, "\\/")}$`), { timeout: 20_000 });
  return p;
}

const noSideScroll = (p: Page) =>
  p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);

test.beforeAll(async ({ browser }) => {
  page = await signIn(browser, "ada@lumen.dev", "lumen-creator-demo", "/studio");
});

test.afterAll(async () => {
  await page.close();
});

test("the creator sees their courses and starts a new one", async () => {
  await expect(page.getByRole("heading", { level: 1, name: "My courses" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit\b/ }).first()).toBeVisible({ timeout: 20_000 });
  await shoot(page, "studio-01-my-courses");
  await expectAccessible(page, "studio: my courses");

  await page.getByRole("link", { name: "New course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New course" })).toBeVisible();
  // The contract's rules, in words, before anything is sent.
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByText("Title can't be empty")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();

  await page.getByLabel("Title", { exact: true }).fill(COURSE);
  await page.getByLabel("Subtitle").fill("Ask the way, buy a ticket and catch the right train.");
  await page
    .getByLabel("Description")
    .fill("Short, practical Spanish for getting around a city by foot, bus and train.");
  await page.getByLabel("Category").fill("Languages");
  await page.getByLabel("Level").selectOption("beginner");
  await page.getByLabel("Tags", { exact: true }).fill("spanish");
  await page.getByLabel("Tags", { exact: true }).press("Enter");
  await page.getByLabel("Tags", { exact: true }).fill("travel,");
  await expect(page.getByRole("button", { name: "Remove tag travel" })).toBeVisible();
  await shoot(page, "studio-02-new-course");
  await expectAccessible(page, "studio: new course");
  await page.getByRole("button", { name: "Create course" }).click();

  await expect(page).toHaveURL(/\/studio\/courses\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  courseEditorUrl = new URL(page.url()).pathname;
});

test("publishing waits for a first lesson, then the outline is built and reordered", async () => {
  await page.getByRole("button", { name: "Publish course" }).click();
  await expect(page.getByText(/Add at least one lesson before publishing/)).toBeVisible();

  for (const title of [MODULE_1, MODULE_2]) {
    await page.getByLabel("New module title").fill(title);
    await page.getByRole("button", { name: "Add module" }).click();
    await expect(page.getByRole("heading", { level: 3, name: new RegExp(title) })).toBeVisible();
  }

  const addLesson = async (module: string, title: string, kind: "Video" | "Text") => {
    await page.getByRole("button", { name: `Add a lesson to ${module}` }).click();
    await page.getByLabel(`New lesson title in ${module}`).fill(title);
    await page.getByLabel("Lesson type").selectOption({ label: kind });
    await page.getByRole("button", { name: "Add lesson" }).click();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  };
  await addLesson(MODULE_1, TEXT_LESSON, "Text");
  await addLesson(MODULE_1, VIDEO_LESSON, "Video");

  const firstModule = page.getByRole("list", { name: `Lessons of module ${MODULE_1}` });
  const titles = () => firstModule.getByRole("link").allTextContents();
  expect(await titles()).toEqual([TEXT_LESSON, VIDEO_LESSON]);

  // Keyboard drag-and-drop: Space picks the lesson up, an arrow moves it, Space drops it; the order is saved.
  const saved = page.waitForResponse((r) => r.url().includes("/lessons/reorder") && r.request().method() === "POST");
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole("button", { name: `Drag lesson ${VIDEO_LESSON}` }).focus();
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(`lesson ${VIDEO_LESSON}`);
  // dnd-kit measures where the items are in the frames after a pick-up; a person is never faster than that, but a
  // test on a busy machine can be, and the arrow then finds no other place to go. Position 1 is the top, so
  // pressing again can't overshoot.
  await expect(async () => {
    await page.keyboard.press("ArrowUp");
    await expect(announcer).toContainText(`would move to position 1 of 2 in module ${MODULE_1}`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(`Dropped lesson ${VIDEO_LESSON} at position 1 of 2`);
  expect((await saved).ok()).toBe(true);
  await expect.poll(titles).toEqual([VIDEO_LESSON, TEXT_LESSON]);

  // The visible buttons do the same, across modules too: the text lesson steps down into the next module.
  const moved = page.waitForResponse((r) => r.url().includes("/api/v1/lessons/") && r.request().method() === "PUT");
  await page.getByRole("button", { name: `Move lesson ${TEXT_LESSON} down` }).click();
  expect((await moved).ok()).toBe(true);
  await expect(page.getByRole("list", { name: `Lessons of module ${MODULE_2}` }).getByRole("link")).toHaveText([
    TEXT_LESSON,
  ]);
  await expect(page.getByRole("button", { name: `Move lesson ${TEXT_LESSON} up` })).toBeFocused();

  // Leaving with unsaved details asks first.
  await page.getByLabel("Subtitle").fill("Ask the way, buy a ticket, catch the train.");
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "My courses" }).click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(new RegExp(`${courseEditorUrl}$`));
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();

  await shoot(page, "studio-03-course-editor");
  await expectAccessible(page, "studio: course editor");
});

test("the video lesson gets its text, an uploaded video and a WebVTT transcript", async () => {
  await page.getByRole("link", { name: VIDEO_LESSON }).click();
  await expect(page.getByRole("heading", { level: 1, name: VIDEO_LESSON })).toBeVisible();

  await page
    .getByLabel("Lesson text (Markdown)")
    .fill(
      "## Key phrases\n\n- **¿Dónde está la estación?** Where is the station?\n- **a la derecha** to the right\n- **todo recto** straight ahead",
    );
  await expect(
    page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "Key phrases" }),
  ).toBeVisible();

  await page.getByLabel("Upload a video").setInputFiles(VIDEO);
  await expect(page.getByText(/Uploaded spanish-directions-transport\.webm/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Video preview")).toBeVisible();
  await expect.poll(() => page.getByLabel("Length (seconds)").inputValue(), { timeout: 15_000 }).not.toBe("0");

  await page.getByLabel("Upload a transcript (.vtt)").setInputFiles(TRANSCRIPT);
  await expect(page.getByText(/\d+ cues, ending at \d+:\d\d/)).toBeVisible();

  await page.getByRole("button", { name: "Save lesson" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible({ timeout: 20_000 });
  await shoot(page, "studio-04-lesson-editor");
  await expectAccessible(page, "studio: lesson editor");
});

test("a quiz is generated with AI, reviewed, edited and saved", async () => {
  await page.getByLabel("Questions", { exact: true }).selectOption("3");
  await page.getByRole("button", { name: "Generate questions" }).click();
  const review = page.getByRole("form", { name: "Review the generated questions" });
  await expect(review).toBeVisible({ timeout: 30_000 });
  const suggested = review.getByRole("group", { name: /^Suggested question/ });
  const count = await suggested.count();
  expect(count).toBeGreaterThan(0);

  // The reviewer rewrites the first question and discards the last one (when there is more than one).
  await review.getByLabel("Question", { exact: true }).first().fill("Which phrase asks where the station is?");
  let kept = count;
  if (count > 1) {
    await review.getByRole("button", { name: `Discard: suggested question ${count}` }).click();
    kept -= 1;
  }
  await shoot(page, "studio-05-ai-review");
  await review.getByRole("button", { name: /to the quiz$/ }).click();

  const quiz = page.getByRole("region", { name: "Quiz", exact: true });
  await expect(quiz.getByRole("group", { name: /^Question \d+$/ })).toHaveCount(kept);
  await expect(quiz.getByLabel("Question", { exact: true }).first()).toHaveValue(
    "Which phrase asks where the station is?",
  );
  await quiz.getByRole("button", { name: "Save quiz" }).click();
  await expect(quiz.getByText(`Saved with ${kept} question${kept === 1 ? "" : "s"}`)).toBeVisible({ timeout: 20_000 });
  await shoot(page, "studio-06-quiz");
});

test("the creator publishes the course", async () => {
  await page.getByRole("link", { name: "Back to the outline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  await page.getByRole("button", { name: "Publish course" }).click();
  await expect(page.getByText("Published. The course is in the catalog now.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Unpublish (back to draft)" })).toBeVisible();
  await shoot(page, "studio-07-published");

  await page.goto("/studio");
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: COURSE, exact: true }) });
  await expect(row.getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(row.getByText("2 lessons")).toBeVisible();
});

test("the studio fits a phone-sized screen", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/studio");
  await expect(page.getByRole("link", { name: COURSE, exact: true })).toBeVisible({ timeout: 20_000 });
  expect(await noSideScroll(page)).toBe(true);
  await shoot(page, "studio-08-phone-my-courses");
  await page.goto(courseEditorUrl);
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible({ timeout: 20_000 });
  expect(await noSideScroll(page)).toBe(true);
  await shoot(page, "studio-09-phone-course-editor");
  await page.getByRole("link", { name: VIDEO_LESSON }).click();
  await expect(page.getByRole("heading", { level: 1, name: VIDEO_LESSON })).toBeVisible({ timeout: 20_000 });
  expect(await noSideScroll(page)).toBe(true);
  await shoot(page, "studio-10-phone-lesson-editor");
});

test("a learner finds the new course, enrolls and watches the uploaded video with seeking", async ({ browser }) => {
  const learner = await signIn(browser, "maya@lumen.dev", "lumen-student-demo", "/dashboard");
  await learner.goto(`/courses?q=${encodeURIComponent(COURSE)}`);
  await learner
    .getByRole("link", { name: new RegExp(COURSE) })
    .first()
    .click();
  await expect(learner.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  await learner.getByRole("button", { name: /enroll/i }).click();
  await expect(learner).toHaveURL(/\/learn\/[0-9a-f-]{36}\/[0-9a-f-]{36}/, { timeout: 20_000 });
  await expect(learner.getByRole("heading", { level: 1, name: VIDEO_LESSON })).toBeVisible();

  const video = learner.locator("video");
  await expect(video).toHaveCount(1);
  await expect
    .poll(() => learner.evaluate(() => document.querySelector("video")?.currentSrc ?? ""))
    .toContain("/api/v1/media/");
  await expect.poll(() => learner.evaluate(() => document.querySelector("video")?.readyState ?? 0)).toBeGreaterThan(0);
  const duration = await learner.evaluate(() => (document.querySelector("video") as HTMLVideoElement).duration);
  expect(duration).toBeGreaterThan(60);

  // Seeking far into the file needs the server to answer Range requests; then it plays on from there.
  const target = Math.floor(duration * 0.6);
  await learner.evaluate(async (t) => {
    const v = document.querySelector("video") as HTMLVideoElement;
    v.currentTime = t;
    await v.play();
  }, target);
  await expect
    .poll(() => learner.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(target + 0.5);
  const at = await learner.evaluate(() => (document.querySelector("video") as HTMLVideoElement).currentTime);
  expect(at).toBeLessThan(target + 15);
  await learner.evaluate(() => (document.querySelector("video") as HTMLVideoElement).pause());
  await shoot(learner, "studio-11-learner-plays-upload");
  await learner.close();
});
