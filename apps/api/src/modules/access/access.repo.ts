import { courses, type Executor, enrollments, lessons, users } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { entitledSql, premiumActiveSql } from "./entitlement.repo.js";

export type CourseAccessRow = {
  id: string;
  status: "draft" | "published" | "archived";
  creatorId: string;
  isFree: boolean;
};

export function createAccessRepo(db: Executor) {
  const courseColumns = {
    id: courses.id,
    status: courses.status,
    creatorId: courses.creatorId,
    isFree: courses.isFree,
  };
  const lessonForQuery = db
    .select({
      lesson: {
        id: lessons.id,
        courseId: lessons.courseId,
        moduleId: lessons.moduleId,
        kind: lessons.kind,
        isPreview: lessons.isPreview,
        durationSeconds: lessons.durationSeconds,
        title: lessons.title,
      },
      course: courseColumns,
      // A guest's null user id matches no enrollment.
      enrolled: sql<boolean>`exists (select 1 from ${enrollments} e where e.user_id = ${sql.placeholder("userId")}::uuid and e.course_id = ${courses.id} and e.status = 'active')`,
      entitled: entitledSql(sql.placeholder("userId")),
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, sql.placeholder("lessonId")))
    .limit(1)
    .prepare("lumen_lesson_for_user");

  return {
    async findCourse(courseId: string): Promise<CourseAccessRow | undefined> {
      const [row] = await db.select(courseColumns).from(courses).where(eq(courses.id, courseId)).limit(1);
      return row;
    },

    async findLesson(lessonId: string) {
      const [row] = await db
        .select({
          lesson: {
            id: lessons.id,
            courseId: lessons.courseId,
            moduleId: lessons.moduleId,
            kind: lessons.kind,
            isPreview: lessons.isPreview,
            durationSeconds: lessons.durationSeconds,
            title: lessons.title,
          },
          course: courseColumns,
        })
        .from(lessons)
        .innerJoin(courses, eq(courses.id, lessons.courseId))
        .where(eq(lessons.id, lessonId))
        .limit(1);
      return row;
    },

    /** The lesson, its course and whether `userId` is enrolled, in one prepared round trip (every progress write). */
    async findLessonFor(lessonId: string, userId: string | null) {
      const [row] = await lessonForQuery.execute({ lessonId, userId });
      return row;
    },

    /** Whether the user may open the course's content (free, owner, admin, grant, purchase, Premium). */
    async isEntitled(userId: string, courseId: string): Promise<boolean> {
      const [row] = await db
        .select({ entitled: entitledSql(userId) })
        .from(courses)
        .where(eq(courses.id, courseId))
        .limit(1);
      return Boolean(row?.entitled);
    },

    async hasActivePremium(userId: string): Promise<boolean> {
      const [row] = await db
        .select({ active: premiumActiveSql(userId) })
        .from(users)
        .where(eq(users.id, userId));
      return Boolean(row?.active);
    },

    async isEnrolled(userId: string, courseId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(
          and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), eq(enrollments.status, "active")),
        )
        .limit(1);
      return Boolean(row);
    },
  };
}
export type AccessRepo = ReturnType<typeof createAccessRepo>;
