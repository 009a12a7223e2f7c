import { CatalogGridSkeleton } from "@/features/catalog/components/catalog-skeleton";

export default function CatalogLoading() {
  return (
    <div className="mx-auto max-w-page px-4 pt-10 pb-20 sm:px-6 sm:pt-14 lg:px-8">
      <div aria-hidden="true" className="max-w-2xl">
        <div className="h-11 w-3/4 rounded-xl bg-surface-muted motion-safe:animate-pulse sm:h-14" />
        <div className="mt-5 h-4 w-full rounded-full bg-surface-muted" />
        <div className="mt-2.5 h-4 w-2/3 rounded-full bg-surface-muted" />
        <div className="mt-8 h-[3.25rem] w-full rounded-full border border-border bg-surface" />
      </div>
      <div className="mt-10 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10 xl:gap-12">
        <div aria-hidden="true" className="mb-6 lg:mb-0">
          <div className="h-11 rounded-full border border-border bg-surface lg:hidden" />
          <div className="hidden space-y-3 lg:block">
            <div className="h-4 w-28 rounded-full bg-surface-muted" />
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <div key={i} className="h-3.5 w-32 rounded-full bg-surface-muted" />
            ))}
          </div>
        </div>
        <div>
          <div aria-hidden="true" className="mb-6 flex items-center justify-between">
            <div className="h-7 w-40 rounded-full bg-surface-muted" />
            <div className="h-10 w-44 rounded-full bg-surface-muted" />
          </div>
          <CatalogGridSkeleton />
        </div>
      </div>
    </div>
  );
}
