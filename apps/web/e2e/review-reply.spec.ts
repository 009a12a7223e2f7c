import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support";

// The demo creator answers a demo learner's review from her course page; a guest then reads the answer under the
// review. Against the real API (its public cache included) and the production build.
test.describe.configure({ mode: "serial" });

const REPLY = `Thank you! The next update slows down the tricky parts (${Date.now().toString(36)}).`;

let target: { courseId: string; reviewer: string };
let creatorPage: Page;

type Envelope<T> = { success: boolean; data: T };
async function apiGet<T>(request: APIRequestContext, url: string, token?: string): Promise<T> {
  const res = await request.get(`/api/v1${url}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.ok(), `GET ${url}: ${res.status()}`).toBe(true);
  return ((await res.json()) as Envelope<T>).data;
}

test.beforeAll(async ({ request }) => {
  const login = await request.post("/api/v1/auth/login", {
    data: { email: "ada@lumen.dev", password: "lumen-creator-demo" },
  });
  const ada = ((await login.json()) as Envelope<{ user: { id: string } }>).data;
  const courses = await apiGet<{ items: Array<{ id: string }> }>(
    request,
    `/courses?creator_id=${ada.user.id}&limit=20`,
  );
  // The first of her courses whose newest review has no reply yet (the demo's learners reviewed them).
  for (const course of courses.items) {
    type Reviews = { items: Array<{ user: { full_name: string }; reply: unknown }> };
    const newest = (await apiGet<Reviews>(request, `/courses/${course.id}/reviews?limit=1`)).items[0];
    if (newest && newest.reply === null) {
      target = { courseId: course.id, reviewer: newest.user.full_name };
      break;
    }
  }
  if (!target) throw new Error("none of the demo creator's courses has a review to answer");
});

test.afterAll(async () => {
  await creatorPage?.close();
});

test("the creator replies to a review on her course page", async ({ browser }) => {
  creatorPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const next = `/courses/${target.courseId}`;
  await creatorPage.goto(`/login?next=${encodeURIComponent(next)}`);
  await creatorPage.getByLabel(/email/i).fill("ada@lumen.dev");
  await creatorPage
    .getByLabel(/^password/i)
    .first()
    .fill("lumen-creator-demo");
  await creatorPage.getByRole("button", { name: "Log in" }).click();
  await expect(creatorPage).toHaveURL(new RegExp(`${next}$`), { timeout: 20_000 });

  const reviews = creatorPage.getByRole("region", { name: "Reviews" });
  // The buttons appear once the page knows who is looking (the viewer's request after the page's HTML).
  const replyButton = reviews.getByRole("button", { name: `Reply to ${target.reviewer}'s review` }).first();
  await expect(replyButton).toBeVisible({ timeout: 20_000 });
  await replyButton.click();
  const field = reviews.getByRole("textbox", { name: `Reply to ${target.reviewer}` });
  await expect(field).toBeFocused();
  await field.fill(REPLY);
  const saved = creatorPage.waitForResponse(
    (r) => /\/reviews\/[0-9a-f-]{36}\/reply$/.test(r.url()) && r.request().method() === "PUT",
  );
  await reviews.getByRole("button", { name: "Post reply" }).click();
  expect((await saved).status()).toBe(200);

  await expect(reviews.getByText(REPLY)).toBeVisible();
  await expect(reviews.getByText(/^Response from Ada/).first()).toBeVisible();
  await expect(
    reviews.getByRole("button", { name: `Edit reply to ${target.reviewer}'s review` }).first(),
  ).toBeFocused();
  await expectAccessible(creatorPage, "course page: a review with the creator's reply");
});

test("a guest reads the reply under the review", async ({ browser }) => {
  const guest = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    const reviews = guest.getByRole("region", { name: "Reviews" });
    // The course page is served from Next's cache, regenerated once the API has told the web app about the reply
    // (coalesced over a second): a guest who came in just before sees it on the next load.
    await expect(async () => {
      await guest.goto(`/courses/${target.courseId}`);
      await expect(reviews.getByText(REPLY)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(reviews.getByRole("button", { name: /reply/i })).toHaveCount(0);
  } finally {
    await guest.close();
  }
});
