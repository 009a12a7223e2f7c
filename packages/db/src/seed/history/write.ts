import { sql } from "drizzle-orm";
import type { Executor } from "../../client.js";
import {
  aiUsage,
  analyticsEvents,
  courseGrants,
  courses,
  enrollments,
  lessonRewatches,
  progress,
  quizAttempts,
  reviews,
} from "../../schema/index.js";
import { OFFLINE_MODEL } from "./history.js";
import type { ActivityPlan } from "./plan.js";

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters for every table here. */
const BATCH = 1000;
const date = (ms: number) => new Date(ms);
const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Writes a planned history in a handful of multi-row inserts. Watched segments and watch percentages go through
 * the same SQL functions as a progress report (`lumen_merge_segments`, `lumen_segments_coverage`), so the stored
 * figures are exactly what the API would have stored. Rewatches are inserted directly with their past times (the
 * progress trigger only fires on updates, and would stamp them now).
 */
export async function writePlan(db: Executor, plan: ActivityPlan): Promise<void> {
  await inBatches(plan.grants, (batch) =>
    db
      .insert(courseGrants)
      .values(
        batch.map((g) => ({ userId: g.userId, courseId: g.courseId, grantedBy: g.grantedBy, createdAt: date(g.at) })),
      ),
  );
  await inBatches(plan.enrollments, (batch) =>
    db.insert(enrollments).values(
      batch.map((e) => ({
        id: e.id,
        userId: e.userId,
        courseId: e.courseId,
        progressPercentage: e.progressPercentage,
        completedLessons: e.completedLessons,
        lastAccessedAt: date(e.lastAccessedAt),
        completedAt: dateOrNull(e.completedAt),
        createdAt: date(e.createdAt),
        updatedAt: date(e.updatedAt),
      })),
    ),
  );
  await inBatches(plan.progress, (batch) =>
    db.insert(progress).values(
      batch.map((p) => {
        const merged = sql`lumen_merge_segments('[]'::jsonb, ${JSON.stringify(p.watchedSegments)}::jsonb)`;
        return {
          id: p.id,
          userId: p.userId,
          courseId: p.courseId,
          lessonId: p.lessonId,
          watchPercentage: sql`lumen_segments_coverage(${merged}, ${p.durationSeconds}::float8)`,
          positionSeconds: p.positionSeconds,
          watchedSegments: merged,
          lastRewatch: p.lastRewatch,
          isCompleted: p.isCompleted,
          completedAt: dateOrNull(p.completedAt),
          quizProgress: p.quizProgress,
          startedAt: date(p.startedAt),
          updatedAt: date(p.updatedAt),
        };
      }),
    ),
  );
  await inBatches(plan.rewatches, (batch) =>
    db.insert(lessonRewatches).values(
      batch.map((r) => ({
        progressId: r.progressId,
        courseId: r.courseId,
        lessonId: r.lessonId,
        fromSeconds: r.segment[0],
        toSeconds: r.segment[1],
        createdAt: date(r.at),
      })),
    ),
  );
  await inBatches(plan.events, (batch) =>
    db.insert(analyticsEvents).values(
      batch.map((e) => ({
        type: e.type,
        userId: e.userId,
        courseId: e.courseId,
        lessonId: e.lessonId,
        data: e.data,
        createdAt: date(e.at),
      })),
    ),
  );
  await inBatches(plan.attempts, (batch) =>
    db.insert(quizAttempts).values(
      batch.map((a) => ({
        userId: a.userId,
        quizId: a.quizId,
        lessonId: a.lessonId,
        courseId: a.courseId,
        answers: a.answers,
        results: a.results,
        score: a.score,
        passed: a.passed,
        createdAt: date(a.at),
      })),
    ),
  );
  await inBatches(plan.aiUsage, (batch) =>
    db.insert(aiUsage).values(
      batch.map((u) => ({
        userId: u.userId,
        kind: "chat" as const,
        provider: "offline",
        model: OFFLINE_MODEL,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        cached: u.cached,
        latencyMs: u.latencyMs,
        status: "ok" as const,
        createdAt: date(u.at),
      })),
    ),
  );
  await inBatches(plan.reviews, (batch) =>
    db.insert(reviews).values(
      batch.map((r) => ({
        userId: r.userId,
        courseId: r.courseId,
        rating: r.rating,
        body: r.body,
        createdAt: date(r.at),
        updatedAt: date(r.at),
      })),
    ),
  );
}

/** Every course's enrollment count and rating, recounted from the rows (as the enrollment and review services keep them). */
export async function recountCourses(db: Executor): Promise<void> {
  await db.execute(sql`
    UPDATE ${courses} c SET
      enrollment_count = (SELECT count(*) FROM ${enrollments} e WHERE e.course_id = c.id AND e.status = 'active'),
      rating_avg = coalesce((SELECT avg(r.rating) FROM ${reviews} r WHERE r.course_id = c.id), 0),
      rating_count = (SELECT count(*) FROM ${reviews} r WHERE r.course_id = c.id)`);
}
