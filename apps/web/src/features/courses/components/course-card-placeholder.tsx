/** A course card's shape while courses load: thumbnail, category, title, two lines and the footer. Decorative. */
export function CourseCardPlaceholder() {
  return (
    <li className="overflow-hidden rounded-card border border-border bg-surface">
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
  );
}
