import { type Progress, type ProgressUpdate, VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import { AppError, forbidden } from "../../lib/errors.js";
import type { AccessService, LessonContext } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { AccessClaims } from "../auth/tokens.js";
import type { CertificateService } from "../certificate/certificate.service.js";
import type { EnrollmentRepo } from "../enrollment/enrollment.repo.js";
import type { ProgressRepo, ProgressRow } from "./progress.repo.js";

/** Where to resume: the start of the first unwatched gap (0 when all of it was watched). */
export function resumeSeconds(row: Pick<ProgressRow, "watchedSegments" | "positionSeconds">, duration: number): number {
  const segments = [...row.watchedSegments].sort((a, b) => a[0] - b[0]);
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
  | "start"
  | "write"
  | "markComplete"
  | "claimCompletion"
  | "recountEnrollment"
  | "listForCourse"
  | "lessonDurations"
>;

export function createProgressService(deps: {
  progress: ProgressStore;
  enrollments: Pick<EnrollmentRepo, "listForUser">;
  access: Pick<AccessService, "enrolledLesson" | "enrolledLessonForSession" | "enrolledCourse">;
  analytics: Pick<AnalyticsRecorder, "record">;
  /** A claimed completion may complete the course: the certificate check runs once it has committed. */
  certificates: Pick<CertificateService, "completionMayHaveChanged">;
  /** Called once per completion, after it is committed (the daily review builds its cards from it). */
  onLessonCompleted?: (userId: string, lessonId: string) => Promise<void>;
}) {
  const { progress, enrollments, access, analytics, certificates } = deps;

  /** Counts a completion exactly once: course progress, the completion event and the learner's stats. */
  async function settleCompletion(row: ProgressRow, ctx: LessonContext): Promise<ProgressRow> {
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
            duration_seconds: ctx.lesson.durationSeconds,
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

  return {
    // POST /lessons/:id/start
    async start(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      const { row, inserted } = await progress.start(auth.userId, ctx.course.id, lessonId);
      if (inserted)
        await analytics.record({ type: "lesson_start", userId: auth.userId, courseId: ctx.course.id, lessonId });
      return presentProgress(row, ctx.lesson.durationSeconds);
    },

    // PUT /lessons/:id/progress – the session is checked with the lesson access (one query), then one upsert
    async update(
      claims: AccessClaims,
      lessonId: string,
      input: ProgressUpdate,
    ): Promise<{ auth: AuthContext; progress: Progress }> {
      const { auth, ctx } = await access.enrolledLessonForSession(claims, lessonId);
      const duration = ctx.lesson.durationSeconds;
      const clamp = (s: number) => (duration > 0 ? Math.min(s, duration) : s);
      const row = await progress.write({
        userId: auth.userId,
        courseId: ctx.course.id,
        lessonId,
        positionSeconds: clamp(input.position_seconds),
        segment: input.segment ? [clamp(input.segment.from_seconds), clamp(input.segment.to_seconds)] : undefined,
        durationSeconds: duration,
        isVideo: ctx.lesson.kind === "video",
      });
      return { auth, progress: presentProgress(await settleCompletion(row, ctx), duration) };
    },

    // POST /lessons/:id/complete – text lessons on request; video lessons once 90% has really been watched
    async complete(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      const duration = ctx.lesson.durationSeconds;
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
      const row = await progress.markComplete(auth.userId, ctx.course.id, lessonId);
      return presentProgress(await settleCompletion(row, ctx), duration);
    },

    async forLesson(auth: AuthContext, lessonId: string): Promise<Progress> {
      const ctx = await access.enrolledLesson(auth, lessonId);
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
