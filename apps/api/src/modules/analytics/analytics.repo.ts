import type { Executor } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import type { AnalyticsEventType } from "./analytics.stats.js";

/** A range of UTC calendar days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface EventInsert {
  type: AnalyticsEventType;
  userId: string;
  courseId: string | null;
  lessonId: string | null;
  data: Record<string, unknown>;
  /** When it happened; the database clock when absent. */
  at: Date | null;
  /** Counts towards `lessons_completed` and, with `durationSeconds`, `minutes_learned`. */
  completesLesson: boolean;
  durationSeconds: number;
}

export type SummaryRow = {
  enrollments: number;
  active_learners: number;
  lesson_completions: number;
  quiz_submissions: number;
  ai_requests: number;
  average_completion_time_seconds: number | null;
  quiz_pass_rate: number | null;
  average_watch_coverage: number | null;
};
export type DailyRow = { date: string; enrollments: number; active_learners: number; lesson_completions: number };
export type CompletionRow = {
  course_id: string;
  title: string;
  enrolled: number;
  completed: number;
  rate: number | null;
};
export type LessonRow = {
  lesson_id: string;
  title: string;
  kind: "video" | "text";
  has_quiz: boolean;
  position: number;
  started: number;
  completed: number;
  drop_off_rate: number | null;
  quiz_attempts: number;
  quiz_pass_rate: number | null;
  average_watch_percentage: number | null;
  duration_seconds: number;
  course_title: string;
  rewatch_learners: number;
  rewatched_seconds: number;
  questions: number;
};
/** One stretch of a lesson's timeline, by index: rewatching and questions asked there. */
export type TimelineRow = { bucket: number; rewatch_learners: number; rewatched_seconds: number; questions: number };
export type QuestionRow = { question: string; position_seconds: number | null; asked_at: Date | string };
export type CreatorCourseRow = {
  course_id: string;
  title: string;
  status: "draft" | "published" | "archived";
  enrollments: number;
  active_learners_30d: number;
  completion_rate: number | null;
  rating_avg: number | null;
};

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `[start, end)` instants of a day range, for index-friendly comparisons on timestamptz columns. */
function bounds(range: DayRange) {
  const end = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
  return { start: `${range.from}T00:00:00.000Z`, end: end.toISOString() };
}

const inRange = (column: SQL, range: DayRange) => {
  const { start, end } = bounds(range);
  return sql`${column} >= ${start}::timestamptz AND ${column} < ${end}::timestamptz`;
};
const forCourse = (column: SQL, courseId: string | undefined) =>
  courseId ? sql` AND ${column} = ${courseId}::uuid` : sql``;
/** Events of one UTC day (`day` a date): the same rows as `(e.created_at AT TIME ZONE 'UTC')::date = day`. */
const onDay = (day: SQL) =>
  sql`e.created_at >= ${day}::timestamp AT TIME ZONE 'UTC' AND e.created_at < (${day} + 1)::timestamp AT TIME ZONE 'UTC'`;

/** The daily series' figures over a set of events `e`: stored by the rollup job, or computed for a day not stored. */
const dailyFigures = sql`
  count(DISTINCT (e.user_id, e.course_id)) FILTER (WHERE e.type = 'enrollment')::int AS enrollments,
  count(DISTINCT e.user_id)::int AS active_learners,
  count(DISTINCT (e.user_id, e.lesson_id)) FILTER (WHERE e.type = 'lesson_completion')::int AS lesson_completions`;

/** Held exclusively while the rollup job stores days; the analytics_rollup_invalidation trigger takes it shared. */
const ROLLUP_LOCK = 7316001;

/** The platform dashboard lists this many courses at most, the most enrolled first. */
export const PLATFORM_COURSE_LIMIT = 100;

/** Enrollments that count as completed: marked so, or with every lesson done. */
const enrollmentCompleted = sql`(e.completed_at IS NOT NULL OR e.progress_percentage >= 100)`;

/**
 * The learner's stats after one event, as SQL over the row being updated (so concurrent events on the same user
 * serialise on the row lock and each one sees the previous one's result). Mirrors `nextUserStats`.
 */
function nextStatsSql(day: SQL, completesLesson: boolean, durationSeconds: number): SQL {
  const last = sql`nullif(u.stats->>'last_active_date', '')::date`;
  const current = sql`coalesce((u.stats->>'current_streak_days')::int, 0)`;
  const nextCurrent = sql`(CASE WHEN ${last} IS NULL THEN 1 WHEN ${day} <= ${last} THEN ${current} WHEN ${day} = ${last} + 1 THEN ${current} + 1 ELSE 1 END)`;
  const minutes = completesLesson
    ? sql`round(coalesce((u.stats->>'minutes_learned')::numeric, 0) + ${String(durationSeconds)}::numeric / 60, 1)`
    : sql`coalesce((u.stats->>'minutes_learned')::numeric, 0)`;
  return sql`jsonb_build_object(
    'lessons_completed', coalesce((u.stats->>'lessons_completed')::int, 0) + ${completesLesson ? 1 : 0}::int,
    'minutes_learned', ${minutes},
    'current_streak_days', ${nextCurrent},
    'best_streak_days', greatest(coalesce((u.stats->>'best_streak_days')::int, 0), ${nextCurrent}),
    'last_active_date', to_char(greatest(${last}, ${day}), 'YYYY-MM-DD')
  )`;
}

/** The only code that reads or writes analytics tables; every KPI is one aggregate query. */
export function createAnalyticsRepo(db: Executor) {
  return {
    /** Appends the event and updates the learner's stats in one statement: both happen or neither. */
    async insertEvent(event: EventInsert, tx: Executor = db): Promise<void> {
      const at = event.at ? sql`${event.at.toISOString()}::timestamptz` : sql`now()`;
      await tx.execute(sql`
        WITH ev AS (
          INSERT INTO analytics_events (type, user_id, course_id, lesson_id, data, created_at)
          VALUES (${event.type}, ${event.userId}::uuid, ${event.courseId}::uuid, ${event.lessonId}::uuid,
                  ${JSON.stringify(event.data)}::jsonb, ${at})
          RETURNING user_id, (created_at AT TIME ZONE 'UTC')::date AS day
        )
        UPDATE users u SET stats = ${nextStatsSql(sql`ev.day`, event.completesLesson, event.durationSeconds)}
        FROM ev WHERE u.id = ev.user_id`);
    },

    /** Event counts and averages over the range, for the whole platform or one course. */
    async summary(range: DayRange, courseId?: string): Promise<SummaryRow> {
      const [row] = await rows<SummaryRow>(
        db,
        sql`
        SELECT
          count(DISTINCT (e.user_id, e.course_id)) FILTER (WHERE e.type = 'enrollment')::int AS enrollments,
          count(DISTINCT e.user_id)::int AS active_learners,
          count(DISTINCT (e.user_id, e.lesson_id)) FILTER (WHERE e.type = 'lesson_completion')::int AS lesson_completions,
          count(*) FILTER (WHERE e.type = 'quiz_submitted')::int AS quiz_submissions,
          count(*) FILTER (WHERE e.type = 'ai_chat')::int AS ai_requests,
          round(avg(CASE WHEN jsonb_typeof(e.data->'completion_time_seconds') = 'number'
                         THEN (e.data->>'completion_time_seconds')::numeric END)
                FILTER (WHERE e.type = 'lesson_completion'), 1)::float8 AS average_completion_time_seconds,
          (SELECT round(avg(CASE WHEN q.passed THEN 1 ELSE 0 END), 4)::float8
             FROM quiz_attempts q
            WHERE ${inRange(sql`q.created_at`, range)}${forCourse(sql`q.course_id`, courseId)}) AS quiz_pass_rate,
          (SELECT round(avg(p.watch_percentage)::numeric, 1)::float8
             FROM progress p JOIN lessons l ON l.id = p.lesson_id AND l.kind = 'video'
            WHERE ${inRange(sql`p.updated_at`, range)}${forCourse(sql`p.course_id`, courseId)}) AS average_watch_coverage
        FROM analytics_events e
        WHERE ${inRange(sql`e.created_at`, range)}${forCourse(sql`e.course_id`, courseId)}`,
      );
      if (!row) throw new Error("aggregate query returned no row");
      return row;
    },

    /**
     * One row per UTC day of the range, zero days included. A past day the rollup job has stored is read from
     * analytics_daily_rollups (one row); any other day, today included, from its raw events, with exactly the
     * aggregates the job stores (`dailyFigures`), so the answer is the same either way.
     */
    async daily(range: DayRange, courseId?: string): Promise<DailyRow[]> {
      return rows<DailyRow>(
        db,
        sql`
        WITH days AS (
          SELECT d::date AS day FROM generate_series(${range.from}::timestamp, ${range.to}::timestamp, interval '1 day') AS d
        ), stored AS (
          SELECT r.day, r.enrollments, r.active_learners, r.lesson_completions
            FROM analytics_daily_rollups r
           WHERE r.course_id IS NOT DISTINCT FROM ${courseId ?? null}::uuid
             AND r.day >= ${range.from}::date AND r.day <= ${range.to}::date
             AND r.day < (now() AT TIME ZONE 'UTC')::date
        )
        SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
               coalesce(s.enrollments, raw.enrollments, 0)::int AS enrollments,
               coalesce(s.active_learners, raw.active_learners, 0)::int AS active_learners,
               coalesce(s.lesson_completions, raw.lesson_completions, 0)::int AS lesson_completions
          FROM days d
          LEFT JOIN stored s ON s.day = d.day
          LEFT JOIN LATERAL (
            SELECT ${dailyFigures}
              FROM analytics_events e
             WHERE s.day IS NULL AND ${onDay(sql`d.day`)}${forCourse(sql`e.course_id`, courseId)}
          ) raw ON true
         ORDER BY d.day`,
      );
    },

    /**
     * Stores the daily figures of every whole past UTC day of the last `days` that has events and no stored row
     * yet (a day ends for the job an hour after midnight, longer than any transaction that could still add to it),
     * for the platform and for each course with events that day. Idempotent per (course, day): running it again
     * stores nothing new, and a row deleted by a later change to its day (the analytics_rollup_invalidation
     * trigger) is stored again. The exclusive lock makes such a change wait until the day is stored, then delete it.
     */
    async rollUpDays(days: number): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`);
        const cutoff = sql`(date_trunc('day', now() - interval '1 hour', 'UTC') AT TIME ZONE 'UTC')`;
        const stored = await rows<{ n: number }>(
          tx,
          sql`
          WITH todo AS (
            SELECT d::date AS day
              FROM generate_series(${cutoff} - ${days}::int * interval '1 day', ${cutoff} - interval '1 day', interval '1 day') AS d
             WHERE NOT EXISTS (SELECT 1 FROM analytics_daily_rollups r WHERE r.course_id IS NULL AND r.day = d::date)
          ), figures AS (
            SELECT t.day, e.course_id, GROUPING(e.course_id) = 1 AS platform, ${dailyFigures}
              FROM todo t JOIN analytics_events e ON ${onDay(sql`t.day`)}
             GROUP BY GROUPING SETS ((t.day), (t.day, e.course_id))
          ), upserted AS (
            INSERT INTO analytics_daily_rollups (course_id, day, enrollments, active_learners, lesson_completions)
            SELECT CASE WHEN f.platform THEN NULL ELSE f.course_id END, f.day, f.enrollments, f.active_learners,
                   f.lesson_completions
              FROM figures f
             WHERE f.platform OR f.course_id IS NOT NULL
            ON CONFLICT ON CONSTRAINT analytics_daily_rollups_scope_day DO UPDATE SET
              enrollments = EXCLUDED.enrollments,
              active_learners = EXCLUDED.active_learners,
              lesson_completions = EXCLUDED.lesson_completions,
              computed_at = now()
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM upserted`,
        );
        return stored[0]?.n ?? 0;
      });
    },

    /**
     * Completion of the enrollments created in the range, per course: published courses and any course with such
     * enrollments, most enrolled first (at most PLATFORM_COURSE_LIMIT), or just the given course, whatever its status.
     */
    async completionByCourse(range: DayRange, courseId?: string): Promise<CompletionRow[]> {
      return rows<CompletionRow>(
        db,
        sql`
        SELECT c.id AS course_id, c.title,
               count(e.id)::int AS enrolled,
               count(e.id) FILTER (WHERE ${enrollmentCompleted})::int AS completed,
               round(count(e.id) FILTER (WHERE ${enrollmentCompleted})::numeric / nullif(count(e.id), 0), 4)::float8 AS rate
          FROM courses c
          LEFT JOIN enrollments e
            ON e.course_id = c.id AND e.status = 'active' AND ${inRange(sql`e.created_at`, range)}
         WHERE ${courseId ? sql`c.id = ${courseId}::uuid` : sql`(c.status = 'published' OR e.id IS NOT NULL)`}
         GROUP BY c.id, c.title
         ORDER BY enrolled DESC, c.title, c.id
         LIMIT ${PLATFORM_COURSE_LIMIT}`,
      );
    },

    /** Per lesson, in course order: the funnel, quiz pass rate and watch coverage over the range. */
    async lessonBreakdown(range: DayRange, courseId: string): Promise<LessonRow[]> {
      return rows<LessonRow>(
        db,
        sql`
        WITH touched AS (
          SELECT p.lesson_id, p.user_id, false AS done
            FROM progress p WHERE p.course_id = ${courseId}::uuid AND ${inRange(sql`p.started_at`, range)}
          UNION ALL
          SELECT p.lesson_id, p.user_id, true
            FROM progress p
           WHERE p.course_id = ${courseId}::uuid AND p.is_completed AND ${inRange(sql`p.completed_at`, range)}
          UNION ALL
          SELECT e.lesson_id, e.user_id, e.type = 'lesson_completion'
            FROM analytics_events e
           WHERE e.course_id = ${courseId}::uuid AND e.lesson_id IS NOT NULL
             AND e.type IN ('lesson_start', 'lesson_completion') AND ${inRange(sql`e.created_at`, range)}
        ), funnel AS (
          SELECT lesson_id, count(DISTINCT user_id) AS started, count(DISTINCT user_id) FILTER (WHERE done) AS completed
            FROM touched GROUP BY lesson_id
        ), quiz AS (
          SELECT q.lesson_id, count(*) AS attempts, count(*) FILTER (WHERE q.passed) AS passed
            FROM quiz_attempts q
           WHERE q.course_id = ${courseId}::uuid AND ${inRange(sql`q.created_at`, range)}
           GROUP BY q.lesson_id
        ), watch AS (
          SELECT p.lesson_id, avg(p.watch_percentage) AS average
            FROM progress p
           WHERE p.course_id = ${courseId}::uuid AND ${inRange(sql`p.updated_at`, range)}
           GROUP BY p.lesson_id
        ), rewatch AS (
          SELECT r.lesson_id, count(DISTINCT r.progress_id) AS learners, sum(r.to_seconds - r.from_seconds) AS seconds
            FROM lesson_rewatches r
           WHERE r.course_id = ${courseId}::uuid AND ${inRange(sql`r.created_at`, range)}
           GROUP BY r.lesson_id
        ), asked AS (
          SELECT e.lesson_id, count(*) AS questions
            FROM analytics_events e
           WHERE e.course_id = ${courseId}::uuid AND e.type = 'ai_chat' AND e.lesson_id IS NOT NULL
             AND ${inRange(sql`e.created_at`, range)}
           GROUP BY e.lesson_id
        )
        SELECT l.id AS lesson_id, l.title, l.kind,
               (qz.id IS NOT NULL OR q.attempts IS NOT NULL) AS has_quiz,
               row_number() OVER (ORDER BY m.position, l.position, l.id)::int AS position,
               coalesce(f.started, 0)::int AS started,
               coalesce(f.completed, 0)::int AS completed,
               round((f.started - f.completed)::numeric / nullif(f.started, 0), 4)::float8 AS drop_off_rate,
               coalesce(q.attempts, 0)::int AS quiz_attempts,
               round(q.passed::numeric / nullif(q.attempts, 0), 4)::float8 AS quiz_pass_rate,
               round(w.average::numeric, 1)::float8 AS average_watch_percentage,
               l.duration_seconds,
               c.title AS course_title,
               coalesce(rw.learners, 0)::int AS rewatch_learners,
               round(coalesce(rw.seconds, 0)::numeric, 1)::float8 AS rewatched_seconds,
               coalesce(a.questions, 0)::int AS questions
          FROM lessons l
          JOIN modules m ON m.id = l.module_id
          JOIN courses c ON c.id = l.course_id
          LEFT JOIN quizzes qz ON qz.lesson_id = l.id
          LEFT JOIN funnel f ON f.lesson_id = l.id
          LEFT JOIN quiz q ON q.lesson_id = l.id
          LEFT JOIN watch w ON w.lesson_id = l.id
          LEFT JOIN rewatch rw ON rw.lesson_id = l.id
          LEFT JOIN asked a ON a.lesson_id = l.id
         WHERE l.course_id = ${courseId}::uuid
         ORDER BY m.position, l.position, l.id`,
      );
    },

    /**
     * A lesson's timeline cut into `buckets` stretches of `bucketSeconds` (the last one ends at `durationSeconds`):
     * per stretch, the learners who watched at least a second of it again, the seconds watched again, and the tutor
     * questions asked while the video was there. Rewatches are spread over the stretches they cover, so a report
     * split in two by the player counts the same as one.
     */
    async lessonTimeline(
      range: DayRange,
      ids: { courseId: string; lessonId: string },
      grid: { bucketSeconds: number; buckets: number; durationSeconds: number },
    ): Promise<TimelineRow[]> {
      if (grid.buckets <= 0) return [];
      const size = sql`${grid.bucketSeconds}::float8`;
      const last = sql`${grid.buckets - 1}::int`;
      const position = sql`(e.data->>'position_seconds')::float8`;
      return rows<TimelineRow>(
        db,
        sql`
        WITH seen AS (
          SELECT r.progress_id, r.from_seconds::float8 AS lo, least(r.to_seconds::float8, ${grid.durationSeconds}::float8) AS hi
            FROM lesson_rewatches r
           WHERE r.lesson_id = ${ids.lessonId}::uuid AND ${inRange(sql`r.created_at`, range)}
        ), per_learner AS (
          SELECT g AS bucket, s.progress_id,
                 sum(least(s.hi, (g + 1) * ${size}) - greatest(s.lo, g * ${size})) AS seconds
            FROM seen s
           CROSS JOIN LATERAL generate_series(floor(s.lo / ${size})::int, least(ceil(s.hi / ${size})::int - 1, ${last})) AS g
           GROUP BY 1, 2
        ), rewatch AS (
          SELECT bucket, count(*) FILTER (WHERE seconds >= 1) AS learners, sum(seconds) AS seconds
            FROM per_learner GROUP BY bucket
        ), asked AS (
          SELECT least(floor(${position} / ${size})::int, ${last}) AS bucket, count(*) AS questions
            FROM analytics_events e
           WHERE e.course_id = ${ids.courseId}::uuid AND e.type = 'ai_chat' AND e.lesson_id = ${ids.lessonId}::uuid
             AND ${inRange(sql`e.created_at`, range)} AND jsonb_typeof(e.data->'position_seconds') = 'number'
           GROUP BY 1
        )
        SELECT g AS bucket,
               coalesce(rw.learners, 0)::int AS rewatch_learners,
               round(coalesce(rw.seconds, 0)::numeric, 1)::float8 AS rewatched_seconds,
               coalesce(a.questions, 0)::int AS questions
          FROM generate_series(0, ${last}) AS g
          LEFT JOIN rewatch rw ON rw.bucket = g
          LEFT JOIN asked a ON a.bucket = g
         ORDER BY g`,
      );
    },

    /** The newest tutor questions on a lesson, newest first: their words and second only, never who asked. */
    async lessonQuestions(
      range: DayRange,
      ids: { courseId: string; lessonId: string },
      limit: number,
    ): Promise<QuestionRow[]> {
      return rows<QuestionRow>(
        db,
        sql`
        SELECT e.data->>'question' AS question,
               CASE WHEN jsonb_typeof(e.data->'position_seconds') = 'number'
                    THEN (e.data->>'position_seconds')::float8 END AS position_seconds,
               e.created_at AS asked_at
          FROM analytics_events e
         WHERE e.course_id = ${ids.courseId}::uuid AND e.type = 'ai_chat' AND e.lesson_id = ${ids.lessonId}::uuid
           AND ${inRange(sql`e.created_at`, range)} AND jsonb_typeof(e.data->'question') = 'string'
         ORDER BY e.created_at DESC, e.id DESC
         LIMIT ${limit}`,
      );
    },

    /** A creator's courses with all-time enrollment figures, recent activity since `activeSince`, and ratings. */
    async creatorCourses(creatorId: string, activeSince: Date): Promise<CreatorCourseRow[]> {
      return rows<CreatorCourseRow>(
        db,
        sql`
        SELECT c.id AS course_id, c.title, c.status,
               en.enrolled AS enrollments,
               act.learners AS active_learners_30d,
               round(en.completed::numeric / nullif(en.enrolled, 0), 4)::float8 AS completion_rate,
               rv.average AS rating_avg
          FROM courses c
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE ${enrollmentCompleted})::int AS completed
             FROM enrollments e WHERE e.course_id = c.id AND e.status = 'active'
         ) en
         CROSS JOIN LATERAL (
           SELECT count(DISTINCT a.user_id)::int AS learners
             FROM analytics_events a
            WHERE a.course_id = c.id AND a.created_at >= ${activeSince.toISOString()}::timestamptz
         ) act
         CROSS JOIN LATERAL (
           SELECT round(avg(r.rating), 2)::float8 AS average FROM reviews r WHERE r.course_id = c.id
         ) rv
         WHERE c.creator_id = ${creatorId}::uuid
         ORDER BY c.created_at DESC, c.id DESC`,
      );
    },
  };
}
export type AnalyticsRepo = ReturnType<typeof createAnalyticsRepo>;
