import { PLAYER_MAX_SPEED, PROGRESS_SLACK_SECONDS, VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import { type Executor, enrollments, lessons, progress } from "@lumen/db";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";
import { bufferKey } from "./progress.buffer.js";

export type ProgressRow = typeof progress.$inferSelect;

const SLACK = PROGRESS_SLACK_SECONDS;
/**
 * Seconds of viewing the locked row can credit now: what was left at the previous report (at most the slack)
 * plus the player's top speed times the wall time since then. A row without a window yet starts from the slack.
 */
const availableCredit = sql`(least(${SLACK}::float8, ${progress.creditBalance}::float8)
  + ${PLAYER_MAX_SPEED}::float8 * greatest(0, extract(epoch FROM now() - coalesce(${progress.creditAt}, now())))::float8)`;

/**
 * A stored row's version: the transaction that wrote this version of it and where the version sits. Every write
 * to the row makes a new version with a new pair, so a buffer that read a row knows whether it is still the one in
 * the table (see flushBuffered).
 */
const rowVersion = (alias: string) => sql.raw(`${alias}.xmin::text || ':' || ${alias}.ctid::text`);

/** A row as stored, with its version (null when not known: the next flush merges with the table, see below). */
export interface StoredRow {
  row: ProgressRow;
  version: string | null;
}

const touchEnrollment = (userId: string, courseId: string) =>
  sql`UPDATE ${enrollments} SET last_accessed_at = now() WHERE user_id = ${userId} AND course_id = ${courseId}`;

/** A buffered progress row on its way to the table (see progress.buffer.ts). */
export interface BufferedWrite {
  userId: string;
  courseId: string;
  lessonId: string;
  positionSeconds: number;
  watchedSegments: Array<[number, number]>;
  watchPercentage: number;
  isCompleted: boolean;
  creditAt: Date | null;
  creditBalance: number;
  /** Seconds watched again since the previous flush, for lesson_rewatches. */
  rewatch: Array<[number, number]>;
  /** The latest report's time: the position and the credit window of the later of row and buffer win. */
  updatedAt: Date;
  /** The version of the stored row these values were built on; null when there was none or it is not known. */
  tableVersion: string | null;
}

export interface ProgressWrite {
  userId: string;
  courseId: string;
  lessonId: string;
  positionSeconds: number;
  segment?: [number, number] | undefined;
  /** Video length; 0 when unknown (then nothing can be credited). */
  durationSeconds: number;
  isVideo: boolean;
}

function mapRow(r: Record<string, unknown>): ProgressRow {
  const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
  return {
    id: String(r.id),
    userId: String(r.user_id),
    courseId: String(r.course_id),
    lessonId: String(r.lesson_id),
    watchPercentage: Number(r.watch_percentage),
    positionSeconds: Number(r.position_seconds),
    watchedSegments: json(r.watched_segments) as ProgressRow["watchedSegments"],
    lastRewatch: json(r.last_rewatch ?? []) as ProgressRow["lastRewatch"],
    isCompleted: Boolean(r.is_completed),
    completedAt: date(r.completed_at),
    creditAt: date(r.credit_at),
    creditBalance: Number(r.credit_balance),
    quizProgress: json(r.quiz_progress) as ProgressRow["quizProgress"],
    startedAt: date(r.started_at) as Date,
    updatedAt: date(r.updated_at) as Date,
  };
}

/** A flushed row's columns in the table's order, its segments as given, and its version. */
const returned = (segments: SQL) => sql`p.id, p.user_id, p.course_id, p.lesson_id, p.watch_percentage,
  p.position_seconds, ${segments} AS watched_segments, p.last_rewatch, p.is_completed, p.completed_at, p.credit_at,
  p.credit_balance, p.quiz_progress, p.started_at, p.updated_at, ${rowVersion("p")} AS row_version`;

/**
 * The statement of `flushBuffered`. With `merge`, every row is merged with the table's, whatever its version.
 * The merge (lumen_progress_step) is what costs: a learner who skips around has many segments to unite.
 */
async function flushStatement(
  tx: Executor,
  items: readonly BufferedWrite[],
  opts: { merge?: boolean } = {},
): Promise<StoredRow[]> {
  const batch = JSON.stringify(
    items.map((i) => ({
      user_id: i.userId,
      course_id: i.courseId,
      lesson_id: i.lessonId,
      position: i.positionSeconds,
      segments: i.watchedSegments,
      percentage: i.watchPercentage,
      completed: i.isCompleted,
      credit_at: i.creditAt?.toISOString() ?? null,
      credit_balance: i.creditBalance,
      rewatch: i.rewatch,
      at: i.updatedAt.toISOString(),
      version: opts.merge ? null : i.tableVersion,
    })),
  );
  const done = VIDEO_COMPLETE_AT_PERCENT;
  const result = (await tx.execute(sql`
    WITH b AS (
      SELECT b.* FROM jsonb_to_recordset(${batch}::jsonb) AS b(user_id uuid, course_id uuid, lesson_id uuid,
               position float8, segments jsonb, percentage float8, completed boolean, credit_at timestamptz,
               credit_balance float8, rewatch jsonb, at timestamptz, version text)
       WHERE EXISTS (SELECT 1 FROM ${lessons} l WHERE l.id = b.lesson_id AND l.course_id = b.course_id)
         AND EXISTS (SELECT 1 FROM users u WHERE u.id = b.user_id)
    ), touched AS (
      UPDATE ${enrollments} e SET last_accessed_at = greatest(e.last_accessed_at, t.at)
        FROM (SELECT user_id, course_id, max(at) AS at FROM b GROUP BY user_id, course_id) AS t
       WHERE e.user_id = t.user_id AND e.course_id = t.course_id
    ), same AS (
      UPDATE ${progress} AS p SET
        position_seconds = b.position, watched_segments = b.segments,
        watch_percentage = greatest(p.watch_percentage, b.percentage), is_completed = p.is_completed OR b.completed,
        credit_at = b.credit_at, credit_balance = b.credit_balance, updated_at = greatest(p.updated_at, b.at)
        FROM b
       WHERE p.user_id = b.user_id AND p.lesson_id = b.lesson_id AND ${rowVersion("p")} = b.version
      RETURNING ${returned(sql`NULL::jsonb`)}, b.rewatch
    ), merged AS (
      INSERT INTO ${progress} AS p (user_id, course_id, lesson_id, position_seconds, watch_percentage,
                                    watched_segments, is_completed, credit_at, credit_balance, updated_at)
      SELECT user_id, course_id, lesson_id, position, percentage, segments, completed, credit_at, credit_balance, at
        FROM b
       WHERE b.version IS NULL OR NOT EXISTS (
               SELECT 1 FROM ${progress} q
                WHERE q.user_id = b.user_id AND q.lesson_id = b.lesson_id AND ${rowVersion("q")} = b.version)
      ON CONFLICT (user_id, lesson_id) DO UPDATE SET
        (watched_segments, watch_percentage, is_completed) = (
          SELECT m.merged, greatest(p.watch_percentage, EXCLUDED.watch_percentage, m.coverage),
                 p.is_completed OR EXCLUDED.is_completed
                   OR (l.kind = 'video' AND greatest(p.watch_percentage, m.coverage) >= ${done})
            FROM ${lessons} l,
                 lumen_progress_step(p.watched_segments, EXCLUDED.watched_segments, l.duration_seconds) AS m
           WHERE l.id = EXCLUDED.lesson_id),
        position_seconds = CASE WHEN EXCLUDED.updated_at >= p.updated_at
                                THEN EXCLUDED.position_seconds ELSE p.position_seconds END,
        credit_at = CASE WHEN EXCLUDED.updated_at >= p.updated_at THEN EXCLUDED.credit_at ELSE p.credit_at END,
        credit_balance = CASE WHEN EXCLUDED.updated_at >= p.updated_at
                              THEN EXCLUDED.credit_balance ELSE p.credit_balance END,
        updated_at = greatest(p.updated_at, EXCLUDED.updated_at)
      RETURNING ${returned(sql`p.watched_segments`)}
    ), up AS (
      -- Each row with its rewatched seconds. The planner takes these CTEs for one row each: a join of all of them
      -- with b would be a nested loop, quadratic in the batch, so only the merged rows (usually none) are joined.
      SELECT * FROM same
      UNION ALL
      SELECT m.*, b.rewatch FROM merged m JOIN b ON b.user_id = m.user_id AND b.lesson_id = m.lesson_id
    ), rewatched AS (
      INSERT INTO lesson_rewatches (progress_id, course_id, lesson_id, from_seconds, to_seconds)
      SELECT up.id, up.course_id, up.lesson_id, (s->>0)::real, (s->>1)::real
        FROM up, jsonb_array_elements(up.rewatch) AS s
       WHERE up.rewatch <> '[]'::jsonb
    )
    SELECT * FROM up`)) as unknown as { rows: Array<Record<string, unknown>> };
  const byKey = new Map(items.map((i) => [bufferKey(i.userId, i.lessonId), i]));
  return result.rows.map((raw) => {
    const row = mapRow(raw);
    // A row taken as it is holds the buffer's segments: not sent back, the batch's own list is used.
    row.watchedSegments ??= byKey.get(bufferKey(row.userId, row.lessonId))?.watchedSegments ?? [];
    return { row, version: String(raw.row_version) };
  });
}

export function createProgressRepo(db: Executor) {
  return {
    ...transactions(db),
    async find(userId: string, lessonId: string, tx: Executor = db): Promise<ProgressRow | undefined> {
      const [row] = await tx
        .select()
        .from(progress)
        .where(and(eq(progress.userId, userId), eq(progress.lessonId, lessonId)))
        .limit(1);
      return row;
    },

    /** `find` with the row's version, for the write-behind buffer to build on. */
    async findStored(userId: string, lessonId: string, tx: Executor = db): Promise<StoredRow | undefined> {
      const result = (await tx.execute(sql`
        SELECT p.*, ${rowVersion("p")} AS row_version FROM ${progress} p
         WHERE p.user_id = ${userId} AND p.lesson_id = ${lessonId}`)) as unknown as {
        rows: Array<Record<string, unknown>>;
      };
      const raw = result.rows[0];
      return raw && { row: mapRow(raw), version: String(raw.row_version) };
    },

    async listForCourse(userId: string, courseId: string, tx: Executor = db): Promise<ProgressRow[]> {
      return tx
        .select()
        .from(progress)
        .where(and(eq(progress.userId, userId), eq(progress.courseId, courseId)));
    },

    /** Each lesson's duration, by id, for the course's lessons. */
    async lessonDurations(courseId: string, tx: Executor = db): Promise<Map<string, number>> {
      const rows = await tx
        .select({ id: lessons.id, d: lessons.durationSeconds })
        .from(lessons)
        .where(eq(lessons.courseId, courseId));
      return new Map(rows.map((r) => [r.id, r.d]));
    },

    /** Creates the progress row on first open; `inserted` tells a first start from a return visit. */
    async start(
      userId: string,
      courseId: string,
      lessonId: string,
      tx: Executor = db,
    ): Promise<StoredRow & { inserted: boolean }> {
      const result = (await tx.execute(sql`
        WITH touched AS (${touchEnrollment(userId, courseId)})
        INSERT INTO ${progress} (user_id, course_id, lesson_id, credit_at) VALUES (${userId}, ${courseId}, ${lessonId}, now())
        ON CONFLICT (user_id, lesson_id) DO UPDATE SET
          credit_balance = ${availableCredit},
          credit_at = now(),
          updated_at = now()
        RETURNING *, (xmax = 0) AS inserted, ${rowVersion("progress")} AS row_version`)) as unknown as {
        rows: Array<Record<string, unknown>>;
      };
      const raw = result.rows[0] as Record<string, unknown>;
      return { row: mapRow(raw), inserted: Boolean(raw.inserted), version: String(raw.row_version) };
    },

    /**
     * One atomic statement per player report: the watched segments are merged, watch_percentage is the
     * share of the video really watched (never lower than before), position is the latest, and a video
     * passing 90% is marked complete. Completion side effects are claimed separately (`claimCompletion`).
     *
     * Rewatches ride along in the same statement: the update computes, from the row it has locked, which seconds
     * of the new segment were already watched (`last_rewatch`), and a row trigger (migration 0011) appends them to
     * the append-only `lesson_rewatches` only when there are any. Computing the overlap against the locked row (not
     * a snapshot read beforehand) keeps the figures exact however many reports race; appending instead of bumping
     * per-stretch counters means no shared hot row for concurrent learners to queue on, and a first viewing writes
     * nothing more than before.
     */
    async write(w: ProgressWrite, tx: Executor = db): Promise<ProgressRow> {
      const done = VIDEO_COMPLETE_AT_PERCENT;
      // A report with a segment: the segment is first cut to the credit available (see creditAt in the schema),
      // computed from the locked row so racing reports can't each spend the same window; lumen_progress_step
      // (migration 0012) then merges it, measures the coverage and finds the rewatched seconds in one call.
      const statement =
        w.segment && w.durationSeconds > 0
          ? (() => {
              const [from, to] = w.segment;
              // Both ends to the millisecond, as stepProgress keeps them (toMillis).
              const millis = (x: SQL) => sql`floor((${x}) * 1000::float8 + 0.5::float8) / 1000::float8`;
              const credited = (budget: SQL) => millis(sql`least(${to}::float8, ${from}::float8 + ${budget})`);
              const seg = sql`jsonb_build_array(jsonb_build_array(${millis(sql`${from}::float8`)}, c.upto))`;
              return sql`
        WITH touched AS (${touchEnrollment(w.userId, w.courseId)})
        INSERT INTO ${progress} (user_id, course_id, lesson_id, position_seconds, watch_percentage, watched_segments,
                                 is_completed, credit_at, credit_balance)
        SELECT ${w.userId}, ${w.courseId}, ${w.lessonId}, ${w.positionSeconds}, s.coverage, s.merged,
               ${w.isVideo} AND s.coverage >= ${done}, now(), greatest(0::float8, c.budget - (c.upto - ${from}::float8))
          FROM (SELECT ${SLACK}::float8 AS budget, ${credited(sql`${SLACK}::float8`)} AS upto) AS c,
               lumen_progress_step('[]'::jsonb, ${seg}, ${w.durationSeconds}) AS s
        ON CONFLICT (user_id, lesson_id) DO UPDATE SET
          position_seconds = EXCLUDED.position_seconds,
          (watched_segments, last_rewatch, watch_percentage, is_completed, credit_at, credit_balance) = (
            SELECT s.merged, s.rewatch, greatest(${progress.watchPercentage}, s.coverage),
                   ${progress.isCompleted} OR (${w.isVideo} AND greatest(${progress.watchPercentage}, s.coverage) >= ${done}),
                   now(), greatest(0::float8, c.budget - (c.upto - ${from}::float8))
              FROM (SELECT b.budget, ${credited(sql`b.budget`)} AS upto
                      FROM (SELECT ${availableCredit} AS budget) AS b) AS c,
                   lumen_progress_step(${progress.watchedSegments}, ${seg}, ${w.durationSeconds}) AS s),
          updated_at = now()
        RETURNING *`;
            })()
          : // No segment (or no known length): only the position moves. A client's watch_percentage is never
            // trusted, so it neither raises the figure nor completes the video.
            sql`
        WITH touched AS (${touchEnrollment(w.userId, w.courseId)})
        INSERT INTO ${progress} (user_id, course_id, lesson_id, position_seconds, credit_at)
        VALUES (${w.userId}, ${w.courseId}, ${w.lessonId}, ${w.positionSeconds}, now())
        ON CONFLICT (user_id, lesson_id) DO UPDATE SET
          position_seconds = EXCLUDED.position_seconds,
          last_rewatch = '[]'::jsonb,
          updated_at = now()
        RETURNING *`;
      const result = (await tx.execute(statement)) as unknown as { rows: Array<Record<string, unknown>> };
      return mapRow(result.rows[0] as Record<string, unknown>);
    },

    /**
     * Writes buffered rows in one statement. A row still at the version its buffered values were built on takes them
     * as they are: the buffer applied its reports to that very row, so they already hold the merge. Any other row
     * (changed meanwhile, or never read) is merged, and the merge commutes with the table's own writes: the segments
     * are united, the percentage never drops, a completion is never undone, and the position and credit window come
     * from whichever of row and buffer is later. Rows of a lesson or learner deleted meanwhile are dropped; each
     * learner's enrollment gets its last access; rewatched seconds are appended to lesson_rewatches. Returns the rows
     * as stored, with their new versions.
     */
    async flushBuffered(items: readonly BufferedWrite[], tx: Executor = db): Promise<StoredRow[]> {
      if (items.length === 0) return [];
      const stored = await flushStatement(tx, items);
      // A row written by someone else between the statement's snapshot and its update is neither taken as is nor
      // merged by it: those few are merged now.
      const written = new Set(stored.map(({ row }) => bufferKey(row.userId, row.lessonId)));
      const missed = items.filter((i) => i.tableVersion !== null && !written.has(bufferKey(i.userId, i.lessonId)));
      if (missed.length === 0) return stored;
      return [...stored, ...(await flushStatement(tx, missed, { merge: true }))];
    },

    /** Marks a lesson complete (text lessons, or a video already past the threshold). */
    async markComplete(userId: string, courseId: string, lessonId: string, tx: Executor = db): Promise<ProgressRow> {
      const result = (await tx.execute(sql`
        WITH touched AS (${touchEnrollment(userId, courseId)})
        INSERT INTO ${progress} (user_id, course_id, lesson_id, is_completed) VALUES (${userId}, ${courseId}, ${lessonId}, true)
        ON CONFLICT (user_id, lesson_id) DO UPDATE SET is_completed = true, updated_at = now()
        RETURNING *`)) as unknown as { rows: Array<Record<string, unknown>> };
      return mapRow(result.rows[0] as Record<string, unknown>);
    },

    /**
     * Stamps completed_at once. Exactly one caller gets the row back, however many requests race, so the
     * completion is counted once.
     */
    async claimCompletion(progressId: string, tx: Executor = db): Promise<ProgressRow | undefined> {
      const [row] = await tx
        .update(progress)
        .set({ completedAt: new Date() })
        .where(and(eq(progress.id, progressId), eq(progress.isCompleted, true), sql`${progress.completedAt} IS NULL`))
        .returning();
      return row;
    },

    /** Course progress = completed lessons / lessons, recomputed from the rows (drift-free). */
    async recountEnrollment(userId: string, courseId: string, tx: Executor = db): Promise<void> {
      await tx.execute(sql`
        UPDATE ${enrollments} e SET
          completed_lessons = agg.done,
          progress_percentage = CASE WHEN agg.total = 0 THEN 0 ELSE round((100.0 * agg.done / agg.total)::numeric, 2) END,
          completed_at = CASE WHEN agg.total > 0 AND agg.done >= agg.total THEN coalesce(e.completed_at, now()) ELSE e.completed_at END,
          last_accessed_at = now(),
          updated_at = now()
        FROM (
          SELECT (SELECT count(*) FROM lessons l WHERE l.course_id = ${courseId})::int AS total,
                 (SELECT count(*) FROM ${progress} p WHERE p.user_id = ${userId} AND p.course_id = ${courseId} AND p.is_completed)::int AS done
        ) AS agg
        WHERE e.user_id = ${userId} AND e.course_id = ${courseId}`);
    },
  };
}
export type ProgressRepo = ReturnType<typeof createProgressRepo>;
