import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot, signedInPage } from "./support";

// A learner finishes a short course (made for this run through the API by the demo creator), finds the certificate
// on the course page and the dashboard, opens its public verification page and downloads the PDF.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const learner = { email: `cert-${suffix}@example.com`, password: "finish-every-lesson-9", full_name: "Cora Certified" };
const TITLE = `Certificate Sprint ${suffix}`;

let page: Page;
let courseId = "";
let code = "";

async function apiCall<T>(
  request: APIRequestContext,
  method: "POST" | "PUT",
  url: string,
  token: string,
  data: unknown,
): Promise<T> {
  const res = await request.fetch(`/api/v1${url}`, { method, data, headers: { authorization: `Bearer ${token}` } });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()).data as T;
}

test.afterAll(async () => {
  await page?.context().close();
});

test("the demo creator publishes a one-lesson course with a quiz, and a learner registers", async ({ request }) => {
  const login = await request.post("/api/v1/auth/login", {
    data: { email: "ada@lumen.dev", password: "lumen-creator-demo" },
  });
  expect(login.status(), await login.text()).toBe(200);
  const token = (await login.json()).data.access_token as string;
  const course = await apiCall<{ id: string }>(request, "POST", "/courses", token, {
    title: TITLE,
    category: "Science",
    level: "beginner",
    pricing: { is_free: true, price: 0 },
  });
  courseId = course.id;
  const mod = await apiCall<{ id: string }>(request, "POST", `/courses/${courseId}/modules`, token, {
    title: "All of it",
  });
  const lesson = await apiCall<{ id: string }>(request, "POST", `/modules/${mod.id}/lessons`, token, {
    title: "Why certificates matter",
    kind: "text",
    content_md: "# Why certificates matter\n\nThey show what you finished.",
    duration_seconds: 60,
  });
  await apiCall(request, "PUT", `/lessons/${lesson.id}/quiz`, token, {
    pass_mark: 100,
    questions: [
      {
        type: "true_false",
        question: "Finishing a course earns a certificate.",
        correct: true,
        explanation: "Every lesson done, every quiz passed.",
      },
    ],
  });
  await apiCall(request, "PUT", `/courses/${courseId}`, token, { status: "published" });

  const registered = await request.post("/api/v1/auth/register", { data: learner });
  expect(registered.status(), await registered.text()).toBe(201);
});

test("the learner completes the lesson and passes its quiz", async ({ browser }) => {
  page = await signedInPage(browser, learner);

  await page.goto(`/courses/${courseId}`);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole("button", { name: /enroll/i }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${courseId}/[0-9a-f-]{36}`), { timeout: 20_000 });

  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  await page.getByRole("radio", { name: "True" }).check();
  const scored = page.waitForResponse((r) => r.url().includes("/quiz/attempts") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Submit answers" }).click();
  expect((await scored).status()).toBe(201);
  await expect(page.getByText("Correct", { exact: true })).toBeVisible();
});

test("the course page and the dashboard point to the certificate", async () => {
  await page.goto(`/courses/${courseId}`);
  const view = page.getByRole("link", { name: "view your certificate" });
  await expect(view).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("You earned a certificate")).toBeVisible();
  await expectAccessible(page, "course page with a certificate");

  await page.goto("/dashboard");
  const section = page.getByRole("region", { name: "Certificates" });
  const entry = section.getByRole("link", { name: new RegExp(TITLE) });
  await expect(entry).toBeVisible({ timeout: 20_000 });
  const href = (await entry.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/certificates\/[A-Z2-7]{16}$/);
  code = href.split("/").pop() ?? "";
  await expectAccessible(page, "dashboard with a certificate");
});

test("anyone can verify it on its public page, share it and download the PDF", async ({ browser }) => {
  // A visitor who isn't signed in: the page is public.
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const res = await visitor.goto(`/certificates/${code}`);
  expect(res?.status()).toBe(200);
  const card = visitor.getByRole("article", { name: "Certificate of completion" });
  await expect(card).toContainText("Valid certificate");
  await expect(card).toContainText(learner.full_name);
  await expect(card).toContainText(TITLE);
  await expect(card).toContainText("Ada");
  await expect(card).toContainText(code);
  await expect(card).not.toContainText(learner.email);
  await shoot(visitor, "certificate-public");
  await expectAccessible(visitor, "certificate page");

  const share = new URL((await card.getByRole("link", { name: /Share on LinkedIn/ }).getAttribute("href")) ?? "");
  expect(share.origin + share.pathname).toBe("https://www.linkedin.com/profile/add");
  expect(share.searchParams.get("certId")).toBe(code);
  expect(share.searchParams.get("name")).toBe(TITLE);
  expect(share.searchParams.get("certUrl")).toMatch(new RegExp(`/certificates/${code}$`));

  const downloading = visitor.waitForEvent("download");
  await card.getByRole("link", { name: "Download PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Lumen-certificate-${code}.pdf`);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await visitor.context().close();
});

test("an unknown certificate code is a real 404 page", async ({ request }) => {
  const res = await request.get("/certificates/AAAAAAAAAAAAAAAA");
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain("We couldn't find that page");
});
