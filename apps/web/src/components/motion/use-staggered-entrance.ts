"use client";

import { useAnimate } from "motion/react-mini";
import { useLayoutEffect, useRef } from "react";
import { canAnimate, EASE_OUT, useHydrating, useMotionAllowed } from "./use-motion";

/** Later items start together, so even a long list is in place within half a second. */
const MAX_STAGGERED = 8;

/**
 * Lets the elements matching `selector` (inside the returned ref) rise into place one after another whenever
 * `trigger` changes to something truthy: the eye sees what just arrived and in which order to read it.
 * With `onMount`, also when the content first appears, unless the server already painted it. Nothing moves
 * for people who prefer reduced motion. Runs before paint, so nothing flashes in its final place first.
 */
export function useStaggeredEntrance<T extends Element>(
  selector: string,
  trigger: unknown,
  { onMount = false, step = 0.045 }: { onMount?: boolean; step?: number } = {},
) {
  const [scope, animate] = useAnimate<T>();
  const allowed = useMotionAllowed();
  const hydrating = useHydrating();
  const fromServer = useRef(hydrating).current;
  const mounted = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: plays when the trigger changes, not when settings do
  useLayoutEffect(() => {
    const firstRun = !mounted.current;
    mounted.current = true;
    if (firstRun && (!onMount || fromServer)) return;
    if (!trigger || !allowed || !canAnimate(scope.current)) return;
    if (scope.current.querySelectorAll(selector).length === 0) return;
    animate(
      selector,
      { opacity: [0, 1], transform: ["translateY(10px)", "translateY(0)"] },
      { duration: 0.32, ease: EASE_OUT, delay: (index: number) => Math.min(index, MAX_STAGGERED) * step },
    );
  }, [trigger]);

  return scope;
}
