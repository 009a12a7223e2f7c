import type { Metadata } from "next";
import { NewCourse } from "@/features/studio/components/new-course";

export const metadata: Metadata = { title: "New course · Creator studio", robots: { index: false } };

export default function NewCoursePage() {
  return <NewCourse />;
}
