import { sql } from "drizzle-orm";
import { call, register, type Session, type TestContext, userWithRole } from "../helpers.js";

/** A word only the paid lesson contains: it must never reach anyone who may not read that lesson. */
export const PAID_MARKER = "ZEBRAFISH";

export interface TutorWorld {
  creator: Session;
  paidCourseId: string;
  previewLessonId: string;
  paidLessonId: string;
  freeCourseId: string;
  freeLessonId: string;
  quizLessonId: string;
}

async function post<T>(ctx: TestContext, who: Session, url: string, payload: object): Promise<T> {
  const res = await call<T>(ctx.app, { method: "POST", url: `/api/v1${url}`, token: who.access_token, payload });
  if (res.status !== 201 && res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
}

async function courseWith(
  ctx: TestContext,
  creator: Session,
  title: string,
  paid: boolean,
  lessons: Array<{ title: string; content_md: string; is_preview?: boolean }>,
) {
  const course = await post<{ id: string }>(ctx, creator, "/courses", {
    title,
    description: `${title}: a short course for the tutor's access tests.`,
    category: "Science",
    level: "beginner",
    pricing: paid ? { is_free: false, price: 29 } : { is_free: true, price: 0 },
  });
  const mod = await post<{ id: string }>(ctx, creator, `/courses/${course.id}/modules`, { title: "Module one" });
  const ids: string[] = [];
  for (const lesson of lessons) {
    const made = await post<{ id: string }>(ctx, creator, `/modules/${mod.id}/lessons`, {
      kind: "text",
      duration_seconds: 120,
      ...lesson,
    });
    ids.push(made.id);
  }
  const pub = await call(ctx.app, {
    method: "PUT",
    url: `/api/v1/courses/${course.id}`,
    token: creator.access_token,
    payload: { status: "published" },
  });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status}`);
  return { courseId: course.id, lessonIds: ids };
}

/**
 * A paid astronomy course (one preview lesson, one paid lesson whose answer carries PAID_MARKER, one lesson
 * with a quiz) and a free course on comets, built through the API by a creator.
 */
export async function buildTutorWorld(ctx: TestContext): Promise<TutorWorld> {
  const creator = await userWithRole(ctx, "astro-creator@example.com", "creator");
  const paid = await courseWith(ctx, creator, "Quasars and Black Holes", true, [
    {
      title: "Preview: what a quasar is",
      content_md:
        "# What a quasar is\n\nA quasar is the very bright centre of a distant galaxy. Astronomers first saw quasars as points of radio light.",
      is_preview: true,
    },
    {
      title: "Why quasars shine",
      content_md: `# Why quasars shine\n\nQuasars shine because gas spirals into the ${PAID_MARKER} black hole at the centre and heats up as it falls. The hot disc of falling gas is called an accretion disc.`,
    },
    {
      title: "Measuring quasar distance",
      content_md:
        "# Redshift\n\nThe distance of a quasar is measured with its redshift. A larger redshift means the quasar is farther away and its light is older.",
    },
  ]);
  const free = await courseWith(ctx, creator, "Comets for Everyone", false, [
    {
      title: "What comets are made of",
      content_md:
        "# Comets\n\nComets are made of ice, dust and rock. When a comet comes close to the Sun, the ice turns to gas and forms a glowing tail.",
    },
  ]);
  await ctx.app.ai.indexAll();
  const [previewLessonId, paidLessonId, quizLessonId] = paid.lessonIds as [string, string, string];
  return {
    creator,
    paidCourseId: paid.courseId,
    previewLessonId,
    paidLessonId,
    quizLessonId,
    freeCourseId: free.courseId,
    freeLessonId: free.lessonIds[0] as string,
  };
}

/**
 * An active enrollment written directly, with an admin grant that entitles the learner to a paid course: how a
 * learner paid (checkout, Premium) is not what these tests are about.
 */
export async function enrollDirectly(ctx: TestContext, learner: Session, courseId: string) {
  await ctx.database.db.execute(
    sql`insert into enrollments (user_id, course_id, status) values (${learner.user.id}, ${courseId}, 'active')`,
  );
  await ctx.database.db.execute(
    sql`insert into course_grants (user_id, course_id) values (${learner.user.id}, ${courseId}) on conflict do nothing`,
  );
}

export async function learner(ctx: TestContext, email: string): Promise<Session> {
  return register(ctx.app, email);
}

export type ChatReply = {
  answer: string;
  citations: Array<{ lesson_id: string; title: string; start_seconds?: number; excerpt: string }>;
  conversation_id: string;
  cached: boolean;
  provider: string;
  grounded: boolean;
};

export function askTutor(ctx: TestContext, who: Session, payload: object) {
  return call<ChatReply>(ctx.app, { method: "POST", url: "/api/v1/ai/chat", token: who.access_token, payload });
}
