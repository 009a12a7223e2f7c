/** Placeholder cards in the grid's shape while results load. */
export function CatalogGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div role="status" aria-label="Loading courses">
      <div aria-hidden="true" className="mb-5 h-4 w-28 rounded-full bg-surface-muted" />
      <ul aria-hidden="true" className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder
          <li key={i} className="overflow-hidden rounded-card border border-border bg-surface">
            <div className="aspect-[16/9] bg-surface-muted motion-safe:animate-pulse" />
            <div className="space-y-3 p-6">
              <div className="h-3 w-1/3 rounded-full bg-surface-muted" />
              <div className="h-5 w-4/5 rounded-full bg-surface-muted" />
              <div className="h-3 w-full rounded-full bg-surface-muted" />
              <div className="h-3 w-2/3 rounded-full bg-surface-muted" />
              <div className="mt-6 h-px bg-border" />
              <div className="flex justify-between">
                <div className="h-3 w-1/3 rounded-full bg-surface-muted" />
                <div className="h-3 w-10 rounded-full bg-surface-muted" />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
