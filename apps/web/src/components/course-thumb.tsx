import { apiMediaUrl } from "@/lib/api-client";

/**
 * A course's thumbnail, or its initial on a soft tile when it has none. Decorative: the title is beside it.
 * `className` sizes and frames the tile; the initial's size follows the tile's (`initialClassName`). Images load
 * lazily unless the tile is above the fold (`loading="eager"`).
 */
export function CourseThumb({
  url,
  title,
  className,
  initialClassName = "text-3xl",
  imageClassName,
  loading = "lazy",
}: {
  url: string | null;
  title: string;
  className?: string;
  initialClassName?: string;
  imageClassName?: string;
  loading?: "lazy" | "eager";
}) {
  const src = apiMediaUrl(url);
  return (
    <div className={`overflow-hidden bg-surface-muted ${className ?? ""}`}>
      {src ? (
        // biome-ignore lint/performance/noImgElement: thumbnails are API-hosted SVGs or any remote image; next/image would need every host listed and does not optimise SVG
        <img
          src={src}
          alt=""
          loading={loading}
          decoding="async"
          className={`size-full object-cover ${imageClassName ?? ""}`}
        />
      ) : (
        <div
          aria-hidden="true"
          className="flex size-full items-center justify-center bg-gradient-to-br from-primary-soft via-surface-muted to-accent-soft"
        >
          <span className={`font-display text-primary/70 ${initialClassName}`}>{title.charAt(0)}</span>
        </div>
      )}
    </div>
  );
}
