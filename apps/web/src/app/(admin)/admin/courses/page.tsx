import type { Metadata } from "next";
import { parseCourseFilters } from "@/features/admin/admin-params";
import { CoursesView } from "@/features/admin/components/courses/courses-view";

export const metadata: Metadata = { title: "Courses" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminCoursesPage({ searchParams }: { searchParams: SearchParams }) {
  return <CoursesView filters={parseCourseFilters(await searchParams)} />;
}
