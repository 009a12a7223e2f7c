import type { Metadata } from "next";
import { RequireSession } from "@/components/require-session";
import { CourseNotes } from "@/features/learn/course-notes";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your notes", robots: { index: false } };

export default async function CourseNotesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return (
    <RequireSession>
      <CourseNotes courseId={courseId} />
    </RequireSession>
  );
}
