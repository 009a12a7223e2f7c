import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const SHOTS_DIR = path.resolve(here, "../test-results/screenshots");
mkdirSync(SHOTS_DIR, { recursive: true });

/** Saves a full-page screenshot of a main page (looked at by people after the run). */
export async function shoot(page: Page, name: string): Promise<void> {
  await settleAnimations(page);
  await settleCharts(page);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Waits until every chart has stopped drawing. recharts animates in JavaScript, frame by frame, so its bars and
 * lines are not in document.getAnimations(): a screenshot taken right after the data arrived caught them half
 * grown. The charts count as drawn once their SVG has not changed over three samples 100 ms apart.
 */
export async function settleCharts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __lumenCharts?: { markup: string; still: number } };
      const markup = Array.from(document.querySelectorAll("svg.recharts-surface"), (svg) => svg.innerHTML).join("\n");
      const last = w.__lumenCharts;
      w.__lumenCharts = { markup, still: last?.markup === markup ? last.still + 1 : 0 };
      return w.__lumenCharts.still >= 2;
    },
    undefined,
    { polling: 100, timeout: 10_000 },
  );
}

/**
 * Waits until entrance animations (fades, fills) have finished: axe measures colour contrast on what is painted,
 * and a card caught mid-fade is not what anyone reads. Endless ones (spinners, skeleton pulses) are ignored.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
}

/** Runs axe-core in the page and fails on serious or critical violations, naming them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settleAnimations(page);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes
            .map((n) => JSON.stringify(n.target))
            .slice(0, 3)
            .join(", ")})`,
      );
  });
  expect(violations, `axe on ${label}`).toEqual([]);
}

/** The newest mail to `to` in the API's outbox, and the first link in it carrying a token. */
export async function linkFromOutbox(to: string, pathPrefix: string): Promise<string> {
  const dir = path.join(process.env.LUMEN_E2E_DATA_DIR ?? "", "outbox");
  let found: string | null = null;
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
        } catch {
          return null;
        }
        const mails = files
          .map((f) => path.join(dir, f))
          .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
          .map((f) =>
            readFileSync(f, "utf8")
              .replace(/=\r?\n/g, "")
              .replace(/=3D/g, "="),
          );
        const mail = mails.find((m) => m.toLowerCase().includes(to.toLowerCase()) && m.includes(pathPrefix));
        const link = mail?.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix}\\?token=[A-Za-z0-9_-]+`))?.[0] ?? null;
        found = link;
        return link;
      },
      { timeout: 20_000, message: `a mail to ${to} with a ${pathPrefix} link` },
    )
    .not.toBeNull();
  return found as unknown as string;
}

/** A page in a fresh context (desktop size unless `options` say otherwise), signed in through the login form. */
export async function signedInPage(
  browser: Browser,
  who: { email: string; password: string },
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible({ timeout: 20_000 });
  return page;
}

/**
 * Registers `learner` through the API and enrolls them in the demo course titled `courseTitle`; returns the course
 * and the learning-room URL of its lesson titled `lessonTitle`.
 */
export async function enrolledInDemoLesson(
  request: APIRequestContext,
  learner: { email: string; password: string; full_name: string },
  courseTitle: string,
  lessonTitle: string,
): Promise<{ courseId: string; roomUrl: string }> {
  const registered = await request.post("/api/v1/auth/register", { data: learner });
  expect(registered.status(), await registered.text()).toBe(201);
  const headers = { authorization: `Bearer ${(await registered.json()).data.access_token}` };
  const found = await (await request.get(`/api/v1/courses?q=${encodeURIComponent(courseTitle)}&limit=5`)).json();
  const courseId: string = found.data.items.find((c: { title: string }) => c.title === courseTitle).id;
  const course = await (await request.get(`/api/v1/courses/${courseId}`)).json();
  const lessons = course.data.modules.flatMap((m: { lessons: Array<{ id: string; title: string }> }) => m.lessons);
  const lesson = lessons.find((l: { title: string }) => l.title === lessonTitle);
  expect((await request.post(`/api/v1/courses/${courseId}/enroll`, { headers })).status()).toBeLessThan(300);
  return { courseId, roomUrl: `/learn/${courseId}/${lesson.id}` };
}
