"use client";

import { useReducedMotionConfig } from "motion/react";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * True on the server and while React hydrates server HTML, false for anything rendered in the browser after.
 * What the server already painted must not fade in a second time.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
}

/** False when the learner asked for reduced motion (read through the app's MotionConfig). */
export function useMotionAllowed(): boolean {
  return useReducedMotionConfig() !== true;
}

/** Web Animations can be missing (older engines, test DOMs): then things simply appear. */
export function canAnimate(element: Element | null): element is Element {
  return element !== null && typeof element.animate === "function";
}

/** A gentle ease-out used by every entrance, so the app moves with one voice. */
export const EASE_OUT = [0.22, 1, 0.36, 1] as const;
