import type { Metadata } from "next";
import { RequireSession } from "@/components/require-session";
import { CourseNotes } from "@/features/learn/course-notes";

export const metadata: Metadata = { title: "Your notes", robots: { index: false } };

export default async function CourseNotesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return (
    <RequireSession>
      <CourseNotes courseId={courseId} />
    </RequireSession>
  );
}
