import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support";

// A learner is enrolled in one of the demo creator's courses; the creator adds a lesson in the studio; the learner's
// bell counts it, lists it, and leads to the new lesson. Against the real API (in-process job runner) and build.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const LEARNER = { email: `bell-${stamp}@example.com`, password: "correct horse battery staple", name: "Bea Bell" };
const LESSON = `Fresh notes ${stamp}`;

let course: { id: string; title: string; module: string };
let learnerPage: Page;
let creatorPage: Page;

type Envelope<T> = { success: boolean; data: T };
async function apiCall<T>(
  request: APIRequestContext,
  method: "GET" | "POST",
  url: string,
  opts: { token?: string; data?: object } = {},
): Promise<T> {
  const res = await request.fetch(`/api/v1${url}`, {
    method,
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    ...(opts.data ? { data: opts.data } : {}),
  });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as Envelope<T>).data;
}

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

test.beforeAll(async ({ request, browser }) => {
  // The learner and their enrollment are set up through the API: the journey under test is what follows.
  type Auth = { access_token: string; user: { id: string } };
  const ada = await apiCall<Auth>(request, "POST", "/auth/login", {
    data: { email: "ada@lumen.dev", password: "lumen-creator-demo" },
  });
  const list = await apiCall<{ items: Array<{ id: string; title: string }> }>(
    request,
    "GET",
    `/courses?creator_id=${ada.user.id}&is_free=true&limit=1`,
  );
  const first = list.items[0];
  if (!first) throw new Error("the demo creator has no free course");
  const detail = await apiCall<{ modules: Array<{ title: string }> }>(request, "GET", `/courses/${first.id}`);
  course = { id: first.id, title: first.title, module: detail.modules[0]?.title ?? "" };

  const learner = await apiCall<Auth>(request, "POST", "/auth/register", {
    data: { email: LEARNER.email, password: LEARNER.password, full_name: LEARNER.name },
  });
  await apiCall(request, "POST", `/courses/${course.id}/enroll`, { token: learner.access_token });

  learnerPage = await signIn(browser, LEARNER.email, LEARNER.password, "/dashboard");
  creatorPage = await signIn(browser, "ada@lumen.dev", "lumen-creator-demo", "/studio");
});

test.afterAll(async () => {
  await learnerPage?.close();
  await creatorPage?.close();
});

test("the learner's bell starts with nothing unread", async () => {
  await expect(learnerPage.getByRole("button", { name: "Notifications, none unread" })).toBeVisible({
    timeout: 20_000,
  });
});

test("the creator adds a lesson to the course in the studio", async () => {
  await creatorPage.goto(`/studio/courses/${course.id}`);
  await creatorPage.getByRole("button", { name: `Add a lesson to ${course.module}` }).click();
  await creatorPage.getByLabel(`New lesson title in ${course.module}`).fill(LESSON);
  await creatorPage.getByLabel("Lesson type").selectOption({ label: "Text" });
  const created = creatorPage.waitForResponse(
    (r) => /\/api\/v1\/modules\/[^/]+\/lessons$/.test(r.url()) && r.request().method() === "POST",
  );
  await creatorPage.getByRole("button", { name: "Add lesson" }).click();
  expect((await created).status()).toBe(201);
  await expect(creatorPage.getByRole("link", { name: LESSON })).toBeVisible({ timeout: 20_000 });
});

test("the learner's bell counts the new lesson, lists it and leads to it", async () => {
  // Two page loads and a background job on a busy machine: more than the default minute.
  test.setTimeout(120_000);
  const bell = learnerPage.getByRole("button", { name: "Notifications, 1 unread" });
  const answered = learnerPage.getByRole("button", { name: /^Notifications, / });
  // The fan-out runs as a job after the creator's request: load the page again until the bell's answer has it.
  await expect(async () => {
    await learnerPage.reload();
    await expect(answered).toBeVisible({ timeout: 20_000 });
    await expect(bell).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  await bell.click();
  const panel = learnerPage.getByRole("region", { name: "Notifications" });
  const item = panel.getByRole("link", { name: new RegExp(`New lesson in ${course.title}`) });
  await expect(item).toContainText(LESSON);
  await expectAccessible(learnerPage, "notifications: the bell's list");

  await item.click();
  await expect(learnerPage).toHaveURL(new RegExp(`/learn/${course.id}/[0-9a-f-]{36}$`), { timeout: 20_000 });
  await expect(learnerPage.getByRole("heading", { name: LESSON }).first()).toBeVisible({ timeout: 20_000 });
  await expect(learnerPage.getByRole("button", { name: "Notifications, none unread" })).toBeVisible();
});
