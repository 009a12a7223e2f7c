import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWebRevalidator, type WebRevalidationOptions } from "./web-revalidation.js";

const SECRET = "w".repeat(40);
const NOW = 1_800_000_000_000;

interface Received {
  signature: string | undefined;
  body: string;
}

/** A local stand-in for the web app's /api/revalidate; `respond` decides what it does with each call. */
async function webApp(respond: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.end("{}")) {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ signature: req.headers["x-lumen-signature"] as string | undefined, body });
      held.push(res);
      respond(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`;
  servers.push(server);
  return { url, received, held };
}
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A scheduler the test fires by hand: no timers, no sleeps. */
function manualScheduler() {
  const due: Array<{ send: () => void; ms: number; cancelled: boolean }> = [];
  return {
    schedule: (send: () => void, ms: number) => {
      const entry = { send, ms, cancelled: false };
      due.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    fire() {
      for (const entry of due.splice(0)) if (!entry.cancelled) entry.send();
    },
    get pending() {
      return due.filter((entry) => !entry.cancelled);
    },
  };
}

function revalidator(url: string | string[], extra: Partial<WebRevalidationOptions> = {}) {
  const scheduler = manualScheduler();
  const outcomes: string[] = [];
  const warnings: string[] = [];
  const web = createWebRevalidator({
    urls: Array.isArray(url) ? url : [url],
    secret: SECRET,
    now: () => NOW,
    schedule: scheduler.schedule,
    onOutcome: (outcome) => outcomes.push(outcome),
    log: { warn: (_, msg) => warnings.push(msg) },
    ...extra,
  });
  return { web, scheduler, outcomes, warnings };
}

const tagsOf = (received: Received) => (JSON.parse(received.body) as { tags: string[] }).tags;

describe("telling the web app that courses changed", () => {
  it("sends a course's tag and the catalog's, signed with the shared secret", async () => {
    const site = await webApp();
    const { web, scheduler, outcomes } = revalidator(site.url);
    web.courseChanged("c-1");
    expect(site.received).toEqual([]);
    scheduler.fire();
    await web.idle();

    expect(site.received).toHaveLength(1);
    const [call] = site.received as [Received];
    expect(tagsOf(call).sort()).toEqual(["catalog", "course:c-1"]);
    const time = NOW / 1000;
    const hmac = createHmac("sha256", SECRET).update(`${time}.${call.body}`).digest("hex");
    expect(call.signature).toBe(`t=${time},v1=${hmac}`);
    expect(call.body).not.toContain(SECRET);
    expect(outcomes).toEqual(["ok"]);
  });

  it("tells every web app instance, each with its own signed call", async () => {
    const one = await webApp();
    const two = await webApp();
    const { web, scheduler, outcomes } = revalidator([one.url, two.url]);
    web.courseChanged("c-9");
    scheduler.fire();
    await web.idle();
    for (const site of [one, two]) {
      expect(site.received).toHaveLength(1);
      expect(tagsOf(site.received[0] as Received).sort()).toEqual(["catalog", "course:c-9"]);
    }
    expect(outcomes).toEqual(["ok", "ok"]);
  });

  it("still tells the other instances when one of them is down", async () => {
    const up = await webApp();
    const down = await webApp((_, res) => {
      res.statusCode = 503;
      res.end("{}");
    });
    const { web, scheduler, outcomes } = revalidator([down.url, up.url]);
    web.courseChanged("c-10");
    scheduler.fire();
    await web.idle();
    expect(up.received).toHaveLength(1);
    expect(outcomes.sort()).toEqual(["error", "ok"]);
  });

  it("coalesces a burst of changes into one call per window, each tag once", async () => {
    const site = await webApp();
    const { web, scheduler } = revalidator(site.url, { windowMs: 1000 });
    for (const id of ["a", "b", "a", "c", "a"]) web.courseChanged(id);
    expect(scheduler.pending).toHaveLength(1);
    expect(scheduler.pending[0]?.ms).toBe(1000);
    scheduler.fire();
    await web.idle();
    expect(site.received).toHaveLength(1);
    expect(tagsOf(site.received[0] as Received).sort()).toEqual(["catalog", "course:a", "course:b", "course:c"]);

    web.courseChanged("d");
    scheduler.fire();
    await web.idle();
    expect(site.received.map((r) => tagsOf(r).sort())).toEqual([
      ["catalog", "course:a", "course:b", "course:c"],
      ["catalog", "course:d"],
    ]);
  });

  it("splits more than 100 tags into several calls", async () => {
    const site = await webApp();
    const { web, scheduler } = revalidator(site.url);
    for (let i = 0; i < 150; i++) web.courseChanged(`c${i}`);
    scheduler.fire();
    await web.idle();
    expect(site.received.map((r) => tagsOf(r).length)).toEqual([100, 51]);
  });

  it("returns at once and survives a web app that is down", async () => {
    const site = await webApp();
    const down = site.url.replace(/:\d+\//, ":1/");
    const { web, scheduler, outcomes, warnings } = revalidator(down);
    expect(web.courseChanged("c-1")).toBeUndefined();
    scheduler.fire();
    await web.idle();
    expect(outcomes).toEqual(["error"]);
    expect(warnings).toHaveLength(1);
  });

  it("counts an error answer as a failure", async () => {
    const site = await webApp((_, res) => {
      res.statusCode = 401;
      res.end("{}");
    });
    const { web, scheduler, outcomes } = revalidator(site.url);
    web.courseChanged("c-1");
    scheduler.fire();
    await web.idle();
    expect(outcomes).toEqual(["error"]);
  });

  it("gives up on a web app that doesn't answer within the timeout", async () => {
    // Never answers: the response is held open.
    const site = await webApp(() => {});
    const { web, scheduler, outcomes } = revalidator(site.url, { timeoutMs: 50 });
    web.courseChanged("c-1");
    scheduler.fire();
    await web.idle();
    expect(site.received).toHaveLength(1);
    expect(outcomes).toEqual(["error"]);
  });

  it("sends what is pending when closed, then ignores later changes", async () => {
    const site = await webApp();
    const { web, scheduler } = revalidator(site.url);
    web.courseChanged("c-1");
    await web.close();
    expect(site.received).toHaveLength(1);
    expect(scheduler.pending).toHaveLength(0);
    web.courseChanged("c-2");
    expect(scheduler.pending).toHaveLength(0);
    await web.flush();
    expect(site.received).toHaveLength(1);
  });
});
