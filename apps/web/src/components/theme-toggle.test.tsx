// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ThemeToggle } from "./theme-toggle";

/** A browser whose system theme is `scheme`. */
function systemPrefers(scheme: "light" | "dark") {
  vi.spyOn(window, "matchMedia").mockImplementation(
    (query: string) =>
      ({
        matches: query === "(prefers-color-scheme: dark)" && scheme === "dark",
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

const root = document.documentElement;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  root.classList.remove("light", "dark");
});

describe("the theme toggle", () => {
  it("turns a light system dark on the first click, and back to following the system on the second", async () => {
    systemPrefers("light");
    const user = userEvent.setup();
    render(<ThemeToggle />);
    const button = screen.getByRole("button", { name: /Switch to dark/ });

    await user.click(button);
    expect(root.classList.contains("dark")).toBe(true);
    expect(localStorage.getItem("lumen.theme")).toBe("dark");
    expect(button.getAttribute("aria-label")).toBe("Theme: dark. Switch to light");

    await user.click(button);
    expect(root.classList.contains("dark")).toBe(false);
    expect(localStorage.getItem("lumen.theme")).toBeNull();
    expect(button.getAttribute("aria-label")).toBe("Theme: light (system). Switch to dark");
  });

  it("turns a dark system light on the first click", async () => {
    systemPrefers("dark");
    const user = userEvent.setup();
    render(<ThemeToggle />);
    await user.click(await screen.findByRole("button", { name: "Theme: dark (system). Switch to light" }));
    expect(root.classList.contains("light")).toBe(true);
    expect(localStorage.getItem("lumen.theme")).toBe("light");
  });

  it("starts from a saved choice", async () => {
    systemPrefers("light");
    localStorage.setItem("lumen.theme", "dark");
    render(<ThemeToggle />);
    expect(await screen.findByRole("button", { name: "Theme: dark. Switch to light" })).toBeTruthy();
  });
});
