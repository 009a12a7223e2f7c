import { type Envelope, request, waitFor } from "./http.js";
import type { TestDatabase } from "./processes.js";

export const PASSWORD = "Correct-Horse-Battery-9";

export interface Session {
  access_token: string;
  user: { id: string; email: string };
}

async function ok<T>(what: string, res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as Envelope<T>).data;
}

/** Registers through `base` (an instance or nginx) and, with `role`, promotes in the database and signs in again. */
export async function signUp(
  base: string,
  db: TestDatabase,
  email: string,
  opts: { role?: "creator" | "admin"; from: string },
): Promise<Session> {
  const session = await ok<Session>(
    "register",
    request(`${base}/api/v1/auth/register`, {
      body: { email, password: PASSWORD, full_name: "Cluster Test" },
      from: opts.from,
    }),
  );
  if (!opts.role) return session;
  await db.query("update users set role = $1 where id = $2", [opts.role, session.user.id]);
  return ok<Session>(
    "login",
    request(`${base}/api/v1/auth/login`, { body: { email, password: PASSWORD }, from: opts.from }),
  );
}

export interface CourseWorld {
  creator: Session;
  learner: Session;
  courseId: string;
  lessonId: string;
}

/**
 * A published free course with one text lesson about comets, built through the API by a creator, and a learner
 * enrolled in it (written directly: how a learner enrolls is not what these tests are about). Waits until the
 * lesson is indexed for the tutor (a background job run by one of the instances).
 */
export async function buildCourseWorld(base: string, db: TestDatabase, from: string): Promise<CourseWorld> {
  const creator = await signUp(base, db, "creator@cluster.test", { role: "creator", from });
  const learner = await signUp(base, db, "learner@cluster.test", { from });
  const post = <T>(url: string, body: object) =>
    ok<T>(url, request(`${base}/api/v1${url}`, { body, token: creator.access_token, from }));
  const course = await post<{ id: string }>("/courses", {
    title: "Comets for Everyone",
    description: "Comets for Everyone: what comets are made of and why they have tails.",
    category: "Science",
    level: "beginner",
    pricing: { is_free: true, price: 0 },
  });
  const mod = await post<{ id: string }>(`/courses/${course.id}/modules`, { title: "Module one" });
  const lesson = await post<{ id: string }>(`/modules/${mod.id}/lessons`, {
    kind: "text",
    title: "What comets are made of",
    duration_seconds: 120,
    content_md:
      "# Comets\n\nComets are made of ice, dust and rock. When a comet comes close to the Sun, the ice turns to gas and forms a glowing tail.",
  });
  await ok(
    "publish",
    request(`${base}/api/v1/courses/${course.id}`, {
      method: "PUT",
      body: { status: "published" },
      token: creator.access_token,
      from,
    }),
  );
  await db.query("insert into enrollments (user_id, course_id, status) values ($1, $2, 'active')", [
    learner.user.id,
    course.id,
  ]);
  await waitFor(
    "the lesson to be indexed for the tutor",
    async () => (await db.query("select 1 from content_chunks where lesson_id = $1", [lesson.id])).length > 0,
    30_000,
  );
  return { creator, learner, courseId: course.id, lessonId: lesson.id };
}

/** Distinct client addresses (127.0.0.0/8 is all loopback): each caller gets rate-limit windows of its own. */
export function addresses(subnet: number) {
  let n = 0;
  return () => {
    n++;
    return `127.${subnet}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  };
}
