import { type Progress, type ProgressUpdate, VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import { AppError, forbidden } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { AccessClaims } from "../auth/tokens.js";
import type { CertificateService } from "../certificate/certificate.service.js";
import type { EnrollmentRepo } from "../enrollment/enrollment.repo.js";
import {
  type BufferStore,
  BufferStoreError,
  bufferKey,
  createProgressBuffer,
  type ProgressBuffer,
} from "./progress.buffer.js";
import type { ProgressRepo, ProgressRow } from "./progress.repo.js";
import { isSorted, type Report, stepProgress } from "./progress.step.js";

/** Where to resume: the start of the first unwatched gap (0 when all of it was watched). */
export function resumeSeconds(row: Pick<ProgressRow, "watchedSegments" | "positionSeconds">, duration: number): number {
  // Stored lists are merged, so sorted already: copied and sorted only if one is not.
  const stored = row.watchedSegments;
  const segments = isSorted(stored) ? stored : [...stored].sort((a, b) => a[0] - b[0]);
  if (segments.length === 0) return row.positionSeconds;
  let reached = 0;
  for (const [from, to] of segments) {
    if (from > reached + 1) return reached;
    reached = Math.max(reached, to);
  }
  return duration > 0 && reached >= duration - 1 ? 0 : reached;
}

export function presentProgress(row: ProgressRow, duration: number): Progress {
  return {
    lesson_id: row.lessonId,
    course_id: row.courseId,
    video_progress: {
      watch_percentage: Math.round(row.watchPercentage * 100) / 100,
      position_seconds: row.positionSeconds,
      resume_seconds: Math.round(resumeSeconds(row, duration) * 1000) / 1000,
      is_completed: row.isCompleted,
    },
    quiz_progress: row.quizProgress ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** What the service asks of the progress repository (its transaction() included). */
export type ProgressStore = Pick<
  ProgressRepo,
  | "transaction"
  | "find"
  | "findStored"
  | "start"
  | "write"
  | "markComplete"
  | "claimCompletion"
  | "recountEnrollment"
  | "listForCourse"
  | "lessonDurations"
  | "flushBuffered"
>;

/** Player reports acknowledged before they reach the table (progress.buffer.ts). */
export interface WriteBehind {
  store: BufferStore;
  /** How often buffered reports are written (and at most how long an acknowledged report waits for it). */
  intervalMs: number;
  /**
   * How long a report may wait on the buffer's store before it is written to the table directly instead (500 ms);
   * 0 for a store that cannot hang (this process's memory), which spares every report a timer.
   */
  timeoutMs?: number;
  /** The store failed or was slow: that report went to the table directly. */
  onFallback?: (err: unknown) => void;
  onFlushed?: (rows: number, ms: number) => void;
  onFlushError?: (err: unknown) => void;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`progress buffer: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createProgressService(deps: {
  progress: ProgressStore;
  enrollments: Pick<EnrollmentRepo, "listForUser">;
  access: Pick<AccessService, "enrolledLesson" | "enrolledLessonForSession" | "enrolledCourse">;
  analytics: Pick<AnalyticsRecorder, "record">;
  /** A claimed completion may complete the course: the certificate check runs once it has committed. */
  certificates: Pick<CertificateService, "completionMayHaveChanged">;
  /** Called once per completion, after it is committed (the daily review builds its cards from it). */
  onLessonCompleted?: (userId: string, lessonId: string) => Promise<void>;
  /** Absent: every report is written to the table before it is answered. */
  writeBehind?: WriteBehind | undefined;
}) {
  const { progress, enrollments, access, analytics, certificates } = deps;

  /** Counts a completion exactly once: course progress, the completion event and the learner's stats. */
  async function settleCompletion(row: ProgressRow, durationSeconds: number): Promise<ProgressRow> {
    if (!row.isCompleted || row.completedAt) return row;
    const settled = await progress.transaction(async (tx) => {
      const claimed = await progress.claimCompletion(row.id, tx);
      if (!claimed) return row; // another request counted it
      await progress.recountEnrollment(row.userId, row.courseId, tx);
      await analytics.record(
        {
          type: "lesson_completion",
          userId: row.userId,
          courseId: row.courseId,
          lessonId: row.lessonId,
          data: {
            completion_time_seconds: Math.max(
              0,
              Math.round(((claimed.completedAt?.getTime() ?? Date.now()) - claimed.startedAt.getTime()) / 1000),
            ),
            duration_seconds: durationSeconds,
          },
        },
        tx,
      );
      return claimed;
    });
    if (settled !== row) {
      await certificates.completionMayHaveChanged(row.userId, row.courseId, `lesson.${row.id}`);
      await deps.onLessonCompleted?.(row.userId, row.lessonId);
    }
    return settled;
  }

  const writeBehind = deps.writeBehind;
  const buffer: ProgressBuffer | null = writeBehind
    ? createProgressBuffer({
        store: writeBehind.store,
        intervalMs: writeBehind.intervalMs,
        // A flush can complete a lesson (two instances' reports united): it is counted like any other completion.
        write: async (items) => {
          const stored = await progress.flushBuffered(items);
          const durations = new Map<string, number>();
          return Promise.all(
            stored.map(async ({ row, version }) => {
              if (!row.isCompleted || row.completedAt) return { row, version };
              if (!durations.has(row.courseId))
                for (const [id, d] of await progress.lessonDurations(row.courseId)) durations.set(id, d);
              const settled = await settleCompletion(row, durations.get(row.lessonId) ?? 0);
              // Counting the completion wrote the row again: its new version is not known here.
              return { row: settled, version: settled === row ? version : null };
            }),
          );
        },
        ...(writeBehind.onFlushed ? { onFlushed: writeBehind.onFlushed } : {}),
        ...(writeBehind.onFlushError ? { onError: writeBehind.onFlushError } : {}),
      })
    : null;
  const storeTimeoutMs = writeBehind?.timeoutMs ?? 500;

  /**
   * A video report through the buffer: applied to the row as last acknowledged (loaded from the table the first
   * time), stored with compare-and-set, answered. A report that completes the video is written through first, so
   * the completion is counted before the learner hears of it. Undefined when other reports kept winning the race.
   */
  async function bufferedWrite(
    userId: string,
    courseId: string,
    lessonId: string,
    report: Report,
  ): Promise<{ row: ProgressRow; writtenThrough: boolean } | undefined> {
    if (!buffer) return undefined;
    const key = bufferKey(userId, lessonId);
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = await buffer.store.get(key);
      // The row as last acknowledged, or as stored: either way with the table version it builds on.
      const base = current
        ? { row: current.entry.row, version: current.entry.tableVersion ?? null }
        : await progress.findStored(userId, lessonId);
      const before = base?.row;
      const tableVersion = base?.version ?? null;
      const now = new Date();
      const { rewatch, ...stepped } = stepProgress(before, report, now);
      const row: ProgressRow = before
        ? { ...before, ...stepped, lastRewatch: [], updatedAt: now }
        : {
            id: "",
            userId,
            courseId,
            lessonId,
            ...stepped,
            lastRewatch: [],
            completedAt: null,
            quizProgress: null,
            startedAt: now,
            updatedAt: now,
          };
      const entry = { row, durationSeconds: report.durationSeconds, isVideo: report.isVideo, tableVersion };
      if (!(await buffer.store.put(key, current?.version, entry, rewatch))) continue;
      if (row.isCompleted && !row.completedAt) {
        return { row: (await buffer.flushKeys([key])).get(key) ?? row, writtenThrough: true };
      }
      return { row, writtenThrough: false };
    }
    return undefined;
  }

  /**
   * The caller's reports still in the buffer are written before their progress is read or changed. With the
   * buffer's store down they cannot be: the table is read as it is (they are written once the store answers).
   */
  async function flushFor(userId: string, lessonId?: string): Promise<void> {
    if (!buffer) return;
    try {
      if (lessonId) await buffer.flushKeys([bufferKey(userId, lessonId)]);
      else await buffer.flushUser(userId);
    } catch (err) {
      if (!(err instanceof BufferStoreError)) throw err;
      writeBehind?.onFallback?.(err);
    }
  }

  /**
   * After a write to the table the buffer didn't see, its clean entry is replaced by the table's row, so the next
   * report starts from it without reading the table. Only video reports are buffered. A store that fails here costs
   * that report one read, nothing more.
   */
  async function reload(
    { row, version }: { row: ProgressRow; version: string | null },
    durationSeconds: number,
    isVideo: boolean,
  ): Promise<void> {
    if (!buffer || !isVideo || !(durationSeconds > 0)) return;
    try {
      const entry = { row, durationSeconds, isVideo, tableVersion: version };
      await buffer.store.prime(bufferKey(row.userId, row.lessonId), entry);
    } catch (err) {
      writeBehind?.onFallback?.(err);
    }
  }

  return {
    /** The write-behind buffer, when reports are buffered (flushed on close; tests flush it to read the table). */
    buffer,
    /** Writes a learner's buffered reports, for readers of their progress outside this service. */
    flushFor: (userId: string) => flushFor(userId),

    // POST /lessons/:id/start
    async start(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      await flushFor(auth.userId, lessonId);
      const { row, inserted, version } = await progress.start(auth.userId, ctx.course.id, lessonId);
      await reload({ row, version }, ctx.lesson.durationSeconds, ctx.lesson.kind === "video");
      if (inserted)
        await analytics.record({ type: "lesson_start", userId: auth.userId, courseId: ctx.course.id, lessonId });
      return presentProgress(row, ctx.lesson.durationSeconds);
    },

    // PUT /lessons/:id/progress – the session is checked with the lesson access (one query), then one upsert
    async update(
      claims: AccessClaims,
      lessonId: string,
      input: ProgressUpdate,
    ): Promise<{ auth: AuthContext; progress: Progress; buffered: boolean }> {
      const { auth, ctx } = await access.enrolledLessonForSession(claims, lessonId);
      const duration = ctx.lesson.durationSeconds;
      const clamp = (s: number) => (duration > 0 ? Math.min(s, duration) : s);
      const report: Report = {
        positionSeconds: clamp(input.position_seconds),
        segment: input.segment ? [clamp(input.segment.from_seconds), clamp(input.segment.to_seconds)] : undefined,
        durationSeconds: duration,
        isVideo: ctx.lesson.kind === "video",
      };
      if (buffer && report.isVideo && duration > 0) {
        try {
          const work = bufferedWrite(auth.userId, ctx.course.id, lessonId, report);
          const done = await (storeTimeoutMs > 0 ? withTimeout(work, storeTimeoutMs) : work);
          if (done) return { auth, progress: presentProgress(done.row, duration), buffered: !done.writtenThrough };
        } catch (err) {
          // The buffer's store is down or slow: this report is written to the table like without a buffer.
          writeBehind?.onFallback?.(err);
        }
      }
      const row = await progress.write({ userId: auth.userId, courseId: ctx.course.id, lessonId, ...report });
      return { auth, progress: presentProgress(await settleCompletion(row, duration), duration), buffered: false };
    },

    // POST /lessons/:id/complete – text lessons on request; video lessons once 90% has really been watched
    async complete(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      const duration = ctx.lesson.durationSeconds;
      await flushFor(auth.userId, lessonId);
      if (ctx.lesson.kind === "video") {
        const current = await progress.find(auth.userId, lessonId);
        const watched = current?.watchPercentage ?? 0;
        if (!current?.isCompleted && watched < VIDEO_COMPLETE_AT_PERCENT) {
          const remaining = Math.ceil(((VIDEO_COMPLETE_AT_PERCENT - watched) / 100) * duration);
          throw new AppError(
            "CONFLICT",
            `Watch at least ${VIDEO_COMPLETE_AT_PERCENT}% of the video to complete it: ${Math.round(watched * 10) / 10}% watched, about ${remaining} s to go`,
            { watch_percentage: watched, required_percentage: VIDEO_COMPLETE_AT_PERCENT, remaining_seconds: remaining },
          );
        }
      }
      const row = await settleCompletion(await progress.markComplete(auth.userId, ctx.course.id, lessonId), duration);
      await reload({ row, version: null }, duration, ctx.lesson.kind === "video");
      return presentProgress(row, duration);
    },

    async forLesson(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      await flushFor(auth.userId, lessonId);
      const row = await progress.find(auth.userId, lessonId);
      if (row) return presentProgress(row, ctx.lesson.durationSeconds);
      return {
        lesson_id: lessonId,
        course_id: ctx.course.id,
        video_progress: { watch_percentage: 0, position_seconds: 0, resume_seconds: 0, is_completed: false },
        quiz_progress: null,
        completed_at: null,
        updated_at: new Date(0).toISOString(),
      };
    },

    /** The caller's progress on every lesson of a course they are enrolled in (completion marks, resume points). */
    async forCourse(auth: AuthContext, courseId: string) {
      await access.enrolledCourse(auth, courseId);
      await flushFor(auth.userId);
      const [rows, durations] = await Promise.all([
        progress.listForCourse(auth.userId, courseId),
        progress.lessonDurations(courseId),
      ]);
      const done = rows.filter((r) => r.isCompleted).length;
      return {
        course_id: courseId,
        progress_percentage: durations.size === 0 ? 0 : Math.round((10_000 * done) / durations.size) / 100,
        lessons: rows.map((r) => presentProgress(r, durations.get(r.lessonId) ?? 0)),
      };
    },

    /** GET /progress/user/:id – that user or an admin. */
    async forUser(auth: AuthContext, userId: string) {
      if (auth.userId !== userId && auth.role !== "admin") throw forbidden("You can only see your own progress");
      await flushFor(userId);
      const rows = await enrollments.listForUser(userId);
      return {
        courses: rows.map((r) => ({
          course_id: r.courseId,
          title: r.title,
          progress_percentage: Math.round(r.progressPercentage * 100) / 100,
          completed_lessons: r.completedLessons,
          total_lessons: r.totalLessons,
          last_accessed: r.lastAccessedAt?.toISOString() ?? null,
        })),
      };
    },
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
