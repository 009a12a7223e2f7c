"use client";

import { useId, useState } from "react";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z";
const WORDS = ["", "Poor", "Fair", "Good", "Very good", "Excellent"];

/**
 * 1–5 stars as a native radio group: arrow keys move between stars, each has a spoken name ("4 stars, Very
 * good"), and the group has a legend. Hovering previews a rating with the pointer.
 */
export function StarRatingInput({
  value,
  onChange,
  legend = "Your rating",
  error,
}: {
  value: number | null;
  onChange: (rating: number) => void;
  legend?: string;
  error?: string;
}) {
  const name = useId();
  const errorId = useId();
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? value ?? 0;

  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <div className="mt-2 flex items-center gap-3">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: only clears the pointer preview; the radios inside are the controls */}
        <div className="flex" onMouseLeave={() => setHovered(null)}>
          {[1, 2, 3, 4, 5].map((star) => (
            <label
              key={star}
              onMouseEnter={() => setHovered(star)}
              className="cursor-pointer rounded-md p-0.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-focus"
            >
              <input
                type="radio"
                name={name}
                value={star}
                checked={value === star}
                onChange={() => onChange(star)}
                className="sr-only"
              />
              <span className="sr-only">
                {star} {star === 1 ? "star" : "stars"}, {WORDS[star]}
              </span>
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className={`size-8 transition-colors ${star <= shown ? "text-accent" : "text-border-strong/45"}`}
                fill="currentColor"
              >
                <path d={STAR} />
              </svg>
            </label>
          ))}
        </div>
        <span aria-hidden="true" className="text-sm font-medium text-muted">
          {shown > 0 ? WORDS[shown] : ""}
        </span>
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
