"use client";

import { MotionConfig } from "motion/react";
import type { ReactNode } from "react";

/**
 * One place that decides how much the interface moves: people who ask their system for reduced motion get
 * none (every animation in src/components/motion checks this config; CSS transitions follow globals.css).
 */
export function MotionProvider({ children }: { children: ReactNode }) {
  return <MotionConfig reducedMotion="user">{children}</MotionConfig>;
}
