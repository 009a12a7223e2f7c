import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LearningRoom } from "@/features/learn/learning-room";
import { lookUpLesson } from "@/features/learn/lesson-lookup";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

interface Params {
  courseId: string;
  lessonId: string;
}

/** One look-up per request, shared by the metadata and the page. */
const lookUp = cache(lookUpLesson);

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { courseId, lessonId } = await params;
  const found = await lookUp(courseId, lessonId).catch(() => null);
  if (found?.kind !== "found" || !found.course) return { title: "Lesson", robots: { index: false } };
  const { course } = found;
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  return {
    title: lesson ? `${lesson.title} · ${course.title}` : course.title,
    description: course.description.slice(0, 200),
    robots: { index: false },
  };
}

export default async function LessonPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, lessonId } = await params;
  // Decided before anything streams, so a link to nothing answers 404 rather than a 200 page saying so.
  if ((await lookUp(courseId, lessonId)).kind === "missing") notFound();
  const { t, p } = await searchParams;
  const start = typeof t === "string" ? Number.parseFloat(t) : Number.NaN;
  const paragraph = typeof p === "string" && /^\d{1,5}$/.test(p) ? Number(p) : null;
  return (
    <LearningRoom
      courseId={courseId}
      lessonId={lessonId}
      startAt={Number.isFinite(start) && start >= 0 ? start : null}
      startParagraph={paragraph}
    />
  );
}
