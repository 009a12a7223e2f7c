import { expect, type Page, test } from "@playwright/test";
import { enrolledInDemoLesson, expectAccessible, signedInPage } from "./support";

// The confusion nudge in the learning room: a learner who rewinds onto the same stretch twice is offered an
// explanation, and "Ask the tutor" fills the tutor's question with that stretch. Real API, production build.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const learner = { email: `rewind-${suffix}@example.com`, password: "play-it-again-sam-9", full_name: "Rae Rewind" };
const COURSE_TITLE = "Photosynthesis Essentials";
const LESSON_TITLE = "The light-dependent reactions";

let page: Page;
let roomUrl = "";

/** Seeks the paused video to `seconds` and waits until the seek has landed (the player sees each seek). */
async function seekTo(seconds: number) {
  await page.evaluate(async (to) => {
    const v = document.querySelector("video") as HTMLVideoElement;
    v.pause();
    const landed = new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    v.currentTime = to;
    await landed;
  }, seconds);
}

test.beforeAll(async ({ browser, request }) => {
  ({ roomUrl } = await enrolledInDemoLesson(request, learner, COURSE_TITLE, LESSON_TITLE));
  page = await signedInPage(browser, learner);
});

test.afterAll(async () => {
  await page?.context().close();
});

test("rewinding onto the same stretch twice offers an explanation that the tutor receives", async () => {
  await page.goto(roomUrl);
  await expect(page.getByRole("heading", { level: 1, name: LESSON_TITLE })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0)).toBeGreaterThan(0);
  await expect(page.getByLabel("Ask the tutor about this lesson")).toBeVisible({ timeout: 20_000 });
  const offer = page.getByText("Want this part explained?");

  // First rewind: from 40 s back to 20 s. One rewind is not confusion.
  await seekTo(40);
  await seekTo(20);
  await expect(offer).toHaveCount(0);
  // Repeated presses of "back 10 s" within 1.5 s count as one rewind: the second one comes later than that.
  await page.waitForTimeout(1_800);
  await seekTo(40);
  await seekTo(22);

  await expect(offer).toBeVisible();
  await expectAccessible(page, "learning room: the confusion nudge");
  await page.getByRole("button", { name: "Ask the tutor" }).click();
  await expect(page.getByLabel("Ask the tutor about this lesson")).toHaveValue(/^I rewound \d+:\d\d–\d+:\d\d twice\./);
  await expect(offer).toHaveCount(0);
});
