import type { Progress } from "@lumen/contracts";
import { execRows, lessons } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { type BufferedWrite, createProgressRepo } from "../src/modules/progress/progress.repo.js";
import {
  mergeSegments,
  type Segment,
  segmentsCoverage,
  segmentsOverlap,
  stepProgress,
} from "../src/modules/progress/progress.step.js";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, elapseViewing, type Session } from "./helpers.js";

/**
 * Player reports are acknowledged from the write-behind buffer (memory on PGlite, Redis when REDIS_URL is set) and
 * reach the table when flushed; a completion, the learner's own reads and an export write them first. The in-memory
 * rules are the SQL's: both are run on the same inputs here.
 */
let ctx: TestApp;
let learner: Session;
let courseId: string;
let videoId: string;
let secondVideoId: string;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  const creator = await ctx.people.creator();
  learner = await ctx.people.learner();
  const built = await ctx.make.courseWithLessons(creator.user.id, {
    lessons: [
      { kind: "video", durationSeconds: 100 },
      { kind: "video", durationSeconds: 50 },
    ],
  });
  courseId = built.courseId;
  [videoId, secondVideoId] = built.lessonIds as [string, string];
  await ctx.make.enrollment(learner.user.id, courseId);
  await ctx.app.viewerSync();
});

const report = (payload: Record<string, unknown>, lessonId = videoId, who = learner) =>
  call<Progress>(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${lessonId}/progress`,
    token: who.access_token,
    payload,
  });

async function tableRows() {
  return (
    await execRows<{
      lesson_id: string;
      watch_percentage: number;
      position_seconds: number;
      watched_segments: unknown;
    }>(
      ctx.database.db,
      sql`select lesson_id, watch_percentage, position_seconds, watched_segments from progress where user_id = ${learner.user.id}`,
    )
  ).rows.map((r) => ({
    ...r,
    watch_percentage: Number(r.watch_percentage),
    position_seconds: Number(r.position_seconds),
    watched_segments: typeof r.watched_segments === "string" ? JSON.parse(r.watched_segments) : r.watched_segments,
  }));
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number((await execRows<{ n: number }>(ctx.database.db, query)).rows[0]?.n);
}

describe("the in-memory rules are the SQL's", () => {
  // A small deterministic generator: the same cases on every run.
  function random(seed: number) {
    let s = seed;
    return () => {
      s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
      return s / 2_147_483_648;
    };
  }
  const rand = random(42);
  const segmentList = (n: number): Segment[] =>
    Array.from({ length: n }, () => {
      const from = Math.round(rand() * 1000) / 10;
      return [from, Math.round((from + rand() * 30) * 10) / 10] as Segment;
    });
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

  it("merges, measures and finds rewatched seconds like lumen_progress_step, on 120 random cases", async () => {
    for (let i = 0; i < 120; i++) {
      const watched = mergeSegments([], segmentList(Math.floor(rand() * 6)));
      const added = segmentList(1 + Math.floor(rand() * 2));
      const duration = 20 + Math.round(rand() * 100);
      const [row] = (
        await execRows<{ merged: unknown; coverage: number; overlap: unknown }>(
          ctx.database.db,
          sql`select s.merged, s.coverage, lumen_segments_overlap(${JSON.stringify(watched)}::jsonb, ${JSON.stringify(added)}::jsonb) as overlap
                from lumen_progress_step(${JSON.stringify(watched)}::jsonb, ${JSON.stringify(added)}::jsonb, ${duration}) as s`,
        )
      ).rows;
      const merged = mergeSegments(watched, added);
      expect(merged, `case ${i}`).toEqual(json(row?.merged));
      expect(segmentsCoverage(merged, duration), `case ${i}`).toBe(Number(row?.coverage));
      expect(segmentsOverlap(watched, added), `case ${i}`).toEqual(json(row?.overlap));
    }
  });

  it("applies a learner's reports like the upsert: segments, percentage, completion, rewatches, position", async () => {
    const repo = createProgressRepo(ctx.database.db);
    const reports: Array<{ position: number; segment?: Segment }> = [
      { position: 12, segment: [0, 12] },
      { position: 40, segment: [30, 40] },
      { position: 35 },
      { position: 20, segment: [5, 20] },
      { position: 95, segment: [38, 95] },
      { position: 100, segment: [93, 100] },
    ];
    let state: ReturnType<typeof stepProgress> | undefined;
    for (const r of reports) {
      // Plenty of viewing credit on both sides, so the cut (tested below) plays no part.
      await ctx.database.db.execute(
        sql`update progress set credit_at = now() - interval '1 hour' where user_id = ${learner.user.id}`,
      );
      const stored = await repo.write({
        userId: learner.user.id,
        courseId,
        lessonId: videoId,
        positionSeconds: r.position,
        segment: r.segment,
        durationSeconds: 100,
        isVideo: true,
      });
      const now = new Date();
      state = stepProgress(
        state && { ...state, creditAt: new Date(now.getTime() - 3_600_000) },
        { positionSeconds: r.position, segment: r.segment, durationSeconds: 100, isVideo: true },
        now,
      );
      expect(state.watchedSegments).toEqual(stored.watchedSegments);
      expect(state.watchPercentage).toBe(stored.watchPercentage);
      expect(state.isCompleted).toBe(stored.isCompleted);
      expect(state.positionSeconds).toBe(stored.positionSeconds);
      if (r.segment) expect(state.rewatch).toEqual(stored.lastRewatch);
    }
    expect(state?.isCompleted).toBe(true);
  });

  it("cuts a segment to the credit: the slack left plus twice the time since the previous report", () => {
    const now = new Date("2026-12-01T10:00:10Z");
    const before = {
      positionSeconds: 0,
      watchedSegments: [],
      watchPercentage: 0,
      isCompleted: false,
      creditAt: new Date("2026-12-01T10:00:00Z"),
      creditBalance: 1,
    };
    const after = stepProgress(
      before,
      { positionSeconds: 100, segment: [0, 100], durationSeconds: 100, isVideo: true },
      now,
    );
    expect(after.watchedSegments).toEqual([[0, 21]]);
    expect(after.creditBalance).toBe(0);
    // A first report (no row yet) gets the slack alone; the leftover carries at most the slack.
    expect(
      stepProgress(undefined, { positionSeconds: 9, segment: [0, 9], durationSeconds: 100, isVideo: true }, now),
    ).toMatchObject({ watchedSegments: [[0, 5]], creditBalance: 0 });
    expect(
      stepProgress(
        { ...before, creditBalance: 50 },
        { positionSeconds: 1, segment: [0, 1], durationSeconds: 100, isVideo: true },
        now,
      ).creditBalance,
    ).toBe(24);
  });

  it("keeps a credited segment's ends to the millisecond, in memory and in SQL, and never a negative balance", async () => {
    const isMillis = (x: number) => Math.abs(x * 1000 - Math.round(x * 1000)) < 1e-6;
    // A credit of 5 s + 2 × 1.234 s from a start with 8 decimals: the cut end would have 17 digits, and the balance
    // left (7.468 − (8.703 − 1.23456789)) would be just below zero by the rounding.
    const now = new Date("2026-12-01T10:00:01.234Z");
    const cut = stepProgress(
      {
        positionSeconds: 0,
        watchedSegments: [],
        watchPercentage: 0,
        isCompleted: false,
        creditAt: new Date("2026-12-01T10:00:00Z"),
        creditBalance: 5,
      },
      { positionSeconds: 40, segment: [1.23456789, 40], durationSeconds: 100, isVideo: true },
      now,
    );
    expect(cut.watchedSegments).toEqual([[1.235, 8.703]]);
    expect(cut.creditBalance).toBeGreaterThanOrEqual(0);

    // The table's own statement (a report written through): a row whose window opened 3.21 s ago, cut in SQL.
    const repo = createProgressRepo(ctx.database.db);
    const write = (segment: Segment) =>
      repo.write({
        userId: learner.user.id,
        courseId,
        lessonId: videoId,
        positionSeconds: segment[1],
        segment,
        durationSeconds: 100,
        isVideo: true,
      });
    await write([0.0004, 0.0004]);
    await ctx.database.db.execute(
      sql`update progress set credit_at = now() - interval '3.2109876 seconds', credit_balance = 0.3
           where user_id = ${learner.user.id}`,
    );
    const stored = await write([20.1234567, 60]);
    const [lo, hi] = stored.watchedSegments.at(-1) as Segment;
    expect(lo).toBe(20.123);
    expect(hi).toBeGreaterThan(26);
    expect(hi).toBeLessThan(60);
    expect(isMillis(hi), `${hi}`).toBe(true);
    expect(stored.creditBalance).toBeGreaterThanOrEqual(0);
  });
});

describe("write-behind", () => {
  it("answers a report from the buffer and writes it, with the enrollment's last access, when flushed", async () => {
    const res = await report({ position_seconds: 5, segment: { from_seconds: 0, to_seconds: 5 } });
    expect(res.status).toBe(200);
    expect(res.body.data.video_progress).toMatchObject({
      watch_percentage: 5,
      position_seconds: 5,
      is_completed: false,
    });
    expect(await tableRows()).toEqual([]);
    expect(await ctx.app.metrics.render()).toMatch(/^lumen_progress_buffered_rows 1$/m);

    expect(await ctx.app.progressFlush()).toBe(1);
    expect(await tableRows()).toEqual([
      { lesson_id: videoId, watch_percentage: 5, position_seconds: 5, watched_segments: [[0, 5]] },
    ]);
    expect(
      await count(
        sql`select count(*)::int as n from enrollments where user_id = ${learner.user.id} and last_accessed_at is not null`,
      ),
    ).toBe(1);
    expect(await ctx.app.progressFlush()).toBe(0);
    expect(await ctx.app.metrics.render()).toMatch(/^lumen_progress_flushed_rows_total 1$/m);
  });

  it("lets the learner read at once what was acknowledged: lesson, course and export", async () => {
    await report({ position_seconds: 5, segment: { from_seconds: 0, to_seconds: 5 } });
    const lesson = await call<Progress>(ctx.app, {
      method: "GET",
      url: `/api/v1/lessons/${videoId}/progress`,
      token: learner.access_token,
    });
    expect(lesson.body.data.video_progress).toMatchObject({ watch_percentage: 5, position_seconds: 5 });

    await report({ position_seconds: 4, segment: { from_seconds: 0, to_seconds: 4 } }, secondVideoId);
    const course = await call<{ lessons: Progress[] }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${courseId}/progress`,
      token: learner.access_token,
    });
    expect(course.body.data.lessons.map((l) => l.lesson_id).sort()).toEqual([videoId, secondVideoId].sort());

    await report({ position_seconds: 7 }, secondVideoId);
    const exported = await call<Record<string, unknown>>(ctx.app, {
      method: "GET",
      url: "/api/v1/users/me/export",
      token: learner.access_token,
    });
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('"position_seconds":7');
  });

  it("writes a completing report through before answering: counted once, at once", async () => {
    await elapseViewing(ctx, learner.user.id, videoId, 60);
    await report({ position_seconds: 50, segment: { from_seconds: 0, to_seconds: 50 } });
    await elapseViewing(ctx, learner.user.id, videoId, 60);
    const done = await report({ position_seconds: 95, segment: { from_seconds: 50, to_seconds: 95 } });
    expect(done.body.data.video_progress).toMatchObject({ watch_percentage: 95, is_completed: true });
    expect(done.body.data.completed_at).not.toBeNull();
    // No flush asked for: the completion is in the table with its event and the course's count.
    expect(await count(sql`select count(*)::int as n from analytics_events where type = 'lesson_completion'`)).toBe(1);
    expect(
      await count(
        sql`select completed_lessons as n from enrollments where user_id = ${learner.user.id} and course_id = ${courseId}`,
      ),
    ).toBe(1);
    const later = await report({ position_seconds: 99, segment: { from_seconds: 95, to_seconds: 99 } });
    expect(later.body.data.completed_at).toBe(done.body.data.completed_at);
    await ctx.app.progressFlush();
    expect(await count(sql`select count(*)::int as n from analytics_events where type = 'lesson_completion'`)).toBe(1);
  });

  it("appends each rewatched stretch once, however many flushes follow", async () => {
    await elapseViewing(ctx, learner.user.id, videoId, 60);
    await report({ position_seconds: 30, segment: { from_seconds: 0, to_seconds: 30 } });
    await ctx.app.progressFlush();
    await elapseViewing(ctx, learner.user.id, videoId, 60);
    await report({ position_seconds: 20, segment: { from_seconds: 10, to_seconds: 20 } });
    await report({ position_seconds: 25, segment: { from_seconds: 20, to_seconds: 25 } });
    await ctx.app.progressFlush();
    await ctx.app.progressFlush();
    const rows = (
      await execRows<{ f: number; t: number }>(
        ctx.database.db,
        sql`select from_seconds as f, to_seconds as t from lesson_rewatches order by from_seconds`,
      )
    ).rows.map((r) => [Number(r.f), Number(r.t)]);
    expect(rows).toEqual([
      [10, 20],
      [20, 25],
    ]);
  });

  it("drops buffered reports of a lesson deleted meanwhile, and writes the others", async () => {
    await report({ position_seconds: 3, segment: { from_seconds: 0, to_seconds: 3 } });
    await report({ position_seconds: 2, segment: { from_seconds: 0, to_seconds: 2 } }, secondVideoId);
    await ctx.database.db.delete(lessons).where(eq(lessons.id, secondVideoId));
    expect(await ctx.app.progressFlush()).toBe(1);
    expect((await tableRows()).map((r) => r.lesson_id)).toEqual([videoId]);
  });

  it("keeps one row, every report's segment and one credit window under 10 concurrent reports", async () => {
    await elapseViewing(ctx, learner.user.id, videoId, 60);
    // Half-second stretches far apart: 5 s in all, within what one window credits however they race (the first
    // report's leftover carries on only up to the 5 s slack).
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        report({ position_seconds: i * 5 + 0.5, segment: { from_seconds: i * 5, to_seconds: i * 5 + 0.5 } }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    await ctx.app.progressFlush();
    const [row, ...others] = await tableRows();
    expect(others).toEqual([]);
    expect(row?.watched_segments).toHaveLength(10);
    expect(row?.watch_percentage).toBe(5);
  });
});

describe("a flush of buffered rows", () => {
  const repo = () => createProgressRepo(ctx.database.db);
  const item = (over: Partial<BufferedWrite>): BufferedWrite => ({
    userId: learner.user.id,
    courseId,
    lessonId: videoId,
    positionSeconds: 10,
    watchedSegments: [],
    watchPercentage: 0,
    isCompleted: false,
    creditAt: null,
    creditBalance: 0,
    rewatch: [],
    updatedAt: new Date(),
    tableVersion: null,
    ...over,
  });
  const anotherWriter = (segments: Segment[]) =>
    sql`update progress set watched_segments = ${JSON.stringify(segments)}::jsonb, watch_percentage = 10
         where user_id = ${learner.user.id} and lesson_id = ${videoId}`;

  it("merges a row changed since the buffer read it, and takes one still at that version as it is", async () => {
    const { version: read } = await repo().start(learner.user.id, courseId, videoId);
    await ctx.database.db.execute(anotherWriter([[40, 50]]));
    const [merged] = await repo().flushBuffered([
      item({ watchedSegments: [[0, 20]], watchPercentage: 20, tableVersion: read }),
    ]);
    expect(merged?.row.watchedSegments).toEqual([
      [0, 20],
      [40, 50],
    ]);
    expect(merged?.row.watchPercentage).toBe(30);
    expect(merged?.version).not.toBe(read);
    expect((await repo().findStored(learner.user.id, videoId))?.version).toBe(merged?.version);
    // Values no buffer built on that version would send (it lost a segment), to show that nothing was merged.
    const [same] = await repo().flushBuffered([
      item({ watchedSegments: [[0, 25]], watchPercentage: 25, tableVersion: merged?.version ?? null }),
    ]);
    expect(same?.row.watchedSegments).toEqual([[0, 25]]);
    expect(same?.row.watchPercentage).toBe(30); // never lower
    expect((await tableRows())[0]?.watched_segments).toEqual([[0, 25]]);
  });

  // PGlite has one connection: nothing can write between the statement's snapshot and its update there.
  it.runIf(process.env.DATABASE_URL)("merges a row another writer changed while the flush waited for it", async () => {
    const { version } = await repo().start(learner.user.id, courseId, videoId);
    const waitingOnLock = async () =>
      (
        await execRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock'`,
        )
      ).rows[0]?.n === 1;
    let flush: ReturnType<ReturnType<typeof repo>["flushBuffered"]> | undefined;
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(anotherWriter([[60, 70]]));
      flush = repo().flushBuffered([item({ watchedSegments: [[0, 30]], watchPercentage: 30, tableVersion: version })]);
      await vi.waitFor(async () => expect(await waitingOnLock()).toBe(true), { timeout: 10_000, interval: 20 });
    });
    const [row] = (await flush) ?? [];
    expect(row?.row.watchedSegments).toEqual([
      [0, 30],
      [60, 70],
    ]);
    expect(row?.row.watchPercentage).toBe(40);
  });
});
