import { expect, type Page, test } from "@playwright/test";

// The catalog's first view is a cached page; every other view renders per request. Moving between them in the
// browser (no reload) must show the view the URL names: the client router once reused the cached first view for
// any query string, so filters changed the URL and nothing else.
const shown = async (page: Page) => {
  const text =
    (await page
      .getByText(/^Showing \d+ courses?/)
      .first()
      .textContent()) ?? "";
  return Number(/Showing (\d+)/.exec(text)?.[1]);
};
const titles = (page: Page) => page.locator("main h3").allInnerTexts();

test("filters, search, sort and Back change the results without a reload", async ({ page }) => {
  await page.goto("/courses");
  const all = await shown(page);
  expect(all).toBeGreaterThan(3);
  // A marker on the window survives client-side navigation only: a reload would wipe it.
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });

  await page.getByRole("radio", { name: "Programming" }).click();
  await expect(page).toHaveURL(/category=Programming$/);
  await expect.poll(() => shown(page)).toBeLessThan(all);
  const programming = await shown(page);
  await expect(page.getByRole("radio", { name: "Programming" })).toBeChecked();

  // A second filter adds to the first instead of replacing it.
  await page.getByRole("radio", { name: "Free" }).click();
  await expect(page).toHaveURL(/category=Programming&price=free/);
  await expect.poll(() => shown(page)).toBeLessThanOrEqual(programming);

  const search = page.getByRole("combobox", { name: /search/i });
  await search.fill("python");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=python/);
  await expect.poll(() => titles(page)).toContain("Python for Absolute Beginners");
  for (const title of await titles(page)) expect(title.toLowerCase()).toContain("python");

  await page.goBack();
  await expect(page).toHaveURL(/category=Programming&price=free$/);
  await expect.poll(() => shown(page)).toBeLessThanOrEqual(programming);

  await page.getByRole("radio", { name: "All categories" }).click();
  await page.getByRole("radio", { name: "Any price" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await expect.poll(() => shown(page)).toBe(all);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // The public address of a view still works when typed or shared.
  await page.goto("/courses?category=Programming");
  expect(await shown(page)).toBe(programming);
});
