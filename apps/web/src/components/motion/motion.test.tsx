// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { MotionConfig } from "motion/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Reveal } from "./reveal";
import { usePopWhen } from "./use-pop";

// The Web Animations API is the boundary: what the browser is asked to animate, and that nothing is asked for
// people who prefer reduced motion.
let animate: MockInstance<Element["animate"]>;

beforeEach(() => {
  const original = Element.prototype.animate;
  animate = vi.spyOn(Element.prototype, "animate").mockImplementation(function (this: Element, ...args) {
    const animation = original.apply(this, args);
    // Browsers mark a cancelled animation's `finished` as handled; the test DOM doesn't, so do it here.
    animation.finished.catch(() => undefined);
    return animation;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Every value animated, with its keyframes, in call order. */
function animated(): Array<{ target: Element; keyframes: Record<string, unknown> }> {
  return animate.mock.calls.map((call, index) => ({
    target: animate.mock.contexts[index] as Element,
    keyframes: call[0] as Record<string, unknown>,
  }));
}

function withMotion(reducedMotion: "never" | "always", children: ReactNode) {
  return <MotionConfig reducedMotion={reducedMotion}>{children}</MotionConfig>;
}

function Tick({ done }: { done: boolean }) {
  const ref = usePopWhen<HTMLSpanElement>(done);
  return (
    <span ref={ref} data-testid="tick">
      {done ? "done" : "open"}
    </span>
  );
}

describe("animated progress bar", () => {
  it("has its value in the markup, fills up from empty when it appears, and glides to a new value", () => {
    const { rerender } = render(withMotion("never", <ProgressBar value={40} label="Course progress" animated />));
    const fill = screen.getByRole("progressbar").firstElementChild as HTMLElement;
    expect(fill.style.width).toBe("40%");
    expect(animated().map((a) => a.keyframes.width)).toEqual([["0%", "40%"]]);

    rerender(withMotion("never", <ProgressBar value={70} label="Course progress" animated />));
    expect(fill.style.width).toBe("70%");
    expect(animated().map((a) => a.keyframes.width)).toEqual([
      ["0%", "40%"],
      ["40%", "70%"],
    ]);
  });

  it("stays still for people who prefer reduced motion, and when not asked to move", () => {
    const { rerender } = render(withMotion("always", <ProgressBar value={40} label="Course progress" animated />));
    rerender(withMotion("always", <ProgressBar value={70} label="Course progress" animated />));
    render(withMotion("never", <ProgressBar value={55} label="Other progress" />));
    expect(animate).not.toHaveBeenCalled();
    const [first] = screen.getAllByRole("progressbar");
    expect((first?.firstElementChild as HTMLElement | null)?.style.width).toBe("70%");
  });
});

describe("Reveal", () => {
  const list = (
    <ul>
      <li>Photosynthesis</li>
      <li>Algebra</li>
      <li>SQL</li>
    </ul>
  );

  it("lets each item rise in, in reading order, when the content arrives in the browser", () => {
    render(withMotion("never", <Reveal items=":scope > ul > li">{list}</Reveal>));
    const items = screen.getAllByRole("listitem");
    const opacity = animated().filter((a) => "opacity" in a.keyframes);
    expect(opacity.map((a) => a.target)).toEqual(items);
    expect(opacity[0]?.keyframes.opacity).toEqual([0, 1]);
    expect(items.every((item) => item.textContent)).toBe(true);
  });

  it("shows the content without moving it for people who prefer reduced motion", () => {
    render(withMotion("always", <Reveal items=":scope > ul > li">{list}</Reveal>));
    expect(animate).not.toHaveBeenCalled();
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
  });
});

describe("usePopWhen", () => {
  it("pops only when the thing becomes true while watched, not when it already was", () => {
    const { rerender } = render(withMotion("never", <Tick done />));
    expect(animate).not.toHaveBeenCalled();

    rerender(withMotion("never", <Tick done={false} />));
    rerender(withMotion("never", <Tick done />));
    expect(animated().map((a) => a.target)).toContain(screen.getByTestId("tick"));
    expect(animated().some((a) => Array.isArray(a.keyframes.transform))).toBe(true);
  });

  it("does not pop for people who prefer reduced motion", () => {
    const { rerender } = render(withMotion("always", <Tick done={false} />));
    rerender(withMotion("always", <Tick done />));
    expect(animate).not.toHaveBeenCalled();
  });
});
