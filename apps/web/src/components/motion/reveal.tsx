"use client";

import type { ReactNode } from "react";
import { useStaggeredEntrance } from "./use-staggered-entrance";

/**
 * A wrapper whose items (`items` selects them, inside it) rise into place one after another when it arrives in
 * the browser, e.g. a new page of search results replacing the skeleton. Its children may be server components.
 */
export function Reveal({
  children,
  items = ":scope > *",
  className,
}: {
  children: ReactNode;
  items?: string;
  className?: string;
}) {
  const scope = useStaggeredEntrance<HTMLDivElement>(items, true, { onMount: true });
  return (
    <div ref={scope} className={className}>
      {children}
    </div>
  );
}
