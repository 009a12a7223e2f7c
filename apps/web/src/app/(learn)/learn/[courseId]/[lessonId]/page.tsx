import { courseDetailSchema } from "@lumen/contracts";
import type { Metadata } from "next";
import { LearningRoom } from "@/features/learn/learning-room";
import { api } from "@/lib/api-client";

interface Params {
  courseId: string;
  lessonId: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { courseId, lessonId } = await params;
  try {
    const course = await api.request(`/courses/${encodeURIComponent(courseId)}`, courseDetailSchema, {
      timeoutMs: 3000,
    });
    const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
    return {
      title: lesson ? `${lesson.title} · ${course.title}` : course.title,
      description: course.description.slice(0, 200),
      robots: { index: false },
    };
  } catch {
    return { title: "Lesson", robots: { index: false } };
  }
}

export default async function LessonPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, lessonId } = await params;
  const { t } = await searchParams;
  const start = typeof t === "string" ? Number.parseFloat(t) : Number.NaN;
  return (
    <LearningRoom
      courseId={courseId}
      lessonId={lessonId}
      startAt={Number.isFinite(start) && start >= 0 ? start : null}
    />
  );
}
