import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, type Session, type TestContext, userWithRole } from "../helpers.js";
import { buildCourse } from "../learning-fixtures.js";
import {
  createCuttableProxy,
  createReplicaApp,
  createReplicaTestDatabase,
  pauseReplay,
  REDIS_URL,
  REPLICA_URL,
  type ReplicaTestDatabase,
  readsByPool,
  replayCaughtUp,
  resumeReplay,
  routerReaches,
} from "./replica-context.js";

// A test port of this suite's own range (4760-4769) for the proxy that plays a replica going down.
const PROXY_PORT = 4768;
/** Generous limits: the replica keeps serving while a test holds its replay paused. */
const PATIENT = { maxLagMs: 60_000, stickyMs: 120_000 };

let database: ReplicaTestDatabase;
/** Builds the fixtures through the API; the apps under test get fresh Redis prefixes, so none of its marks. */
let builder: TestContext;
let ctx: TestContext;
let creator: Session;
let learner: Session;
let courseId: string;

const suggest = (c: TestContext, q: string, token?: string) =>
  call<{ items: Array<{ id: string; title: string }> }>(c.app, {
    method: "GET",
    url: `/api/v1/courses/suggest?q=${encodeURIComponent(q)}`,
    ...(token ? { token } : {}),
  });
const titles = (r: Awaited<ReturnType<typeof suggest>>) => r.body.data.items.map((c) => c.title);

/** A write straight on the primary, behind the API's back: no sticky mark, no cache bump. */
const rename = (title: string) =>
  builder.database.db.execute(sql`UPDATE courses SET title = ${title}, updated_at = now() WHERE id = ${courseId}`);

/** An app on the test database that accepts the fixtures' tokens but shares none of their marks or cache. */
const appUnderTest = (limits: { url: string; maxLagMs: number; stickyMs: number; probeMs?: number }) =>
  createReplicaApp(database, limits, { config: builder.config });

beforeAll(async () => {
  database = await createReplicaTestDatabase();
  builder = await createReplicaApp(database, { url: database.replicaUrl, ...PATIENT });
  creator = await userWithRole(builder, "creator@replica.test", "creator");
  learner = await userWithRole(builder, "learner@replica.test", "student");
  ({ courseId } = await buildCourse(builder, creator, { title: "Photosynthesis Deep Dive" }));
  await replayCaughtUp();
  ctx = await appUnderTest({ url: database.replicaUrl, ...PATIENT });
});

afterEach(async () => {
  await resumeReplay();
});

afterAll(async () => {
  await resumeReplay().catch(() => {});
  await ctx?.close();
  await builder?.close();
  await database?.drop();
});

describe("read replica routing", () => {
  it("serves the guest catalog, search, categories and course page from the replica", async () => {
    const before = await readsByPool(ctx.app);
    const catalog = await call<{ items: Array<{ id: string }> }>(ctx.app, { method: "GET", url: "/api/v1/courses" });
    expect(catalog.status).toBe(200);
    expect(catalog.body.data.items.map((c) => c.id)).toEqual([courseId]);
    expect(titles(await suggest(ctx, "photosyn"))).toEqual(["Photosynthesis Deep Dive"]);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/courses/categories" })).status).toBe(200);
    const detail = await call<{ title: string }>(ctx.app, { method: "GET", url: `/api/v1/courses/${courseId}` });
    expect(detail.body.data.title).toBe("Photosynthesis Deep Dive");
    const after = await readsByPool(ctx.app);
    expect(after.primary).toBe(before.primary);
    expect(after.replica).toBeGreaterThanOrEqual(before.replica + 5); // listing, suggest, categories, course, outline
  });

  it("keeps a user's reads and the cache's next fills on the primary after an edit, while the replica lags", async () => {
    await pauseReplay();
    // Behind the API's back: the paused replica doesn't have it, and guests' fresh reads show it is what they read.
    await rename("Thylakoid Membranes");
    expect(titles(await suggest(ctx, "thylakoid"))).toEqual([]);

    const before = await readsByPool(ctx.app);
    const edit = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${courseId}`,
      token: creator.access_token,
      payload: { title: "Chlorophyll Explained" },
    });
    expect(edit.status).toBe(200);
    // The writer (sticky), another learner and a guest (the edit's new cache versions are filled from the primary)
    // all see the edit although the replica has not replayed it.
    expect(titles(await suggest(ctx, "chlorophyll", creator.access_token))).toEqual(["Chlorophyll Explained"]);
    expect(titles(await suggest(ctx, "chlorophyll expl", learner.access_token))).toEqual(["Chlorophyll Explained"]);
    expect(titles(await suggest(ctx, "chloro"))).toEqual(["Chlorophyll Explained"]);
    const page = await call<{ title: string }>(ctx.app, { method: "GET", url: `/api/v1/courses/${courseId}` });
    expect(page.body.data.title).toBe("Chlorophyll Explained");
    const after = await readsByPool(ctx.app);
    expect(after.replica).toBe(before.replica);
    expect(after.primary).toBeGreaterThanOrEqual(before.primary + 4);
  });

  it("keeps writes on the primary: the standby would refuse them", async () => {
    const edit = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${courseId}`,
      token: creator.access_token,
      payload: { subtitle: "Light into sugar" },
    });
    expect(edit.status).toBe(200);
    const result = await ctx.database.db.execute(sql`SELECT subtitle FROM courses WHERE id = ${courseId}`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([{ subtitle: "Light into sugar" }]);
  });

  // Without Redis each instance knows only its own marks: CI runs this file with REDIS_URL.
  it.skipIf(!REDIS_URL)("honours an edit made on another instance (the marks live in Redis)", async () => {
    const prefix = `lumen-test:shared-${Date.now().toString(36)}:`;
    const limits = { url: database.replicaUrl, ...PATIENT };
    const a = await createReplicaApp(database, limits, { config: builder.config, redisPrefix: prefix });
    const b = await createReplicaApp(database, limits, { config: builder.config, redisPrefix: prefix });
    try {
      await replayCaughtUp();
      await pauseReplay();
      const edit = await call(a.app, {
        method: "PUT",
        url: `/api/v1/courses/${courseId}`,
        token: creator.access_token,
        payload: { title: "Phloem Transport" },
      });
      expect(edit.status).toBe(200);
      const before = await readsByPool(b.app);
      expect(titles(await suggest(b, "phloem", creator.access_token))).toEqual(["Phloem Transport"]);
      expect(titles(await suggest(b, "phloem tr"))).toEqual(["Phloem Transport"]);
      expect((await readsByPool(b.app)).replica).toBe(before.replica);
    } finally {
      await resumeReplay();
      await a.close();
      await b.close();
    }
  });

  it("sends reads back to the primary when the replica lags past the maximum, and returns when it catches up", async () => {
    await replayCaughtUp();
    const strict = await appUnderTest({ url: database.replicaUrl, maxLagMs: 300, stickyMs: 300, probeMs: 50 });
    try {
      await pauseReplay();
      await rename("Stomata and Gas Exchange");
      await routerReaches(strict.app, (s) => !s.serving && (s.lagMs ?? 0) > 300, "the lag to pass 300 ms");

      const before = await readsByPool(strict.app);
      expect(titles(await suggest(strict, "stomata"))).toEqual(["Stomata and Gas Exchange"]);
      const after = await readsByPool(strict.app);
      expect(after).toEqual({ replica: before.replica, primary: before.primary + 1 });

      await resumeReplay();
      await routerReaches(strict.app, (s) => s.serving, "the replica to catch up");
      expect(titles(await suggest(strict, "gas exchange"))).toEqual(["Stomata and Gas Exchange"]);
      expect((await readsByPool(strict.app)).replica).toBe(after.replica + 1);
    } finally {
      await strict.close();
    }
  });

  it("answers from the primary when the replica goes down, and uses it again when it is back", async () => {
    await replayCaughtUp();
    const target = new URL(REPLICA_URL);
    const proxy = await createCuttableProxy({ host: target.hostname, port: Number(target.port || 5432) }, PROXY_PORT);
    const flaky = await appUnderTest({ url: proxy.url(database.name), ...PATIENT });
    // Each read asks for a page size not asked before: a cached page would not reach the database at all.
    const catalog = (limit: number) =>
      call<{ items: Array<{ id: string }> }>(flaky.app, { method: "GET", url: `/api/v1/courses?limit=${limit}` });
    try {
      const served = await readsByPool(flaky.app);
      expect((await catalog(11)).status).toBe(200);
      expect((await readsByPool(flaky.app)).replica).toBe(served.replica + 1);

      await proxy.cut();
      // The router has not probed since: the read fails on the replica and is repeated on the primary.
      const before = await readsByPool(flaky.app);
      const page = await catalog(10);
      expect(page.status).toBe(200);
      expect(page.body.data.items.map((c) => c.id)).toEqual([courseId]);
      expect((await readsByPool(flaky.app)).primary).toBe(before.primary + 1);
      expect(flaky.app.readRouting?.status().up).toBe(false);
      expect((await call(flaky.app, { method: "GET", url: `/api/v1/courses/${courseId}` })).status).toBe(200);
      expect(await flaky.app.metrics.render()).toMatch(/^lumen_db_replica_up 0$/m);

      await proxy.restore();
      await routerReaches(flaky.app, (s) => s.serving, "the replica to be back");
      const back = await readsByPool(flaky.app);
      expect((await catalog(9)).status).toBe(200);
      expect((await readsByPool(flaky.app)).replica).toBe(back.replica + 1);
      expect(await flaky.app.metrics.render()).toMatch(/^lumen_db_replica_lag_seconds \d/m);
    } finally {
      await flaky.close();
      await proxy.close();
    }
  });
});
