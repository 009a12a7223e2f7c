// @vitest-environment happy-dom
import type { VttCue } from "@lumen/contracts";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfusionNudge, explainQuestion, transcriptWindow } from "./confusion-nudge";

afterEach(cleanup);

const cues: VttCue[] = [
  { start: 60, end: 70, text: "Before the stretch." },
  { start: 70, end: 80, text: "Water is split." },
  { start: 80, end: 90, text: "Oxygen is released." },
  { start: 95, end: 100, text: "After it." },
];

describe("the confusion nudge", () => {
  it("asks about the stretch with what the transcript says there", () => {
    expect(transcriptWindow(cues, { start: 72, end: 90 })).toBe("Water is split. Oxygen is released.");
    expect(explainQuestion(cues, { start: 72, end: 90 })).toBe(
      'I rewound 1:12–1:30 twice. Can you explain this part more simply?\n\nWhat the video says there: "Water is split. Oxygen is released."',
    );
    expect(explainQuestion([], { start: 5, end: 20 })).toBe(
      "I rewound 0:05–0:20 twice. Can you explain this part more simply?",
    );
    const long = [{ start: 0, end: 10, text: "word ".repeat(600) }];
    expect(transcriptWindow(long, { start: 0, end: 10 }).length).toBeLessThanOrEqual(1501);
  });

  it("offers help in a polite live region, without taking focus, and can be dismissed", async () => {
    const onExplain = vi.fn();
    const onDismiss = vi.fn();
    const user = userEvent.setup();
    const { container, rerender } = render(<ConfusionNudge offer={null} onExplain={onExplain} onDismiss={onDismiss} />);
    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.textContent).toBe("");

    rerender(<ConfusionNudge offer={{ start: 70, end: 95 }} onExplain={onExplain} onDismiss={onDismiss} />);
    expect(region?.textContent).toContain("Want this part explained? (1:10–1:35)");
    expect(document.activeElement).toBe(document.body);
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Ask the tutor" }));
    expect(onExplain).toHaveBeenCalledWith({ start: 70, end: 95 });
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalled();
  });
});
