import type { Metadata } from "next";
import { LessonEditor } from "@/features/studio/components/lesson-editor";

export const metadata: Metadata = { title: "Edit lesson · Creator studio", robots: { index: false } };

export default async function LessonEditorPage({
  params,
}: {
  params: Promise<{ courseId: string; lessonId: string }>;
}) {
  const { courseId, lessonId } = await params;
  return <LessonEditor courseId={courseId} lessonId={lessonId} />;
}
