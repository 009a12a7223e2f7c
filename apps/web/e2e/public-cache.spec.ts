import { expect, test } from "@playwright/test";
import { signedInPage } from "./support";

// The landing page, the catalog and course pages are served from Next's cache; a creator's edit reaches them
// through the API's revalidation call (apps/api/src/lib/web-revalidation.ts → /api/revalidate).
const ADA = { email: "ada@lumen.dev", password: "lumen-creator-demo" };

test("a creator's new course title reaches the cached course page, catalog and landing page", async ({
  browser,
  request,
}) => {
  const login = await request.post("/api/v1/auth/login", { data: ADA });
  const { user, access_token: token } = (await login.json()).data as { user: { id: string }; access_token: string };
  const mine = await request.get(`/api/v1/courses?creator_id=${user.id}&limit=1`);
  const course = (await mine.json()).data.items[0] as { id: string; title: string };
  const renamed = `${course.title} (second edition)`;

  const guest = await browser.newPage();
  try {
    // Cached: the second load is a hit.
    await guest.goto(`/courses/${course.id}`);
    const again = await guest.goto(`/courses/${course.id}`);
    expect(again?.headers()["x-nextjs-cache"]).toBe("HIT");
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText(course.title);

    const creator = await signedInPage(browser, ADA);
    await creator.goto(`/studio/courses/${course.id}`);
    await creator.getByLabel("Title", { exact: true }).fill(renamed);
    const saved = creator.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/courses/${course.id}`) && r.request().method() === "PUT",
    );
    await creator.getByRole("button", { name: "Save details" }).click();
    expect((await saved).status()).toBe(200);
    await creator.context().close();

    for (const path of [`/courses/${course.id}`, "/courses", "/"]) {
      await expect(async () => {
        await guest.goto(path);
        await expect(guest.getByText(renamed).first()).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
    }
  } finally {
    await guest.close();
    // Other journeys look for the demo titles.
    await request.put(`/api/v1/courses/${course.id}`, {
      headers: { authorization: `Bearer ${token}` },
      data: { title: course.title },
    });
  }
});
