"use client";

import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";
type Resolved = "light" | "dark";
const STORAGE_KEY = "lumen.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Runs before first paint (inlined in the root layout) so a saved theme never flashes the other one. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch(e){}`;

function systemTheme(): Resolved {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
}

/**
 * Switches between light and dark, starting from the theme on screen (a "system" choice resolved through the
 * browser's preference), so every click visibly changes it. Choosing the system's own theme again goes back to
 * following the system. The palette itself lives in CSS variables (globals.css).
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  const [system, setSystem] = useState<Resolved>("light");

  useEffect(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "light" || saved === "dark") setTheme(saved);
    setSystem(systemTheme());
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => setSystem(query.matches ? "dark" : "light");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);

  const shown: Resolved = theme === "system" ? system : theme;
  const other: Resolved = shown === "dark" ? "light" : "dark";

  function toggle() {
    const next: Theme = other === systemTheme() ? "system" : other;
    setTheme(next);
    applyTheme(next);
    if (next === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={`Theme: ${shown}${theme === "system" ? " (system)" : ""}. Switch to ${other}`}
      title={`Switch to the ${other} theme`}
      className="flex size-9 items-center justify-center rounded-full text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {shown === "dark" ? (
          <path d="M21 12.8A9 9 0 1111.2 3a7 7 0 009.8 9.8z" />
        ) : (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4l1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        )}
      </svg>
    </button>
  );
}
