"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * The card's title. `focusOnMount` moves focus to it when the card's content changes in place (a form replaced
 * by its confirmation), so screen-reader and keyboard users land on the news instead of on nothing.
 */
export function AuthHeading({
  title,
  children,
  focusOnMount = false,
}: {
  title: string;
  children?: ReactNode;
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);

  return (
    <div className="mb-6">
      <h1
        ref={ref}
        tabIndex={focusOnMount ? -1 : undefined}
        className="font-display text-3xl font-semibold tracking-tight text-balance focus-visible:outline-hidden"
      >
        {title}
      </h1>
      {children && <div className="mt-2 text-pretty text-muted leading-relaxed">{children}</div>}
    </div>
  );
}
