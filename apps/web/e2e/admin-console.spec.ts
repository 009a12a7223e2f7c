import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, shoot } from "./support";

// An admin's round through the console against the real API and the production build. The API is shared with
// the other specs of the run, so this one works on an account of its own and never counts global totals.
test.describe.configure({ mode: "serial" });

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const student = {
  email: `admin-spec-${suffix}@example.com`,
  password: "promote-me-to-creator-7",
  full_name: `Promotable ${suffix}`,
};

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

test.afterAll(async () => {
  await page.close();
});

test("a fresh student registers through the API, enrolls and asks the tutor", async ({ request }) => {
  // Its own request context (not the page's), so the student's refresh cookie never lands in the admin's browser.
  const response = await request.post("/api/v1/auth/register", { data: student });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { data: { user: { role: string }; access_token: string } };
  expect(body.data.user.role).toBe("student");
  const headers = { authorization: `Bearer ${body.data.access_token}` };

  // Some activity of its own today, so the overview's charts have something of this run to draw.
  const catalog = await request.get("/api/v1/courses?is_free=true&limit=1");
  const course = ((await catalog.json()) as { data: { items: Array<{ id: string }> } }).data.items[0];
  expect(course, "a free demo course").toBeTruthy();
  const enroll = await request.post(`/api/v1/courses/${course?.id}/enroll`, { headers, data: {} });
  expect(enroll.status(), await enroll.text()).toBe(201);
  const chat = await request.post("/api/v1/ai/chat", {
    headers,
    data: { message: "What is this course about?", course_id: course?.id },
  });
  expect(chat.status(), await chat.text()).toBe(200);
});

test("the admin logs in and promotes the student to creator", async () => {
  await page.goto(`/login?next=${encodeURIComponent("/admin/users")}`);
  await page.getByLabel("Email").fill("admin@lumen.dev");
  await page.getByLabel("Password", { exact: true }).fill("lumen-admin-demo");
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page).toHaveTitle("Users · Admin · Lumen");
  const nav = page.getByRole("navigation", { name: "Admin console" });
  await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("list", { name: "Users" })).toBeVisible();
  await shoot(page, "admin-users");
  await expectAccessible(page, "admin users");

  await page.getByRole("searchbox", { name: "Search users" }).fill(student.email);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(student.email).replace(/\./g, "\\.")}`));
  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: student.full_name }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Email not verified")).toBeVisible();

  await row.getByRole("combobox", { name: `Role of ${student.full_name}` }).selectOption("creator");
  const dialog = page.getByRole("dialog", { name: `Make ${student.full_name} a creator?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await shoot(page, "admin-users-role-dialog");
  await dialog.getByRole("button", { name: "Make creator" }).click();

  await expect(page.getByRole("status").filter({ hasText: `${student.full_name} is now a creator.` })).toBeVisible();
  await expect(row.getByRole("combobox", { name: `Role of ${student.full_name}` })).toHaveValue("creator");
  // What the page shows is what the API stored.
  await page.reload();
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: student.full_name }) })
      .getByRole("combobox", { name: `Role of ${student.full_name}` }),
  ).toHaveValue("creator");
  await shoot(page, "admin-users-promoted");
});

test("the users page works on a phone-sized screen", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/users");
  await expect(page.getByRole("list", { name: "Users" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
  await shoot(page, "admin-users-phone");
  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, "admin-users-phone-dark");
  await expectAccessible(page, "admin users (phone, dark)");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("the security events show the role change, by whom, for that user", async () => {
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Security events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security events" })).toBeVisible();
  await expect(page).toHaveTitle("Security events · Admin · Lumen");

  await page.getByRole("combobox", { name: "Event" }).selectOption("role_changed");
  await page.getByRole("textbox", { name: "Account email" }).fill(student.email);
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/type=role_changed/);

  const event = page.getByRole("article", { name: `Role changed: ${student.email}` });
  await expect(event).toHaveCount(1);
  await expect(event.getByText("Role changed from student to creator by admin@lumen.dev.")).toBeVisible();
  await shoot(page, "admin-security-events");
  await expectAccessible(page, "admin security events");

  // A range that ends before it starts is named, not sent.
  await page.getByLabel("From (UTC day)").fill("2026-03-10");
  await page.getByLabel("To (UTC day)").fill("2026-03-01");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page.getByText("The last day can't be before the first day.")).toBeVisible();
});

test("the overview shows the KPIs over time, with a table for each chart", async () => {
  // Charts draw at once when motion is reduced (and the screenshots show them whole).
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page).toHaveTitle("Overview · Admin · Lumen");
  await expect(page.getByRole("figure", { name: "Enrollments" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "AI requests" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Enrollments" }).locator("svg.recharts-surface")).toBeVisible();
  // Other specs share the API, so only "at least this run's own activity" is certain.
  const figure = async (label: string) => {
    const tile = page.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) });
    return Number((await tile.locator("dd").first().textContent())?.replace(/[^0-9]/g, ""));
  };
  expect(await figure("New enrollments")).toBeGreaterThanOrEqual(1);
  expect(await figure("Answered requests")).toBeGreaterThanOrEqual(1);

  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\/admin\?days=7$/);
  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
  const table = page.getByRole("figure", { name: "Lesson completions" });
  await table.getByRole("button", { name: /Show table/ }).click();
  await expect(table.getByRole("table")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(8);
  await shoot(page, "admin-overview");
  await expectAccessible(page, "admin overview");

  await page.emulateMedia({ colorScheme: "dark" });
  await shoot(page, "admin-overview-dark");
  await page.emulateMedia({ colorScheme: "light" });
});

test("the courses page lists every course with its moderation, explained before anything changes", async () => {
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Courses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await expect(page).toHaveTitle("Courses · Admin · Lumen");
  const list = page.getByRole("list", { name: "Courses" });
  await expect(list).toBeVisible();
  await shoot(page, "admin-courses");
  await expectAccessible(page, "admin courses");

  await page.getByRole("combobox", { name: "Status" }).selectOption("published");
  await expect(page).toHaveURL(/status=published/);
  const first = list.getByRole("listitem").first();
  await first.getByRole("button", { name: /^Unpublish/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/It leaves the catalog/)).toBeVisible();
  await shoot(page, "admin-courses-dialog");
  // Shared demo data: look, but leave the course as it is.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
