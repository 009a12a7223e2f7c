import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { enrolledInDemoLesson, expectAccessible, shoot, signedInPage } from "./support";

// Notes, bookmarks and transcript search in the learning room, against the real API and the production build.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const learner = { email: `notes-${suffix}@example.com`, password: "margins-full-of-notes-9", full_name: "Nora Notes" };
const COURSE_TITLE = "Photosynthesis Essentials";
const LESSON_TITLE = "The light-dependent reactions";

let page: Page;
let roomUrl = "";
let courseId = "";

const videoTime = () => page.evaluate(() => document.querySelector("video")?.currentTime ?? -1);
/** Puts the video at `seconds`, paused, and waits until it is there. */
async function parkVideo(seconds: number) {
  await page.evaluate(async (to) => {
    const v = document.querySelector("video") as HTMLVideoElement;
    v.pause();
    v.currentTime = to;
    await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
  }, seconds);
}

test.beforeAll(async ({ browser, request }) => {
  ({ courseId, roomUrl } = await enrolledInDemoLesson(request, learner, COURSE_TITLE, LESSON_TITLE));
  page = await signedInPage(browser, learner, { acceptDownloads: true });
});

test.afterAll(async () => {
  await page?.context().close();
});

test("the learner takes a note at a moment of the video with N and sees it listed", async () => {
  await page.goto(roomUrl);
  // The room loads once the session is restored from its cookie; this shared machine can be slow.
  await expect(page.getByRole("heading", { level: 1, name: LESSON_TITLE })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0)).toBeGreaterThan(0);
  const notes = page.getByRole("region", { name: "Notes & bookmarks" });
  await expect(notes.getByText(/No notes yet/)).toBeVisible({ timeout: 20_000 });

  await parkVideo(20.4);
  await page.keyboard.press("n");
  const box = page.getByLabel("Note at 0:20");
  await expect(box).toBeFocused();
  await box.fill("Photosystem II splits water here");
  await notes.getByRole("button", { name: "Save note" }).click();
  await expect(notes.getByText("Photosystem II splits water here")).toBeVisible();
  await expect(notes.getByRole("button", { name: "Play from 0:20" })).toBeVisible();

  await parkVideo(95);
  await page.keyboard.press("b");
  await expect(notes.getByRole("button", { name: "Play from 1:35" })).toBeVisible();
  await shoot(page, "notes-room");
  await expectAccessible(page, "learning room with notes");
});

test("a note jumps the video back to its moment", async () => {
  await parkVideo(150);
  await page.getByRole("button", { name: "Play from 0:20" }).click();
  await expect.poll(videoTime).toBeGreaterThanOrEqual(20);
  expect(await videoTime()).toBeLessThan(30);
});

test("the learner searches the transcript: n of m, Enter plays from the next match", async () => {
  await parkVideo(200);
  const search = page.getByRole("searchbox", { name: "Search the transcript" });
  await search.fill("stroma");
  const count = page.getByRole("region", { name: "Transcript" }).getByRole("status");
  await expect(count).toContainText("1 of 5");
  await expect(page.locator("mark", { hasText: /stroma/i }).first()).toBeVisible();
  await search.press("Enter");
  await expect.poll(videoTime).toBeGreaterThanOrEqual(23.8);
  expect(await videoTime()).toBeLessThan(40);
  await search.press("Enter");
  await expect(count).toContainText("2 of 5");
  await expect.poll(videoTime).toBeGreaterThanOrEqual(128.3);
  await search.press("Shift+Enter");
  await expect(count).toContainText("1 of 5");
  await expect(search).toBeFocused();
});

test("on a phone the notes and the search are large enough to touch", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const notes = page.getByRole("region", { name: "Notes & bookmarks" });
  const targets = [
    notes.getByRole("button", { name: /^Add note/ }),
    notes.getByRole("button", { name: /^Bookmark/ }),
    notes.getByRole("button", { name: "Play from 0:20" }),
    notes.getByRole("button", { name: "Edit note at 0:20" }),
    notes.getByRole("button", { name: "Delete note at 0:20" }),
    notes.getByRole("searchbox", { name: "Search your notes" }),
    page.getByRole("searchbox", { name: "Search the transcript" }),
  ];
  for (const target of targets) {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    expect(box?.height ?? 0, String(target)).toBeGreaterThanOrEqual(44);
    expect(box?.width ?? 0, String(target)).toBeGreaterThanOrEqual(44);
  }
  await shoot(page, "notes-room-phone");
  await expectAccessible(page, "learning room with notes on a phone");
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("the course's notes page lists them, downloads Markdown and opens a note at its second", async () => {
  await page.getByRole("link", { name: "All notes" }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${courseId}/notes$`));
  await expect(page.getByRole("heading", { level: 1, name: "Notes & bookmarks" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Photosystem II splits water here")).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, "course notes page");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .md" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("photosynthesis-essentials-notes.md");
  const markdown = readFileSync((await download.path()) as string, "utf8");
  expect(markdown).toContain(`# ${COURSE_TITLE}`);
  expect(markdown).toContain(`## ${LESSON_TITLE}`);
  expect(markdown).toMatch(/- \[00:20\]\(http:\/\/localhost:\d+\/learn\/[0-9a-f-]+\/[0-9a-f-]+\?t=20\) Photosystem II/);

  await page.getByRole("button", { name: `Open at 0:20: ${LESSON_TITLE}` }).click();
  await expect(page).toHaveURL(/\?t=20$/);
  await expect.poll(videoTime, { timeout: 20_000 }).toBeGreaterThanOrEqual(19.9);
  expect(await videoTime()).toBeLessThan(30);
});
