import type { Metadata } from "next";
import { CourseEditor } from "@/features/studio/components/course-editor";

export const metadata: Metadata = { title: "Edit course · Creator studio", robots: { index: false } };

export default async function CourseEditorPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return <CourseEditor courseId={courseId} />;
}
