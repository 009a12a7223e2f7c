import { CourseCardPlaceholder } from "@/features/courses/components/course-card-placeholder";

/** Placeholder cards in the grid's shape while results load. */
export function CatalogGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div role="status" aria-label="Loading courses">
      <div aria-hidden="true" className="mb-5 h-4 w-28 rounded-full bg-surface-muted" />
      <ul aria-hidden="true" className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder
          <CourseCardPlaceholder key={i} />
        ))}
      </ul>
    </div>
  );
}
