import type { Metadata } from "next";
import { CourseAnalyticsView } from "@/features/creator-analytics/components/course-analytics-view";

export const metadata: Metadata = { title: "Course analytics · Creator studio", robots: { index: false } };

// The (creator) layout admits creators and admins; the API checks the course's ownership on every call.
export default async function CourseAnalyticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return <CourseAnalyticsView courseId={courseId} />;
}
