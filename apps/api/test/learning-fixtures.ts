import { call, type Session, type TestContext } from "./helpers.js";

/** A short but real transcript: 10 cues over 100 seconds. */
export const SAMPLE_VTT = `WEBVTT

${Array.from({ length: 10 }, (_, i) => {
  const s = (n: number) => `00:${String(Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}.000`;
  return `${s(i * 10)} --> ${s(i * 10 + 10)}\nChloroplasts capture light in cue number ${i + 1} of the mitochondria lesson.`;
}).join("\n\n")}
`;

export interface BuiltCourse {
  courseId: string;
  moduleId: string;
  videoLessonId: string;
  textLessonId: string;
}

/** Creates a course through the API: one module, a 100 s video lesson and a text lesson; published unless told. */
export async function buildCourse(
  ctx: TestContext,
  creator: Session,
  opts: { title?: string; paid?: boolean; publish?: boolean; description?: string; category?: string } = {},
): Promise<BuiltCourse> {
  const token = creator.access_token;
  const course = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: "/api/v1/courses",
    token,
    payload: {
      title: opts.title ?? "Cell Biology Basics",
      description: opts.description ?? "Organelles and what they do.",
      category: opts.category ?? "Science",
      level: "beginner",
      pricing: opts.paid ? { is_free: false, price: 19 } : { is_free: true, price: 0 },
      tags: ["biology", "cells"],
    },
  });
  if (course.status !== 201) throw new Error(`course: ${course.status} ${JSON.stringify(course.body)}`);
  const courseId = course.body.data.id;
  const mod = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/courses/${courseId}/modules`,
    token,
    payload: { title: "Organelles" },
  });
  const video = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/modules/${mod.body.data.id}/lessons`,
    token,
    payload: {
      title: "The mitochondria",
      kind: "video",
      video_url: "https://videos.example.com/lessons/mitochondria.webm",
      transcript_vtt: SAMPLE_VTT,
      is_preview: false,
    },
  });
  const text = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/modules/${mod.body.data.id}/lessons`,
    token,
    payload: {
      title: "Reading: the nucleus",
      kind: "text",
      content_md: "# The nucleus\n\nIt holds the DNA.",
      duration_seconds: 120,
    },
  });
  if (opts.publish !== false) {
    const pub = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${courseId}`,
      token,
      payload: { status: "published" },
    });
    if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
  }
  return { courseId, moduleId: mod.body.data.id, videoLessonId: video.body.data.id, textLessonId: text.body.data.id };
}

export async function enroll(ctx: TestContext, learner: Session, courseId: string) {
  return call<{ id: string; status: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/courses/${courseId}/enroll`,
    token: learner.access_token,
  });
}
