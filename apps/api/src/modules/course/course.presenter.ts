import type { CourseDetail, CourseSummary, Enrollment, StudioCourse } from "@lumen/contracts";
import type { CourseRepo, CourseSummaryRow, StudioCourseRow } from "./course.repo.js";

export function presentCourseSummary({ course: c, creatorName }: CourseSummaryRow): CourseSummary {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    description: c.description,
    category: c.category,
    level: c.level,
    pricing: { is_free: c.isFree, price: c.isFree ? 0 : Number(c.price) },
    tags: c.tags,
    thumbnail_url: c.thumbnailUrl,
    status: c.status,
    creator: { id: c.creatorId, full_name: creatorName },
    stats: {
      enrollment_count: c.enrollmentCount,
      rating_avg: Math.round(c.ratingAvg * 100) / 100,
      rating_count: c.ratingCount,
      lesson_count: c.lessonCount,
      total_duration_seconds: c.totalDurationSeconds,
    },
    created_at: c.createdAt.toISOString(),
    published_at: c.publishedAt?.toISOString() ?? null,
  };
}

type Outline = Awaited<ReturnType<CourseRepo["outline"]>>;

export function presentCourseDetail(
  row: CourseSummaryRow,
  outline: Outline,
  enrollment: Enrollment | null,
  access: CourseDetail["access"],
): CourseDetail {
  return {
    ...presentCourseSummary(row),
    outcomes: row.course.outcomes,
    certificates_enabled: row.course.certificatesEnabled,
    modules: outline.map((m) => ({
      id: m.id,
      title: m.title,
      position: m.position,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        kind: l.kind,
        duration_seconds: l.durationSeconds,
        is_preview: l.isPreview,
        position: l.position,
        has_quiz: l.hasQuiz,
      })),
    })),
    enrollment,
    access,
  };
}

export function presentStudioCourse({ course: c, enrollmentCount, lastEditedAt }: StudioCourseRow): StudioCourse {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    status: c.status,
    category: c.category,
    level: c.level,
    pricing: { is_free: c.isFree, price: c.isFree ? 0 : Number(c.price) },
    thumbnail_url: c.thumbnailUrl,
    lesson_count: c.lessonCount,
    enrollment_count: enrollmentCount,
    created_at: c.createdAt.toISOString(),
    updated_at: lastEditedAt.toISOString(),
    published_at: c.publishedAt?.toISOString() ?? null,
  };
}
