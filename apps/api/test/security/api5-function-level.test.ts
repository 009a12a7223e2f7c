// OWASP API5:2023 Broken Function Level Authorization: creator and admin functions called by the wrong role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, call, snapshot, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.ctx.close());

type Who = "learner" | "intruder" | "guest";
type Req = { method: "GET" | "POST" | "PUT" | "DELETE"; url: string; payload?: object };
const newCourse = {
  title: "Sneaky",
  description: "x",
  category: "Science",
  level: "beginner",
  pricing: { is_free: true, price: 0 },
};

const ADMIN_ONLY: Array<[string, (w: World) => Req]> = [
  ["list users", () => ({ method: "GET", url: "/admin/users" })],
  ["promote a user", (w) => ({ method: "PUT", url: `/admin/users/${w.learner.user.id}`, payload: { role: "admin" } })],
  [
    "grant premium",
    (w) => ({ method: "PUT", url: `/admin/users/${w.learner.user.id}`, payload: { premium_status: true } }),
  ],
  [
    "disable an account",
    (w) => ({ method: "PUT", url: `/admin/users/${w.owner.user.id}`, payload: { disabled: true } }),
  ],
  ["read security events", () => ({ method: "GET", url: "/admin/security-events" })],
  ["list courses for moderation", () => ({ method: "GET", url: "/admin/courses" })],
  [
    "take a course down",
    (w) => ({ method: "PUT", url: `/admin/courses/${w.course.courseId}`, payload: { status: "archived" } }),
  ],
  [
    "grant a paid course",
    (w) => ({
      method: "POST",
      url: `/admin/courses/${w.paid.courseId}/grants`,
      payload: { user_id: w.learner.user.id },
    }),
  ],
  ["read platform analytics", () => ({ method: "GET", url: "/analytics/platform" })],
  ["read platform AI usage", () => ({ method: "GET", url: "/ai/usage/platform" })],
];
const CREATOR_ONLY: Array<[string, (w: World) => Req]> = [
  ["create a course", () => ({ method: "POST", url: "/courses", payload: newCourse })],
  ["read creator analytics", () => ({ method: "GET", url: "/analytics/creator" })],
];

const cases: Array<[string, Who, (w: World) => Req, number, string]> = [
  ...ADMIN_ONLY.map(
    ([n, r]) =>
      [`${n} as a learner`, "learner", r, 403, "FORBIDDEN"] as [string, Who, (w: World) => Req, number, string],
  ),
  ...ADMIN_ONLY.map(
    ([n, r]) =>
      [`${n} as a creator`, "intruder", r, 403, "FORBIDDEN"] as [string, Who, (w: World) => Req, number, string],
  ),
  ...ADMIN_ONLY.map(
    ([n, r]) =>
      [`${n} as a guest`, "guest", r, 401, "UNAUTHORIZED"] as [string, Who, (w: World) => Req, number, string],
  ),
  ...CREATOR_ONLY.map(
    ([n, r]) =>
      [`${n} as a learner`, "learner", r, 403, "FORBIDDEN"] as [string, Who, (w: World) => Req, number, string],
  ),
  ...CREATOR_ONLY.map(
    ([n, r]) =>
      [`${n} as a guest`, "guest", r, 401, "UNAUTHORIZED"] as [string, Who, (w: World) => Req, number, string],
  ),
  [
    "ask the tutor as a guest",
    "guest",
    (w) => ({ method: "POST", url: "/ai/chat", payload: { message: "hi", course_id: w.course.courseId } }),
    401,
    "UNAUTHORIZED",
  ],
  [
    "generate a quiz with AI as a guest",
    "guest",
    (w) => ({
      method: "POST",
      url: "/ai/quiz-generate",
      payload: { lesson_id: w.course.textLessonId, num_questions: 2, difficulty: "easy" },
    }),
    401,
    "UNAUTHORIZED",
  ],
  ["upload media as a guest", "guest", () => ({ method: "POST", url: "/media" }), 401, "UNAUTHORIZED"],
  [
    "read my courses in the studio as a learner",
    "learner",
    () => ({ method: "GET", url: "/courses/mine" }),
    403,
    "FORBIDDEN",
  ],
];

describe("API5 functions of another role", () => {
  it.each(cases)("refuses to %s", async (_n, who, req, status, code) => {
    const before = await snapshot(w.ctx);
    const r = req(w);
    const res = await call(w.ctx.app, {
      method: r.method,
      url: `/api/v1${r.url}`,
      ...(who === "guest" ? {} : { token: w[who].access_token }),
      ...(r.payload ? { payload: r.payload } : {}),
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});
