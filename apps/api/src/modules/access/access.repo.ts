import { authSessions, courses, type Executor, enrollments, lessons, users } from "@lumen/db";
import { and, type Column, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { qualified } from "../../lib/sql.js";
import { authStateColumns } from "../auth/auth-state.js";
import { courseColumnsOf, entitledSql, premiumActiveSql } from "./entitlement.repo.js";

export type CourseAccessRow = {
  id: string;
  status: "draft" | "published" | "archived";
  creatorId: string;
  isFree: boolean;
};

/** Who is reading: a signed-in user with their role, or null for a guest. */
export type Viewer = { userId: string; role: string } | null;

/**
 * THE rule for "may this viewer read this lesson's content", as SQL over a lesson id, so queries that read
 * lesson material in bulk (the tutor's retrieval) filter with exactly what `readableLesson` checks one lesson
 * at a time: admins, the course's owner, an active enrollment in a published or archived course the viewer is
 * entitled to (`entitledSql`: free, grant, purchase, Premium), or a preview lesson of a published course. Change who may read paid lessons here and in `readableLesson` together.
 */
export function readableLessonSql(lessonColumn: Column, viewer: Viewer): SQL {
  // Qualified: inside the subqueries an unqualified outer column would bind to their own tables.
  const lessonId = qualified(lessonColumn);
  if (viewer?.role === "admin") return sql`${lessonId} IS NOT NULL`;
  const preview = sql`(rl.is_preview AND rc.status = 'published')`;
  const granted = viewer
    ? sql`(${preview} OR rc.creator_id = ${viewer.userId}::uuid OR (rc.status IN ('published', 'archived') AND EXISTS (SELECT 1 FROM ${enrollments} re WHERE re.user_id = ${viewer.userId}::uuid AND re.course_id = rc.id AND re.status = 'active') AND ${entitledSql(viewer.userId, courseColumnsOf("rc"))}))`
    : preview;
  return sql`EXISTS (SELECT 1 FROM ${lessons} rl JOIN ${courses} rc ON rc.id = rl.course_id WHERE rl.id = ${lessonId} AND ${granted})`;
}

/** A course the viewer may see (its public description): published, or owned, or archived and enrolled in. */
export function visibleCourseSql(courseColumn: Column, viewer: Viewer): SQL {
  const courseId = qualified(courseColumn);
  if (viewer?.role === "admin") return sql`${courseId} IS NOT NULL`;
  const published = sql`vc.status = 'published'`;
  const granted = viewer
    ? sql`(${published} OR vc.creator_id = ${viewer.userId}::uuid OR (vc.status = 'archived' AND EXISTS (SELECT 1 FROM ${enrollments} ve WHERE ve.user_id = ${viewer.userId}::uuid AND ve.course_id = vc.id AND ve.status = 'active')))`
    : published;
  return sql`EXISTS (SELECT 1 FROM ${courses} vc WHERE vc.id = ${courseId} AND ${granted})`;
}

/** A free, published course: its lessons are open to anyone who enrolls, at no cost. */
export function freeCourseSql(courseColumn: Column): SQL {
  return sql`EXISTS (SELECT 1 FROM ${courses} fc WHERE fc.id = ${qualified(courseColumn)} AND fc.is_free AND fc.status = 'published')`;
}

/** Courses the viewer is actively enrolled in and still entitled to (a refund or lapsed Premium closes them). */
export function enrolledCourseSql(courseColumn: Column, viewer: Viewer): SQL {
  if (!viewer) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM ${enrollments} he JOIN ${courses} hc ON hc.id = he.course_id WHERE he.user_id = ${viewer.userId}::uuid AND he.course_id = ${qualified(courseColumn)} AND he.status = 'active' AND ${entitledSql(viewer.userId, courseColumnsOf("hc"))})`;
}

export function createAccessRepo(db: Executor) {
  const courseColumns = {
    id: courses.id,
    status: courses.status,
    creatorId: courses.creatorId,
    isFree: courses.isFree,
  };
  const lessonColumns = {
    id: lessons.id,
    courseId: lessons.courseId,
    moduleId: lessons.moduleId,
    kind: lessons.kind,
    isPreview: lessons.isPreview,
    durationSeconds: lessons.durationSeconds,
    title: lessons.title,
  };
  const userId = sql.placeholder("userId");
  // A guest's null user id matches no enrollment.
  const enrolledSql = sql<boolean>`exists (select 1 from ${enrollments} e where e.user_id = ${userId}::uuid and e.course_id = ${courses.id} and e.status = 'active')`;
  const lessonForQuery = db
    .select({ lesson: lessonColumns, course: courseColumns, enrolled: enrolledSql, entitled: entitledSql(userId) })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.id, sql.placeholder("lessonId")))
    .limit(1)
    .prepare("lumen_lesson_for_user");
  // The caller's session and account state (see auth-state.ts) from the same round trip as the route's own read.
  const sessionOfCaller = and(eq(authSessions.id, sql.placeholder("sessionId")), eq(authSessions.userId, userId));
  // Every progress write: the session check, the lesson, its course and the caller's enrollment and entitlement.
  const lessonForSessionQuery = db
    .select({
      state: authStateColumns,
      lesson: lessonColumns,
      course: courseColumns,
      enrolled: enrolledSql,
      entitled: entitledSql(userId),
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(lessons, eq(lessons.id, sql.placeholder("lessonId")))
    .leftJoin(courses, eq(courses.id, lessons.courseId))
    .where(sessionOfCaller)
    .limit(1)
    .prepare("lumen_lesson_for_session");
  // A signed-in reader of a cached course page: their enrollment and entitlement, in one prepared round trip.
  const viewerQuery = db
    .select({ enrollment: getTableColumns(enrollments), entitled: entitledSql(userId) })
    .from(courses)
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, userId)))
    .where(eq(courses.id, sql.placeholder("courseId")))
    .limit(1)
    .prepare("lumen_course_viewer");
  // The same with the session check folded in (a signed-in course page is then one query besides the cache).
  const sessionViewerQuery = db
    .select({ state: authStateColumns, enrollment: getTableColumns(enrollments), entitled: entitledSql(userId) })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(courses, eq(courses.id, sql.placeholder("courseId")))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.userId, userId)))
    .where(sessionOfCaller)
    .limit(1)
    .prepare("lumen_course_viewer_session");

  return {
    /** The user's enrollment in the course (any status) and whether they may open its content. */
    async viewerState(
      userId: string,
      courseId: string,
    ): Promise<{ enrollment: typeof enrollments.$inferSelect | null; entitled: boolean }> {
      const [row] = await viewerQuery.execute({ userId, courseId });
      return { enrollment: row?.enrollment ?? null, entitled: Boolean(row?.entitled) };
    },

    /**
     * `viewerState` and the caller's session state in one round trip; undefined when the session does not
     * exist. The enrollment is null (and entitled false) for a course that does not exist.
     */
    async sessionViewerState(ids: { userId: string; sessionId: string; courseId: string }) {
      const [row] = await sessionViewerQuery.execute(ids);
      return row && { state: row.state, enrollment: row.enrollment ?? null, entitled: Boolean(row.entitled) };
    },

    /** `findLessonFor` and the caller's session state in one round trip; undefined when the session does not exist. */
    async findLessonForSession(ids: { userId: string; sessionId: string; lessonId: string }) {
      const [row] = await lessonForSessionQuery.execute(ids);
      if (!row) return undefined;
      const { state, lesson, course, enrolled, entitled } = row;
      return { state, found: lesson && course ? { lesson, course, enrolled, entitled } : undefined };
    },

    async findCourse(courseId: string): Promise<CourseAccessRow | undefined> {
      const [row] = await db.select(courseColumns).from(courses).where(eq(courses.id, courseId)).limit(1);
      return row;
    },

    async findLesson(lessonId: string) {
      const [row] = await db
        .select({ lesson: lessonColumns, course: courseColumns })
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
