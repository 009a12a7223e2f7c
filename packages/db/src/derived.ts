import { webVttText } from "@lumen/contracts";
import { sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { courses, lessons } from "./schema/index.js";

/** Plain spoken text of a WebVTT transcript, stored beside it for search. */
export const vttToText = webVttText;

/**
 * Recomputes what derives from a course's lessons: lesson count, total duration and the weighted search
 * document (A title, B tags and category, C subtitle and description, D lesson titles and transcripts).
 * One statement; called after any change to the course or one of its lessons.
 */
export async function refreshCourseDerived(db: Executor, courseId: string): Promise<void> {
  await db.execute(sql`
    UPDATE ${courses} SET
      lesson_count = agg.n,
      total_duration_seconds = agg.total,
      search_vector =
        setweight(to_tsvector('english', ${courses.title}), 'A') ||
        setweight(to_tsvector('english', ${courses.category} || ' ' || array_to_string(${courses.tags}, ' ')), 'B') ||
        setweight(to_tsvector('english', ${courses.subtitle} || ' ' || ${courses.description}), 'C') ||
        setweight(to_tsvector('english', agg.lesson_text), 'D')
    FROM (
      SELECT count(l.id)::int AS n, coalesce(sum(l.duration_seconds), 0)::int AS total,
             coalesce(string_agg(l.title || ' ' || l.transcript_text, ' '), '') AS lesson_text
      FROM ${lessons} l WHERE l.course_id = ${courseId}
    ) AS agg
    WHERE ${courses.id} = ${courseId}`);
}
