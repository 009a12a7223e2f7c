import { courses, type Database, enrollments, lessons, modules, progress, quizAttempts, users } from "@lumen/db";
import { sql } from "drizzle-orm";

/** The signals the learning path ranks: all computed in SQL, the same on every provider. */
export function createPathRepo(db: Database) {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  return {
    /** Lessons started but not finished, most recently touched first. */
    inProgress: (userId: string) =>
      rows<{
        course_id: string;
        lesson_id: string;
        lesson_title: string;
        course_title: string;
        watch_percentage: number;
        updated_at: string;
      }>(sql`
        SELECT p.course_id, p.lesson_id, l.title AS lesson_title, c.title AS course_title, p.watch_percentage, p.updated_at
        FROM ${progress} p JOIN ${lessons} l ON l.id = p.lesson_id JOIN ${courses} c ON c.id = p.course_id
        JOIN ${enrollments} e ON e.user_id = p.user_id AND e.course_id = p.course_id AND e.status = 'active'
        WHERE p.user_id = ${userId} AND NOT p.is_completed AND (p.watch_percentage > 0 OR p.position_seconds > 0)
        ORDER BY p.updated_at DESC LIMIT 3`),

    /** Quizzes whose best attempt failed: the lesson to review, and how many questions were missed last time. */
    failedQuizzes: (userId: string) =>
      rows<{
        course_id: string;
        lesson_id: string;
        lesson_title: string;
        best_score: number;
        missed: number;
        total: number;
      }>(sql`
        SELECT DISTINCT ON (a.lesson_id) a.course_id, a.lesson_id, l.title AS lesson_title,
          (SELECT max(score) FROM ${quizAttempts} b WHERE b.user_id = a.user_id AND b.lesson_id = a.lesson_id) AS best_score,
          (SELECT count(*) FROM jsonb_array_elements(a.results) r WHERE (r->>'correct')::boolean = false)::int AS missed,
          jsonb_array_length(a.results) AS total
        FROM ${quizAttempts} a JOIN ${lessons} l ON l.id = a.lesson_id
        WHERE a.user_id = ${userId}
          AND NOT EXISTS (SELECT 1 FROM ${quizAttempts} p WHERE p.user_id = a.user_id AND p.lesson_id = a.lesson_id AND p.passed)
        ORDER BY a.lesson_id, a.created_at DESC`),

    /** The next lesson of each active course, in outline order. */
    nextLessons: (userId: string) =>
      rows<{ course_id: string; lesson_id: string; lesson_title: string; course_title: string }>(sql`
        SELECT DISTINCT ON (e.course_id) e.course_id, l.id AS lesson_id, l.title AS lesson_title, c.title AS course_title
        FROM ${enrollments} e JOIN ${courses} c ON c.id = e.course_id
        JOIN ${lessons} l ON l.course_id = e.course_id JOIN ${modules} m ON m.id = l.module_id
        LEFT JOIN ${progress} p ON p.lesson_id = l.id AND p.user_id = e.user_id
        WHERE e.user_id = ${userId} AND e.status = 'active' AND coalesce(p.is_completed, false) = false
        ORDER BY e.course_id, m.position, l.position`),

    /**
     * Published courses the learner is not in, scored: same category as a course they finished or are taking
     * (one level up scores highest), and co-enrollment by learners who share their courses.
     */
    recommendedCourses: (userId: string) =>
      rows<{
        course_id: string;
        title: string;
        category: string;
        level: string;
        taken_category: string | null;
        taken_level: string | null;
        co_learners: number;
        goal: string | null;
        score: number;
      }>(sql`
        WITH goals AS (
          -- The learner's goals as queries over a course's title, tags and category (weights A and B): any word of
          -- a goal counts ("Analyse data with SQL" → analys | data | sql).
          SELECT g.goal, regexp_replace(
              replace(plainto_tsquery('english', g.goal)::text, ' & ', ' | '), ${"'([^']+)'"}, ${"'\\1':AB"}, 'g'
            )::tsquery AS q
          FROM ${users} u, jsonb_array_elements_text(coalesce(u.profile -> 'learning_goals', '[]'::jsonb)) AS g(goal)
          WHERE u.id = ${userId} AND jsonb_typeof(coalesce(u.profile -> 'learning_goals', '[]'::jsonb)) = 'array'
        ), mine AS (
          SELECT c.id, c.category, c.level, (e.completed_at IS NOT NULL) AS done
          FROM ${enrollments} e JOIN ${courses} c ON c.id = e.course_id WHERE e.user_id = ${userId}
        ), peers AS (
          SELECT DISTINCT e.user_id FROM ${enrollments} e
          WHERE e.course_id IN (SELECT id FROM mine) AND e.user_id <> ${userId}
        ), co AS (
          SELECT e.course_id, count(*)::int AS n FROM ${enrollments} e WHERE e.user_id IN (SELECT user_id FROM peers) GROUP BY e.course_id
        ), lvl AS (SELECT * FROM (VALUES ('beginner', 0), ('intermediate', 1), ('advanced', 2)) v(level, rank))
        SELECT c.id AS course_id, c.title, c.category, c.level,
          best.category AS taken_category, best.level AS taken_level, coalesce(co.n, 0) AS co_learners, gm.goal,
          (coalesce(best.affinity, 0) + 1.5 * coalesce(co.n, 0) + least(c.enrollment_count, 50) / 50.0 + c.rating_avg / 5.0
            + CASE WHEN gm.goal IS NULL THEN 0 ELSE 5 END)::float8 AS score
        FROM ${courses} c
        LEFT JOIN co ON co.course_id = c.id
        LEFT JOIN LATERAL (
          SELECT goals.goal FROM goals WHERE numnode(goals.q) > 0 AND c.search_vector @@ goals.q LIMIT 1
        ) gm ON true
        LEFT JOIN LATERAL (
          SELECT m.category, m.level,
            (CASE WHEN lc.rank = lm.rank + 1 THEN 4 WHEN lc.rank = lm.rank THEN 3 WHEN lc.rank > lm.rank THEN 2 ELSE 1 END) + (CASE WHEN m.done THEN 1 ELSE 0 END) AS affinity
          FROM mine m JOIN lvl lm ON lm.level = m.level JOIN lvl lc ON lc.level = c.level
          WHERE lower(m.category) = lower(c.category)
          ORDER BY affinity DESC LIMIT 1
        ) best ON true
        WHERE c.status = 'published' AND c.id NOT IN (SELECT id FROM mine)
        ORDER BY score DESC, c.enrollment_count DESC, c.id
        LIMIT 4`),
  };
}
export type PathRepo = ReturnType<typeof createPathRepo>;
