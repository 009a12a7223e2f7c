// Chart styling from the palette's CSS variables, so light and dark mode follow the page without a re-render.

export const CHART_COLORS = {
  primary: "var(--lumen-primary)",
  accent: "var(--lumen-accent)",
  muted: "var(--lumen-border-strong)",
} as const;

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

/** recharts props every chart here shares: fills its box, and leaves accessibility to the text alternative. */
export const CHART_BASE = {
  responsive: true,
  accessibilityLayer: false,
  margin: { top: 8, right: 8, bottom: 0, left: 0 },
  style: { width: "100%", height: 220 },
} as const;
