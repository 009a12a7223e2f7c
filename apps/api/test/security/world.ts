import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_MEDIA_DIR } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { AppConfig } from "../../src/config.js";
import { type TestApp, withApp } from "../fixtures/app.js";
import { call, type Session, type TestContext } from "../helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "../learning-fixtures.js";

/**
 * The cast of the security suite, built once per file: two creators (the owner and an intruder), a learner enrolled
 * in the owner's course, an outsider, an admin, and their courses. Each attack runs against this world and then
 * checks that the world did not change.
 */
export interface World {
  ctx: TestApp;
  owner: Session;
  intruder: Session;
  learner: Session;
  outsider: Session;
  admin: Session;
  /** The owner's published free course; the learner is enrolled. */
  course: BuiltCourse;
  /** The owner's paid published course; nobody is enrolled. */
  paid: BuiltCourse;
  /** The owner's draft. */
  draft: BuiltCourse;
  /** The intruder's own published course. */
  intruderCourse: BuiltCourse;
}

export const QUIZ_QUESTIONS = [
  {
    id: "capital",
    type: "single_choice",
    question: "Which city is the capital of France?",
    options: ["Lyon", "Paris", "Nice"],
    correct_index: 1,
    explanation: "SECRET-EXPLANATION-1",
  },
  { id: "alps", type: "true_false", question: "Mont Blanc lies in the Alps.", correct: true, explanation: "SECRET-2" },
  {
    id: "ocean",
    type: "short_answer",
    question: "Name the ocean west of France.",
    accepted_answers: ["Atlantic Ocean"],
    explanation: "SECRET-EXPLANATION-3",
  },
];

/** A real narrated WebM from the demo catalog. */
export const WEBM = readFileSync(path.join(DEMO_MEDIA_DIR, "linear-algebra-vectors.webm"));

export async function buildWorld(config: Partial<AppConfig> = {}): Promise<World> {
  const ctx = await withApp({ config });
  const owner = await ctx.people.creator("owner@example.com");
  const intruder = await ctx.people.creator("intruder@example.com");
  const admin = await ctx.people.admin();
  const learner = await ctx.people.learner("learner@example.com");
  const outsider = await ctx.people.learner("outsider@example.com");
  await ctx.people.verify(owner, intruder, admin, learner, outsider);
  const course = await buildCourse(ctx, owner, { title: "Owner's free course" });
  const paid = await buildCourse(ctx, owner, { title: "Owner's paid course", paid: true });
  const draft = await buildCourse(ctx, owner, { title: "Owner's draft", publish: false });
  const intruderCourse = await buildCourse(ctx, intruder, { title: "Intruder's course" });
  const enrolled = await enroll(ctx, learner, course.courseId);
  if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status}`);
  const quiz = await call(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${course.textLessonId}/quiz`,
    token: owner.access_token,
    payload: { pass_mark: 70, questions: QUIZ_QUESTIONS },
  });
  if (quiz.status !== 200) throw new Error(`quiz: ${quiz.status} ${JSON.stringify(quiz.body)}`);
  return { ctx, owner, intruder, learner, outsider, admin, course, paid, draft, intruderCourse };
}

/**
 * A fingerprint of everything an attack could change: each table's row count and a hash of its rows (timestamps
 * of reads such as last_accessed_at excluded). Compared before and after a refused request.
 */
export async function snapshot(ctx: TestContext): Promise<Record<string, string>> {
  const tables = [
    "users",
    "courses",
    "modules",
    "lessons",
    "quizzes",
    "quiz_attempts",
    "enrollments",
    "progress",
    "reviews",
    "media_assets",
    "course_grants",
    "refresh_tokens",
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const result = (await ctx.database.db.execute(
      sql.raw(
        `select count(*)::int as n, coalesce(md5(string_agg(md5((to_jsonb(t) - 'last_accessed_at' - 'last_login_at' - 'last_used_at')::text), ',' order by md5((to_jsonb(t) - 'last_accessed_at' - 'last_login_at' - 'last_used_at')::text))), '') as h from ${table} t`,
      ),
    )) as unknown as { rows: Array<{ n: number; h: string }> };
    const row = result.rows[0];
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}

export { call, type Session };
