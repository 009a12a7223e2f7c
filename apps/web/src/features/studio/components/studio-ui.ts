// Class names shared by the studio's components (the app's buttons come from components/button-link).

/** A small square icon button (move up/down, remove…); its name comes from aria-label or sr-only text. */
export const iconButtonClasses =
  "inline-flex size-9 shrink-0 items-center justify-center rounded-full text-muted transition-colors hover:bg-surface-muted hover:text-foreground disabled:pointer-events-none disabled:opacity-35";

/** Multi-line text, styled like the app's inputs. */
export const textareaClasses =
  "block w-full rounded-xl border border-border-strong/60 bg-surface px-3.5 py-2.5 text-base text-foreground shadow-xs transition-colors placeholder:text-muted/80 hover:border-border-strong aria-invalid:border-danger aria-invalid:hover:border-danger";

/** A <select>, styled like the app's inputs. */
export const selectClasses =
  "block h-11 w-full rounded-xl border border-border-strong/60 bg-surface px-3 text-base text-foreground shadow-xs transition-colors hover:border-border-strong aria-invalid:border-danger";

/** A titled card of the editor. */
export const panelClasses = "rounded-card border border-border bg-surface p-5 shadow-card sm:p-6";
