import { AppError, forbidden, notFound, unauthorized } from "../../lib/errors.js";
import { createViewerCache, type ViewerCache } from "../../lib/viewer-cache.js";
import type { AuthContext } from "../auth/auth.service.js";
import { authContextOf } from "../auth/auth-state.js";
import type { AccessClaims } from "../auth/tokens.js";
import type { AccessRepo, CourseAccessRow } from "./access.repo.js";

export type LessonContext = NonNullable<Awaited<ReturnType<AccessRepo["findLesson"]>>>;

/**
 * Who may see and change what. Drafts are invisible (404) to everyone but their owner and admins; archived
 * courses stay readable by the learners enrolled in them; lesson content needs an enrollment, ownership,
 * an admin, or a preview lesson of a published course. A paid course's content also needs an entitlement
 * (owner, admin, grant, purchase or active Premium: `entitledSql`, the one rule): a refunded purchase or a
 * lapsed Premium closes the course again while the enrollment and its progress are kept.
 */
export function createAccessService(repo: AccessRepo, opts: { viewerCache?: ViewerCache | null } = {}) {
  // Without a viewer cache every read goes to the database (a cache with no time to live passes reads through).
  const viewerCache = opts.viewerCache ?? createViewerCache({ ttlMs: 0 });
  const canManage = (auth: AuthContext | null, course: Pick<CourseAccessRow, "creatorId">) =>
    Boolean(auth && (auth.role === "admin" || auth.userId === course.creatorId));

  /** Visibility when the caller's enrollment is already known. */
  const visibleTo = (auth: AuthContext | null, course: CourseAccessRow, enrolled: boolean) =>
    course.status === "published" || canManage(auth, course) || (course.status === "archived" && enrolled);

  async function canSeeCourse(auth: AuthContext | null, course: CourseAccessRow): Promise<boolean> {
    if (course.status === "published" || canManage(auth, course)) return true;
    return course.status === "archived" && auth !== null && (await repo.isEnrolled(auth.userId, course.id));
  }

  const paymentRequired = (courseId: string) =>
    new AppError("PAYMENT_REQUIRED", "This is a paid course: buy it or get Premium to open it", {
      course_id: courseId,
    });

  /** A lesson's context for progress and quizzes: enrolled (and entitled) learners only. */
  function enrolledOnly(auth: AuthContext, found: Awaited<ReturnType<AccessRepo["findLessonFor"]>>): LessonContext {
    if (!found) throw notFound("Lesson");
    const { enrolled, entitled, ...ctx } = found;
    if (!visibleTo(auth, ctx.course, enrolled)) throw notFound("Lesson");
    if (!enrolled) {
      throw new AppError("FORBIDDEN", "Enroll in the course first: progress and quizzes are for enrolled learners");
    }
    if (!entitled) throw paymentRequired(ctx.course.id);
    return ctx;
  }

  return {
    canManage,

    /** Whether the caller may open a course's content (free, owner, admin, grant, purchase, Premium). */
    async entitledTo(auth: AuthContext, course: CourseAccessRow): Promise<boolean> {
      return course.isFree || canManage(auth, course) || (await repo.isEntitled(auth.userId, course.id));
    },

    /** The same rule for a user id (billing: does a refund leave the course open through Premium or a grant?). */
    userEntitled: (userId: string, courseId: string) => repo.isEntitled(userId, courseId),

    /** A signed-in reader's enrollment in a course and their entitlement to its content, in one query. */
    viewerState: (userId: string, courseId: string) => repo.viewerState(userId, courseId),

    /**
     * `viewerState` for a caller whose session is not checked yet (a `sessionInHandler` route): the session check
     * rides in the same query, and the checked caller comes back with it (a 401 when the session is over).
     */
    async sessionViewerState(claims: AccessClaims, courseId: string) {
      const ids = { userId: claims.sub, sessionId: claims.sid, courseId };
      // Served from the viewer cache while it holds this session's answer for this course (see viewer-cache.ts):
      // the state is checked below against the claims and the clock on every request, cached or not.
      const row = await viewerCache.read(
        { userId: ids.userId, courseId },
        `course-viewer:${ids.userId}:${ids.sessionId}:${courseId}`,
        () => repo.sessionViewerState(ids),
      );
      const auth = authContextOf(claims, row?.state);
      return { auth, enrollment: row?.enrollment ?? null, entitled: row?.entitled ?? false };
    },

    /** Premium that currently opens paid courses (active/trialing, or paid up to a period end still ahead). */
    hasActivePremium: (userId: string) => repo.hasActivePremium(userId),

    /** The course if the caller may see it; 404 otherwise (a draft's existence is not revealed). */
    async visibleCourse(auth: AuthContext | null, courseId: string): Promise<CourseAccessRow> {
      const course = await repo.findCourse(courseId);
      if (!course || !(await canSeeCourse(auth, course))) throw notFound("Course");
      return course;
    },

    /** The course if the caller owns it or is an admin. */
    async managedCourse(auth: AuthContext | null, courseId: string): Promise<CourseAccessRow> {
      const course = await repo.findCourse(courseId);
      if (!course || !(await canSeeCourse(auth, course))) throw notFound("Course");
      if (!canManage(auth, course)) throw forbidden("Only the course's creator or an admin can manage it");
      return course;
    },

    async managedLesson(auth: AuthContext | null, lessonId: string): Promise<LessonContext> {
      const ctx = await repo.findLesson(lessonId);
      if (!ctx || !(await canSeeCourse(auth, ctx.course))) throw notFound("Lesson");
      if (!canManage(auth, ctx.course)) throw forbidden("Only the course's creator or an admin can manage it");
      return ctx;
    },

    /** Lesson content (markdown, video, transcript, quiz): enrolled learners, owner, admins, or previews. */
    async readableLesson(auth: AuthContext | null, lessonId: string): Promise<LessonContext & { enrolled: boolean }> {
      const found = await repo.findLessonFor(lessonId, auth?.userId ?? null);
      if (!found) throw notFound("Lesson");
      const { enrolled, entitled, ...ctx } = found;
      if (!visibleTo(auth, ctx.course, enrolled)) throw notFound("Lesson");
      if ((enrolled && entitled) || canManage(auth, ctx.course)) return { ...ctx, enrolled };
      if (ctx.lesson.isPreview && ctx.course.status === "published") return { ...ctx, enrolled };
      if (!auth) throw unauthorized("Sign in and enroll to open this lesson");
      if (enrolled) throw paymentRequired(ctx.course.id);
      throw forbidden("Enroll in the course to open this lesson");
    },

    /** The course, if the caller is enrolled in it (403 otherwise). */
    async enrolledCourse(auth: AuthContext | null, courseId: string): Promise<CourseAccessRow> {
      if (!auth) throw unauthorized();
      const course = await repo.findCourse(courseId);
      if (!course || !(await canSeeCourse(auth, course))) throw notFound("Course");
      if (!(await repo.isEnrolled(auth.userId, courseId))) throw forbidden("You are not enrolled in this course");
      if (!course.isFree && !canManage(auth, course) && !(await repo.isEntitled(auth.userId, courseId))) {
        throw paymentRequired(courseId);
      }
      return course;
    },

    /** Progress and quiz attempts belong to enrolled learners only. */
    async enrolledLesson(auth: AuthContext | null, lessonId: string): Promise<LessonContext> {
      if (!auth) throw unauthorized();
      return enrolledOnly(auth, await repo.findLessonFor(lessonId, auth.userId));
    },

    /** `enrolledLesson` for a caller whose session is not checked yet: both checks in one query. */
    async enrolledLessonForSession(claims: AccessClaims, lessonId: string) {
      const ids = { userId: claims.sub, sessionId: claims.sid, lessonId };
      // Cached like the course page's answer; a lesson that was not found is asked again every time.
      const row = await viewerCache.read(
        { userId: ids.userId, courseId: (r) => r?.found?.course.id },
        `lesson-viewer:${ids.userId}:${ids.sessionId}:${lessonId}`,
        () => repo.findLessonForSession(ids),
      );
      const auth = authContextOf(claims, row?.state);
      return { auth, ctx: enrolledOnly(auth, row?.found) };
    },
  };
}
export type AccessService = ReturnType<typeof createAccessService>;
