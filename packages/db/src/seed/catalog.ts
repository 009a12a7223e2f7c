import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_TRANSCRIPTS_DIR } from "../assets.js";
import { vttToText } from "../derived.js";
import type { courses, lessons, modules, QuizQuestionRow, quizzes } from "../schema/index.js";
import { demoCourses } from "./content/index.js";
import type { DemoCourse } from "./content/types.js";
import type { CatalogCourse, CatalogLesson } from "./history/plan.js";

const DAY = 86_400_000;

export interface CatalogRows {
  courses: Array<typeof courses.$inferInsert & { id: string }>;
  modules: Array<typeof modules.$inferInsert>;
  lessons: Array<typeof lessons.$inferInsert>;
  quizzes: Array<typeof quizzes.$inferInsert>;
  /** The same catalog by course, lessons in order, for the learning history. */
  index: CatalogCourse[];
}

/**
 * The demo catalog as rows, ids chosen here so the whole seed can be planned before a single insert and written in a
 * few multi-row statements. Courses were created nine days apart, the last one nine days ago, published a day later.
 */
export function buildCatalog(creatorIds: ReadonlyMap<string, string>, now: number): CatalogRows {
  const rows: CatalogRows = { courses: [], modules: [], lessons: [], quizzes: [], index: [] };
  for (const [index, course] of demoCourses.entries()) {
    const created = new Date(now - (demoCourses.length - index) * 9 * DAY);
    const courseId = randomUUID();
    const flat = course.modules.flatMap((m) => m.lessons);
    rows.courses.push({
      id: courseId,
      creatorId: creatorIds.get(course.creator) as string,
      slug: course.slug,
      title: course.title,
      subtitle: course.subtitle,
      description: course.description,
      category: course.category,
      level: course.level,
      isFree: course.pricing.is_free,
      price: course.pricing.is_free ? 0 : course.pricing.price,
      status: "published",
      tags: course.tags,
      outcomes: course.outcomes,
      thumbnailUrl: course.thumbnail_file ? `/media/demo/${course.thumbnail_file}` : null,
      lessonCount: flat.length,
      totalDurationSeconds: flat.reduce((s, l) => s + l.duration_seconds, 0),
      createdAt: created,
      updatedAt: created,
      publishedAt: new Date(created.getTime() + DAY),
    });
    rows.index.push({
      id: courseId,
      slug: course.slug,
      category: course.category,
      isFree: course.pricing.is_free,
      publishedAt: created.getTime() + DAY,
      lessons: addOutline(rows, courseId, course),
    });
  }
  return rows;
}

function addOutline(rows: CatalogRows, courseId: string, course: DemoCourse): CatalogLesson[] {
  const outline: CatalogLesson[] = [];
  for (const [mIndex, mod] of course.modules.entries()) {
    const moduleId = randomUUID();
    rows.modules.push({ id: moduleId, courseId, title: mod.title, position: mIndex });
    for (const [lIndex, lesson] of mod.lessons.entries()) {
      const lessonId = randomUUID();
      const vtt =
        lesson.kind === "video" ? readFileSync(path.join(DEMO_TRANSCRIPTS_DIR, lesson.transcript_file), "utf8") : null;
      rows.lessons.push({
        id: lessonId,
        moduleId,
        courseId,
        title: lesson.title,
        kind: lesson.kind,
        durationSeconds: lesson.duration_seconds,
        isPreview: lesson.is_preview ?? false,
        position: lIndex,
        contentMd: lesson.content_md ?? "",
        ...(lesson.kind === "video"
          ? { videoUrl: `/media/demo/${lesson.video_file}`, transcriptVtt: vtt, transcriptText: vttToText(vtt) }
          : {}),
      });
      let quiz: CatalogLesson["quiz"] = null;
      if (lesson.quiz) {
        const questions = lesson.quiz.questions.map((q, i) => ({ id: `q${i + 1}`, ...q })) as QuizQuestionRow[];
        quiz = { id: randomUUID(), passMark: lesson.quiz.pass_mark ?? 70, questions };
        rows.quizzes.push({ id: quiz.id, lessonId, courseId, passMark: quiz.passMark, questions });
      }
      outline.push({
        id: lessonId,
        key: `${course.slug}/${outline.length + 1}`,
        title: lesson.title,
        kind: lesson.kind,
        durationSeconds: lesson.duration_seconds,
        quiz,
        questions:
          lesson.kind === "video"
            ? (lesson.learner_questions ?? []).map((q) => ({ question: q.question, atSeconds: q.at_seconds }))
            : (lesson.learner_questions ?? []).map((q) => ({ question: q.question, atSeconds: null })),
        hotspots:
          lesson.kind === "video" ? (lesson.rewatch_hotspots ?? []).map((h) => ({ ...h, weight: h.weight ?? 1 })) : [],
      });
    }
  }
  return outline;
}
