export default function CourseLoading() {
  return (
    <div className="mx-auto max-w-page px-4 pt-8 pb-20 sm:px-6 sm:pt-12 lg:px-8">
      <div role="status" aria-label="Loading the course">
        <div
          aria-hidden="true"
          className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-x-14 xl:grid-cols-[minmax(0,1fr)_24rem]"
        >
          <div>
            <div className="h-4 w-40 rounded-full bg-surface-muted" />
            <div className="mt-6 h-11 w-4/5 rounded-xl bg-surface-muted motion-safe:animate-pulse sm:h-14" />
            <div className="mt-5 h-5 w-3/5 rounded-full bg-surface-muted" />
            <div className="mt-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {[0, 1, 2, 3].map((i) => (
                <div key={i} className="h-[4.25rem] rounded-2xl border border-border bg-surface" />
              ))}
            </div>
            <div className="mt-14 h-64 rounded-card border border-border bg-surface" />
          </div>
          <div className="overflow-hidden rounded-card border border-border bg-surface lg:row-span-2">
            <div className="aspect-[16/9] bg-surface-muted motion-safe:animate-pulse" />
            <div className="space-y-4 p-6">
              <div className="h-9 w-24 rounded-xl bg-surface-muted" />
              <div className="h-11 w-full rounded-full bg-surface-muted" />
              <div className="h-11 w-full rounded-full bg-surface-muted" />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
