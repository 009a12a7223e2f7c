import { apiMediaUrl } from "@/lib/api-client";

/** A course's thumbnail, or its initial on a soft tile when it has none. Decorative: the title is beside it. */
export function CourseThumb({ url, title, className }: { url: string | null; title: string; className?: string }) {
  const src = apiMediaUrl(url);
  return (
    <div className={`overflow-hidden bg-surface-muted ${className ?? ""}`}>
      {src ? (
        // biome-ignore lint/performance/noImgElement: thumbnails are API-hosted SVGs or any remote image; next/image would need every host listed and does not optimise SVG
        <img src={src} alt="" loading="lazy" decoding="async" className="size-full object-cover" />
      ) : (
        <div
          aria-hidden="true"
          className="flex size-full items-center justify-center bg-gradient-to-br from-primary-soft via-surface-muted to-accent-soft"
        >
          <span className="font-display text-3xl text-primary/70">{title.charAt(0)}</span>
        </div>
      )}
    </div>
  );
}
