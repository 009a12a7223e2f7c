"use client";

import { useAnimate } from "motion/react-mini";
import { useLayoutEffect, useRef } from "react";
import { canAnimate, EASE_OUT, useHydrating, useMotionAllowed } from "./use-motion";

/**
 * The coloured part of a progress bar, filling up to `percent` when it appears in the browser and gliding to a
 * new value when the progress changes, so the eye reads "this much done" rather than a static shape. The width
 * is also set in the markup: without script, or with reduced motion, the bar is simply right.
 */
export function ProgressFill({ percent, className }: { percent: number; className: string }) {
  const [scope, animate] = useAnimate<HTMLDivElement>();
  const allowed = useMotionAllowed();
  const hydrating = useHydrating();
  const previous = useRef(hydrating ? percent : 0);

  useLayoutEffect(() => {
    const from = previous.current;
    previous.current = percent;
    if (from === percent || !allowed || !canAnimate(scope.current)) return;
    // A list, not the element itself: motion recognises elements with `instanceof EventTarget`, which fails
    // across realms (test DOMs); a list of elements works everywhere.
    animate([scope.current], { width: [`${from}%`, `${percent}%`] }, { duration: 0.7, ease: EASE_OUT });
  }, [percent, allowed, animate, scope]);

  return <div ref={scope} className={className} style={{ width: `${percent}%` }} />;
}
