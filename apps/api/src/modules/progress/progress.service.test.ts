import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors.js";
import { recordingTransaction } from "../../lib/sql.testing.js";
import type { LessonContext } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import { createMemoryBufferStore } from "./progress.buffer.js";
import type { ProgressRow } from "./progress.repo.js";
import { createProgressService, type ProgressStore, resumeSeconds, type WriteBehind } from "./progress.service.js";

const LEA = { userId: "lea", role: "student" } as AuthContext;
const lesson = (kind: "video" | "text", durationSeconds = 200) =>
  ({ course: { id: "course-1" }, lesson: { id: "lesson-1", kind, durationSeconds } }) as unknown as LessonContext;
const row = (over: Partial<ProgressRow> = {}) =>
  ({
    id: "p-1",
    userId: "lea",
    courseId: "course-1",
    lessonId: "lesson-1",
    watchPercentage: 0,
    positionSeconds: 0,
    watchedSegments: [],
    isCompleted: false,
    completedAt: null,
    quizProgress: null,
    startedAt: new Date("2026-11-01T10:00:00Z"),
    updatedAt: new Date("2026-11-01T10:00:00Z"),
    ...over,
  }) as ProgressRow;

function setup(opts: { ctx?: LessonContext; store?: Partial<ProgressStore>; writeBehind?: WriteBehind } = {}) {
  const steps: string[] = [];
  const ctx = opts.ctx ?? lesson("text");
  const progress: ProgressStore = {
    transaction: recordingTransaction(steps),
    find: vi.fn(async () => undefined),
    findStored: vi.fn(async () => undefined),
    start: vi.fn(async () => ({ row: row(), inserted: true, version: "1:(0,1)" })),
    write: vi.fn(async () => row()),
    flushBuffered: vi.fn(async () => []),
    markComplete: vi.fn(async () => row({ isCompleted: true })),
    claimCompletion: vi.fn(async () => {
      steps.push("claim");
      return row({ isCompleted: true, completedAt: new Date("2026-11-01T10:05:00Z") });
    }),
    recountEnrollment: vi.fn(async () => void steps.push("recount")),
    listForCourse: vi.fn(async () => []),
    lessonDurations: vi.fn(async () => new Map()),
    ...opts.store,
  };
  const analytics = { record: vi.fn(async (event: { type: string }) => void steps.push(`event ${event.type}`)) };
  const certificates = { completionMayHaveChanged: vi.fn(async () => void steps.push("certificate check")) };
  const onLessonCompleted = vi.fn(async () => void steps.push("cards"));
  const service = createProgressService({
    progress,
    enrollments: { listForUser: async () => [] },
    access: {
      enrolledLesson: async () => ctx,
      enrolledLessonForSession: async () => ({ auth: LEA, ctx }),
      enrolledCourse: async () => ({}) as never,
    },
    analytics,
    certificates,
    onLessonCompleted,
    writeBehind: opts.writeBehind,
  });
  return { service, steps, progress, analytics, certificates, onLessonCompleted };
}

describe("completing a lesson", () => {
  it("counts it once in one transaction (claim, recount, event), then the certificate check and the cards", async () => {
    const { service, steps } = setup();
    const done = await service.complete(LEA, "lesson-1");
    expect(done.completed_at).toBe("2026-11-01T10:05:00.000Z");
    expect(steps).toEqual([
      "begin",
      "claim",
      "recount",
      "event lesson_completion",
      "commit",
      "certificate check",
      "cards",
    ]);
  });

  it("when another request claimed the completion first, counts and triggers nothing more", async () => {
    const { service, steps, certificates, onLessonCompleted } = setup({
      store: { claimCompletion: async () => undefined },
    });
    await service.complete(LEA, "lesson-1");
    expect(steps).toEqual(["begin", "commit"]);
    expect(certificates.completionMayHaveChanged).not.toHaveBeenCalled();
    expect(onLessonCompleted).not.toHaveBeenCalled();
  });

  it("an already counted completion opens no transaction", async () => {
    const { service, progress } = setup({
      store: { markComplete: async () => row({ isCompleted: true, completedAt: new Date("2026-11-01T10:05:00Z") }) },
    });
    await service.complete(LEA, "lesson-1");
    expect(progress.transaction).not.toHaveBeenCalled();
  });

  it("refuses a video watched less than 90% with 409 and what is left, writing nothing", async () => {
    const { service, progress } = setup({
      ctx: lesson("video", 200),
      store: { find: async () => row({ watchPercentage: 40 }) },
    });
    let error: unknown;
    try {
      await service.complete(LEA, "lesson-1");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 409,
      code: "CONFLICT",
      details: { watch_percentage: 40, required_percentage: 90, remaining_seconds: 100 },
    });
    expect(progress.markComplete).not.toHaveBeenCalled();
  });

  it("a progress write past the threshold settles the completion the same way", async () => {
    const { service, steps } = setup({
      ctx: lesson("video", 200),
      store: { write: async () => row({ isCompleted: true, watchPercentage: 95 }) },
    });
    await service.update({ sub: "lea" } as never, "lesson-1", { position_seconds: 190 });
    expect(steps).toContain("claim");
    expect(steps.at(-1)).toBe("cards");
  });

  it("clamps positions and segments to the lesson's length", async () => {
    const { service, progress } = setup({ ctx: lesson("video", 120) });
    await service.update({ sub: "lea" } as never, "lesson-1", {
      position_seconds: 500,
      segment: { from_seconds: 100, to_seconds: 400 },
    });
    expect(progress.write).toHaveBeenCalledWith(expect.objectContaining({ positionSeconds: 120, segment: [100, 120] }));
  });
});

describe("reading progress", () => {
  it("another user's progress is only for admins", async () => {
    const { service } = setup();
    await expect(service.forUser(LEA, "tom")).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
    await expect(service.forUser({ userId: "root", role: "admin" } as AuthContext, "tom")).resolves.toEqual({
      courses: [],
    });
  });

  it("resumes at the first unwatched gap, and from the start once everything was watched", () => {
    expect(resumeSeconds({ watchedSegments: [], positionSeconds: 42 }, 100)).toBe(42);
    expect(
      resumeSeconds(
        {
          watchedSegments: [
            [30, 50],
            [0, 20],
          ],
          positionSeconds: 45,
        },
        100,
      ),
    ).toBe(20);
    expect(resumeSeconds({ watchedSegments: [[0, 99.5]], positionSeconds: 99 }, 100)).toBe(0);
  });
});

describe("a report while the buffer's store fails", () => {
  const claims = { sub: LEA.userId } as never;
  const report = { position_seconds: 12, segment: { from_seconds: 0, to_seconds: 4 } };

  it("is written to the table directly, and the fallback is told", async () => {
    const onFallback = vi.fn();
    const broken = { ...createMemoryBufferStore(), get: async () => Promise.reject(new Error("redis down")) };
    const { service, progress } = setup({
      ctx: lesson("video", 100),
      writeBehind: { store: broken, intervalMs: 0, onFallback },
    });
    const { progress: saved } = await service.update(claims, "lesson-1", report);
    expect(saved.lesson_id).toBe("lesson-1");
    expect(progress.write).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledWith(expect.objectContaining({ message: "redis down" }));
  });

  it("that hangs is given up after the timeout, and written to the table", async () => {
    const onFallback = vi.fn();
    const hung = { ...createMemoryBufferStore(), get: () => new Promise<never>(() => {}) };
    const { service, progress } = setup({
      ctx: lesson("video", 100),
      writeBehind: { store: hung, intervalMs: 0, timeoutMs: 5, onFallback },
    });
    await service.update(claims, "lesson-1", report);
    expect(progress.write).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls[0]?.[0].message).toMatch(/no answer within 5 ms/);
  });

  it("of a text lesson never goes through the buffer", async () => {
    const store = createMemoryBufferStore();
    const { service, progress } = setup({ ctx: lesson("text"), writeBehind: { store, intervalMs: 0 } });
    await service.update(claims, "lesson-1", { position_seconds: 3 });
    expect(progress.write).toHaveBeenCalledTimes(1);
    expect(store.size()).toBe(0);
  });
});

describe("the buffer around the lesson's own reads and writes", () => {
  const claims = { sub: LEA.userId } as never;
  const report = { position_seconds: 4, segment: { from_seconds: 0, to_seconds: 4 } };
  const failing = () => Promise.reject(new Error("redis down"));
  /** A first start: the row as inserted, with a credit window yet to open. */
  const startsFresh = () =>
    vi.fn(async () => ({ row: row({ creditAt: null, creditBalance: 5 }), inserted: true, version: "1:(0,1)" }));

  it("starts a video with its row in the buffer: the first report reads nothing from the table", async () => {
    const store = createMemoryBufferStore();
    const { service, progress } = setup({
      ctx: lesson("video", 100),
      writeBehind: { store, intervalMs: 0 },
      store: {
        start: startsFresh(),
      },
    });
    await service.start(LEA, "lesson-1");
    expect(store.size()).toBe(1);
    const { progress: saved, buffered } = await service.update(claims, "lesson-1", report);
    expect(saved.video_progress.watch_percentage).toBe(4);
    expect(buffered).toBe(true); // nothing committed: the response needs no wait for change notifications
    expect(progress.findStored).not.toHaveBeenCalled();
    expect(progress.write).not.toHaveBeenCalled();
  });

  it("says a report committed something when it completed the video or went to the table", async () => {
    const store = createMemoryBufferStore();
    const completedRow = row({ isCompleted: true, watchPercentage: 95, completedAt: null });
    const { service } = setup({
      ctx: lesson("video", 5),
      writeBehind: { store, intervalMs: 0 },
      store: {
        start: startsFresh(),
        flushBuffered: vi.fn(async () => [{ row: completedRow, version: "2:(0,2)" }]),
      },
    });
    await service.start(LEA, "lesson-1");
    const completing = await service.update(claims, "lesson-1", {
      position_seconds: 5,
      segment: { from_seconds: 0, to_seconds: 5 },
    });
    expect(completing.progress.completed_at).not.toBeNull();
    expect(completing.buffered).toBe(false);
    const text = setup({ ctx: lesson("text"), writeBehind: { store: createMemoryBufferStore(), intervalMs: 0 } });
    expect((await text.service.update(claims, "lesson-1", { position_seconds: 3 })).buffered).toBe(false);
  });

  it("starts and reads a lesson, and takes the fallback, while the buffer's store is down", async () => {
    const onFallback = vi.fn();
    const down = {
      ...createMemoryBufferStore(),
      take: failing,
      dirtyOf: failing,
      forget: failing,
      prime: failing,
    };
    const { service, progress } = setup({
      ctx: lesson("video", 100),
      writeBehind: { store: down, intervalMs: 0, onFallback },
    });
    expect((await service.start(LEA, "lesson-1")).lesson_id).toBe("lesson-1");
    expect((await service.forLesson(LEA, "lesson-1")).lesson_id).toBe("lesson-1");
    expect((await service.forCourse(LEA, "course-1")).course_id).toBe("course-1");
    expect(progress.start).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledTimes(4); // start: flush and reload; lesson; course
    expect(onFallback.mock.calls.every(([err]) => /redis down/.test(String(err)))).toBe(true);
  });

  it("does not hide a failed write of the buffered rows behind the store's fallback", async () => {
    const store = createMemoryBufferStore();
    const { service } = setup({
      ctx: lesson("video", 100),
      writeBehind: { store, intervalMs: 0 },
      store: { flushBuffered: vi.fn(failing) },
    });
    await service.update(claims, "lesson-1", report);
    await expect(service.forLesson(LEA, "lesson-1")).rejects.toThrow("redis down");
    expect(await store.dirtyCount()).toBe(1); // kept for the next flush
  });
});
