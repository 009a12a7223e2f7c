import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { DEMO_TRANSCRIPTS_DIR } from "../assets.js";
import type { Database } from "../client.js";
import { refreshCourseDerived, vttToText } from "../derived.js";
import { courses, enrollments, lessons, modules, progress, quizzes, users } from "../schema/index.js";
import { demoCourses } from "./content/index.js";
import type { DemoCourse } from "./content/types.js";
import { DEMO_USERS } from "./demo-users.js";

export interface SeedOptions {
  /** argon2id hasher from the API: the db package does not pick password parameters. */
  hashPassword: (password: string) => Promise<string>;
}

const DAY = 86_400_000;

/** Loads the demo accounts and catalog. Run on an empty database. */
export async function seedDemo(
  db: Database,
  options: SeedOptions,
): Promise<{ users: number; courses: number; lessons: number }> {
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    if (!hashes.has(u.password)) hashes.set(u.password, await options.hashPassword(u.password));
  }
  const ids = new Map<string, string>();
  let lessonTotal = 0;
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          passwordHash: hashes.get(u.password) as string,
          fullName: u.fullName,
          role: u.role,
          premiumStatus: u.premium,
          emailVerified: true,
          profile: u.role === "creator" ? { bio: creatorBio(u.key) } : {},
          createdAt: new Date(Date.now() - 120 * DAY),
        })
        .returning({ id: users.id });
      ids.set(u.key, row?.id as string);
    }

    const now = Date.now();
    for (const [index, course] of demoCourses.entries()) {
      const created = new Date(now - (demoCourses.length - index) * 9 * DAY);
      const lessonRows = course.modules.flatMap((m) => m.lessons);
      const [row] = await tx
        .insert(courses)
        .values({
          creatorId: ids.get(course.creator) as string,
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
          lessonCount: lessonRows.length,
          totalDurationSeconds: lessonRows.reduce((s, l) => s + l.duration_seconds, 0),
          createdAt: created,
          updatedAt: created,
          publishedAt: new Date(created.getTime() + DAY),
        })
        .returning({ id: courses.id });
      const courseId = row?.id as string;
      ids.set(`course:${course.slug}`, courseId);
      await insertOutline(tx as unknown as Database, courseId, course);
      await refreshCourseDerived(tx, courseId);
      lessonTotal += lessonRows.length;
    }

    await seedLearnerActivity(tx as unknown as Database, ids);
  });
  return { users: DEMO_USERS.length, courses: demoCourses.length, lessons: lessonTotal };
}

async function insertOutline(db: Database, courseId: string, course: DemoCourse): Promise<void> {
  for (const [mIndex, mod] of course.modules.entries()) {
    const [m] = await db
      .insert(modules)
      .values({ courseId, title: mod.title, position: mIndex })
      .returning({ id: modules.id });
    for (const [lIndex, lesson] of mod.lessons.entries()) {
      const base = {
        moduleId: m?.id as string,
        courseId,
        title: lesson.title,
        kind: lesson.kind,
        durationSeconds: lesson.duration_seconds,
        isPreview: lesson.is_preview ?? false,
        position: lIndex,
      };
      const vtt =
        lesson.kind === "video" ? readFileSync(path.join(DEMO_TRANSCRIPTS_DIR, lesson.transcript_file), "utf8") : null;
      const [inserted] = await db
        .insert(lessons)
        .values({
          ...base,
          contentMd: lesson.content_md ?? "",
          ...(lesson.kind === "video"
            ? { videoUrl: `/media/demo/${lesson.video_file}`, transcriptVtt: vtt, transcriptText: vttToText(vtt) }
            : {}),
        })
        .returning({ id: lessons.id });
      if (lesson.quiz) {
        await db.insert(quizzes).values({
          lessonId: inserted?.id as string,
          courseId,
          passMark: lesson.quiz.pass_mark ?? 70,
          questions: lesson.quiz.questions.map((q, i) => ({ id: `q${i + 1}`, ...q })),
        });
      }
    }
  }
}

/** A little history so dashboards and counters aren't empty: Sam is partway through two courses. */
async function seedLearnerActivity(db: Database, ids: Map<string, string>): Promise<void> {
  const sam = ids.get("sam") as string;
  const maya = ids.get("maya") as string;
  const catalog = demoCourses.slice(0, 3);
  for (const [i, course] of catalog.entries()) {
    const courseId = ids.get(`course:${course.slug}`) as string;
    const learners = i === 0 ? [sam, maya] : [sam];
    for (const userId of learners) {
      await db.insert(enrollments).values({ userId, courseId, lastAccessedAt: new Date(Date.now() - (i + 1) * DAY) });
    }
    await db
      .update(courses)
      .set({ enrollmentCount: sql`${courses.enrollmentCount} + ${learners.length}` })
      .where(sql`${courses.id} = ${courseId}`);
  }
  // Sam watched the first lesson of the first course to the end.
  const firstCourseId = ids.get(`course:${catalog[0]?.slug}`) as string;
  const [first] = await db
    .select({ id: lessons.id, duration: lessons.durationSeconds })
    .from(lessons)
    .where(sql`${lessons.courseId} = ${firstCourseId}`)
    .orderBy(sql`(select position from modules where modules.id = ${lessons.moduleId})`, lessons.position)
    .limit(1);
  if (first) {
    await db.insert(progress).values({
      userId: sam,
      courseId: firstCourseId,
      lessonId: first.id,
      watchPercentage: 100,
      positionSeconds: first.duration,
      watchedSegments: [[0, first.duration]],
      isCompleted: true,
      completedAt: new Date(Date.now() - DAY),
    });
    const lessonCount = catalog[0] ? catalog[0].modules.flatMap((m) => m.lessons).length : 1;
    await db
      .update(enrollments)
      .set({ completedLessons: 1, progressPercentage: Math.round((100 / lessonCount) * 100) / 100 })
      .where(sql`${enrollments.userId} = ${sam} and ${enrollments.courseId} = ${firstCourseId}`);
    await db
      .update(users)
      .set({
        stats: {
          lessons_completed: 1,
          minutes_learned: Math.round(first.duration / 60),
          current_streak_days: 1,
          best_streak_days: 3,
          last_active_date: new Date(Date.now() - DAY).toISOString().slice(0, 10),
        },
      })
      .where(sql`${users.id} = ${sam}`);
  }
}

function creatorBio(key: string): string {
  return key === "ada"
    ? "Biologist turned data scientist. Ada teaches science and maths the way she wishes she had learned them: with pictures first and formulas second."
    : "Software engineer and former startup product lead. Marcus teaches programming and product thinking through small, real projects.";
}
