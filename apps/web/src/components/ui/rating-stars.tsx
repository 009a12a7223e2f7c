const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z";
const SIZES = { sm: "size-3.5", md: "size-4", lg: "size-5" } as const;

function Row({ className }: { className: string }) {
  return (
    <span className="flex w-max gap-0.5">
      {[0, 1, 2, 3, 4].map((i) => (
        <svg key={i} aria-hidden="true" viewBox="0 0 20 20" className={`shrink-0 ${className}`} fill="currentColor">
          <path d={STAR} />
        </svg>
      ))}
    </span>
  );
}

/**
 * Five stars filled to `value` (0–5, fractions shown as part of a star). The drawing is hidden from screen
 * readers: pass `label` to have it read instead, or give the rating in words next to it.
 */
export function RatingStars({
  value,
  size = "md",
  label,
}: {
  value: number;
  size?: keyof typeof SIZES;
  label?: string;
}) {
  const percent = Math.max(0, Math.min(5, value)) * 20;
  return (
    <span className="relative inline-flex shrink-0 align-middle">
      {label && <span className="sr-only">{label}</span>}
      <span aria-hidden="true" className="text-border-strong/45">
        <Row className={SIZES[size]} />
      </span>
      <span
        aria-hidden="true"
        className="absolute inset-y-0 left-0 overflow-hidden text-accent"
        style={{ width: `${percent}%` }}
      >
        <Row className={SIZES[size]} />
      </span>
    </span>
  );
}
