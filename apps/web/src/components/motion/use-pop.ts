"use client";

import { useAnimate } from "motion/react-mini";
import { useLayoutEffect, useRef } from "react";
import { canAnimate, useMotionAllowed } from "./use-motion";

/**
 * A small pop when something becomes true while the learner watches (a lesson ticked off, a badge earned).
 * Things that were already true when the page appeared stay still. Attach the returned ref to the element.
 */
export function usePopWhen<T extends Element>(active: boolean) {
  const [scope, animate] = useAnimate<T>();
  const allowed = useMotionAllowed();
  // Already true when this first rendered (on the server or not): nothing to celebrate.
  const wasActive = useRef(active);

  useLayoutEffect(() => {
    const becameActive = active && !wasActive.current;
    wasActive.current = active;
    if (!becameActive || !allowed || !canAnimate(scope.current)) return;
    // A list rather than the element: see ProgressFill.
    animate(
      [scope.current],
      { transform: ["scale(0.4)", "scale(1.18)", "scale(1)"], opacity: [0, 1, 1] },
      { duration: 0.45, ease: "easeOut" },
    );
  }, [active, allowed, animate, scope]);

  return scope;
}
