// The main learner journey in Firefox: catalog → course → learning room (the video plays, progress is saved and
// survives a reload) → the lesson quiz → a tutor question whose answer cites a moment of the video.
//
// Playwright can't drive stock Firefox, so this runs Debian's firefox-esr under puppeteer-core over WebDriver BiDi
// (puppeteer-core never downloads a browser). Start-up is the Playwright journeys': the built API on a fresh
// embedded database with the demo data, and the web app's production server, on E2E_API_PORT / E2E_WEB_PORT.
// Each step counts as one test; with VITEST_JSON_DIR set the counts go to web-firefox.json for CI's summary.
//
//   node e2e-firefox/learner.mjs        (after `npx turbo run build`)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, "..");
const apiDir = path.resolve(here, "../../api");
const apiPort = Number(process.env.E2E_API_PORT ?? 4000);
const webPort = Number(process.env.E2E_WEB_PORT ?? 3000);
const firefox = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const base = `http://localhost:${webPort}`;
const shotsDir = path.resolve(webDir, "test-results/screenshots-firefox");
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-e2e-firefox-"));
const COURSE_TITLE = "Photosynthesis Essentials";
const email = `firefox-${Date.now().toString(36)}@example.com`;
const password = "sunlight-and-water-42";

const children = [];
function start(command, args, cwd, env) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  return child;
}

async function waitForUrl(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls `check` (in Node) until it returns a truthy value; the value is returned. */
async function until(what, check, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// DOM look-ups by selector and visible name, run in the page (no CDP accessibility tree under BiDi). The name is
// the aria-label, else a form control's label, else the element's text.
async function find(page, selector, name, scope) {
  const handle = await page.evaluateHandle(
    (selector, source, flags, scope) => {
      const root = scope ? (document.querySelector(scope) ?? document) : document;
      const re = new RegExp(source, flags);
      const nameOf = (el) =>
        (el.getAttribute("aria-label") ?? (el.labels?.length ? el.labels[0].textContent : el.textContent) ?? "")
          .replace(/\s+/g, " ")
          .trim();
      return (
        [...root.querySelectorAll(selector)].find((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && re.test(nameOf(el));
        }) ?? null
      );
    },
    selector,
    name.source,
    name.flags,
    scope ?? null,
  );
  const el = handle.asElement();
  if (!el) {
    await handle.dispose();
    return null;
  }
  return el;
}

async function click(page, selector, name, scope) {
  const el = await until(`${selector} named ${name}`, () => find(page, selector, name, scope));
  await el.click();
  await el.dispose();
}

const text = (page) => page.evaluate(() => document.body.textContent ?? "");
const videoTime = (page) => page.evaluate(() => document.querySelector("video")?.currentTime ?? -1);

async function shoot(page, name) {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

const results = [];
let browser;
let page;
let courseUrl = "";

const steps = [
  [
    "a guest browses the catalog and opens a course",
    async () => {
      await page.goto(`${base}/courses`, { waitUntil: "load" });
      await until("the catalog's heading", () => find(page, "h1", /./));
      await click(page, "a", new RegExp(COURSE_TITLE));
      await until("the course page", () => find(page, "h1", new RegExp(`^${COURSE_TITLE}$`)));
      courseUrl = new URL(page.url()).pathname;
      if (!/^\/courses\/[0-9a-f-]{36}$/.test(courseUrl)) throw new Error(`unexpected course URL ${courseUrl}`);
      await shoot(page, "01-course");
    },
  ],
  [
    "the guest registers, signs in and enrolls",
    async () => {
      // The account is made through the public API (the web gateway), then used the way a person does: log in.
      const res = await fetch(`${base}/api/v1/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password, full_name: "Firefox Learner" }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      await page.goto(`${base}/login`, { waitUntil: "load" });
      const emailField = await until("the email field", () => page.$("input[type=email]"));
      await emailField.type(email);
      const passwordField = await page.$("input[type=password]");
      await passwordField.type(password);
      await click(page, "button", /^Log in$/);
      await until("the dashboard", () => new URL(page.url()).pathname === "/dashboard");
      await page.goto(`${base}${courseUrl}`, { waitUntil: "load" });
      await click(page, "button", /enroll/i);
      await until("the learning room", () => /\/learn\/[0-9a-f-]{36}\/[0-9a-f-]{36}/.test(page.url()), 30_000);
    },
  ],
  [
    "the video plays in the learning room and the saved position survives a reload",
    async () => {
      await until("the video's metadata", () =>
        page.evaluate(() => (document.querySelector("video")?.readyState ?? 0) > 0),
      );
      const saved = page.waitForResponse(
        (r) => r.url().includes("/progress") && r.request().method() === "PUT" && r.ok(),
        { timeout: 30_000 },
      );
      await page.evaluate(async () => {
        const v = document.querySelector("video");
        v.muted = true;
        v.playbackRate = 4;
        await v.play();
      });
      await until("8 s of video", async () => (await videoTime(page)) > 8, 30_000);
      await page.evaluate(() => document.querySelector("video").pause());
      const report = await (await saved).json();
      if (!(report.data.video_progress.watch_percentage > 0)) throw new Error("no viewing credited");
      const stoppedAt = await videoTime(page);
      await shoot(page, "02-learning-room");
      await page.reload({ waitUntil: "load" });
      const resumed = await until(
        "the player to resume near where it stopped",
        async () => {
          const t = await videoTime(page);
          return t > stoppedAt - 2 ? t : false;
        },
        30_000,
      );
      if (resumed > stoppedAt + 2) throw new Error(`resumed at ${resumed}, stopped at ${stoppedAt}`);
    },
  ],
  [
    "the learner passes the lesson quiz",
    async () => {
      await click(page, "a", /The light-dependent reactions/, 'nav[aria-label="Course outline"]');
      await until("the quiz lesson", () => find(page, "h1", /^The light-dependent reactions$/));
      await click(page, "input[type=radio]", /^Water$/);
      for (const option of ["ATP", "NADPH", "Oxygen"])
        await click(page, "input[type=checkbox]", new RegExp(`^${option}$`));
      // The true/false question: its "True" radio sits in the group whose legend names Photosystem II.
      const trueRadio = await until("the true/false question", () =>
        page
          .evaluateHandle(() => {
            const group = [...document.querySelectorAll("fieldset")].find((f) =>
              /Photosystem II acts before/.test(f.querySelector("legend")?.textContent ?? ""),
            );
            return [...(group?.querySelectorAll("input[type=radio]") ?? [])].find((r) =>
              /^True$/.test(r.labels?.[0]?.textContent?.trim() ?? ""),
            );
          })
          .then((h) => h.asElement()),
      );
      await trueRadio.click();
      const answer = await until("the short answer box", () => find(page, "input[type=text], textarea", /Your answer/));
      await answer.type("ATP synthase");
      await click(page, "button", /^Submit answers$/);
      await until("the passed result", async () => /Passed: 100%/.test(await text(page)), 30_000);
      await shoot(page, "03-quiz-passed");
    },
  ],
  [
    "the tutor answers a question and a citation seeks the video to its second",
    async () => {
      const box = await until("the tutor's question box", () =>
        find(page, "textarea, input[type=text]", /Ask the tutor about this lesson/),
      );
      await box.type("Where does the oxygen come from?");
      await click(page, "button", /^Ask$/);
      const timed = await until(
        "a cited moment",
        () => find(page, "button", /Play from \d+:\d\d/, 'ol[aria-label="Sources"]'),
        60_000,
      );
      const label = (await timed.evaluate((el) => el.textContent ?? "")).match(/Play from (\d+):(\d\d)/);
      const target = Number(label?.[1]) * 60 + Number(label?.[2]);
      await timed.click();
      await until("the video at the cited second", async () => (await videoTime(page)) >= target, 15_000);
      const at = await videoTime(page);
      if (at >= target + 6) throw new Error(`the video is at ${at}, the citation said ${target}`);
      await page.evaluate(() => document.querySelector("video")?.pause());
      await shoot(page, "04-tutor-citation");
    },
  ],
];

async function main() {
  mkdirSync(shotsDir, { recursive: true });
  start("node", ["--enable-source-maps", "dist/server.js"], apiDir, {
    DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    LOG_LEVEL: "warn",
    RATE_LIMIT_MAX: "100000",
    APP_URL: base,
    DATABASE_URL: "",
    REDIS_URL: "",
  });
  await waitForUrl(`http://127.0.0.1:${apiPort}/health/ready`, 180_000);
  start("node", ["server.mjs", "-p", String(webPort)], webDir, {
    API_URL: `http://127.0.0.1:${apiPort}`,
    DATA_DIR: dataDir,
  });
  await waitForUrl(`http://127.0.0.1:${webPort}`, 60_000);

  browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: firefox,
    headless: true,
    extraPrefsFirefox: { "media.autoplay.default": 0, "media.autoplay.blocking_policy": 0 },
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  console.log(`Firefox: ${await browser.version()}`);

  let broken = false;
  for (const [name, run] of steps) {
    if (broken) {
      // A journey is a sequence: after a failed step the later ones can't run, and each counts as failed.
      results.push({ name, status: "failed", error: "not run: an earlier step failed" });
      console.log(`  - ${name} (not run)`);
      continue;
    }
    const started = Date.now();
    try {
      await run();
      results.push({ name, status: "passed" });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      broken = true;
      results.push({ name, status: "failed", error: String(err?.stack ?? err) });
      console.log(`  ✗ ${name}\n${String(err?.stack ?? err)}`);
      await shoot(page, "failure").catch(() => undefined);
    }
  }
}

let crashed = null;
try {
  await main();
} catch (err) {
  crashed = err;
  console.error(`Firefox journey could not start: ${err?.stack ?? err}`);
} finally {
  await browser?.close().catch(() => undefined);
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : Promise.resolve())),
  );
  rmSync(dataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.status === "passed").length;
const failed = crashed ? Math.max(1, steps.length - passed) : results.length - passed;
console.log(`${passed} passed, ${failed} failed (Firefox)`);
if (process.env.VITEST_JSON_DIR) {
  // The shape of Vitest's JSON report that CI's summary reads.
  writeFileSync(
    path.join(process.env.VITEST_JSON_DIR, "web-firefox.json"),
    JSON.stringify({ numPassedTests: passed, numFailedTests: failed, testResults: results }),
  );
}
process.exit(failed === 0 && passed > 0 ? 0 : 1);
