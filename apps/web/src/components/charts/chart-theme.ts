import { useReducedMotion } from "motion/react";

// Chart styling from the palette's CSS variables, so light and dark mode follow the page without a re-render.

export const CHART_COLORS = {
  primary: "var(--lumen-primary)",
  accent: "var(--lumen-accent)",
  danger: "var(--lumen-danger)",
  muted: "var(--lumen-border-strong)",
} as const;

/** A palette variable, so a series follows light and dark mode. */
export type ChartColor = `var(--lumen-${string})`;

export const AXIS_TICK = { fill: "var(--lumen-muted)", fontSize: 12 };
export const AXIS_LINE = { stroke: "var(--lumen-border)" };
export const GRID_STROKE = "var(--lumen-border)";
export const TOOLTIP_STYLE = {
  background: "var(--lumen-surface)",
  border: "1px solid var(--lumen-border)",
  borderRadius: "0.75rem",
  color: "var(--lumen-foreground)",
  fontSize: "0.85rem",
};
export const TOOLTIP_CURSOR = { fill: "var(--lumen-surface-muted)", stroke: "var(--lumen-border-strong)" };

/** How tall a chart draws unless its card asks otherwise, in pixels. */
export const CHART_HEIGHT = 220;

/** recharts props every chart shares: fills its box, and leaves accessibility to the text alternative. */
export function chartBase(height: number = CHART_HEIGHT) {
  return {
    responsive: true,
    accessibilityLayer: false,
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    style: { width: "100%", height },
  } as const;
}

/** Whether charts may animate: not when the visitor asks for reduced motion. */
export function useChartAnimation(): boolean {
  return useReducedMotion() !== true;
}
