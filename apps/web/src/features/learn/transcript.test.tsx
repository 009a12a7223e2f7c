// @vitest-environment happy-dom
import type { VttCue } from "@lumen/contracts";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Transcript } from "./transcript";

afterEach(cleanup);

const cues: VttCue[] = Array.from({ length: 51 }, (_, i) => ({ start: i * 4, end: i * 4 + 4, text: `Line ${i + 1}` }));
const line = (n: number) => screen.getByRole("button", { name: new RegExp(`Line ${n}$`) });

function setup(currentTime = 0) {
  const onSeek = vi.fn();
  const view = render(
    <>
      <button type="button">Player</button>
      <Transcript cues={cues} currentTime={currentTime} onSeek={onSeek} />
      <button type="button">Tutor</button>
    </>,
  );
  return { onSeek, user: userEvent.setup(), ...view };
}

describe("the transcript", () => {
  it("is one tab stop between the player and the tutor, however many lines it has", async () => {
    const { user } = setup();
    screen.getByRole("button", { name: "Player" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(line(1));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Tutor" }));
  });

  it("moves with the arrow keys, Home and End, and plays from a line on Enter", async () => {
    const { user, onSeek } = setup();
    line(1).focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toBe(line(3));
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(line(2));
    await user.keyboard("{Enter}");
    expect(onSeek).toHaveBeenCalledWith(4);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(line(51));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(line(51));
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(line(1));
    // Shift+Tab leaves as Tab does: one stop.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Player" }));
  });

  it("puts the tab stop on the line being spoken", async () => {
    const { user } = setup(42);
    screen.getByRole("button", { name: "Player" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(line(11));
    expect(line(11).getAttribute("aria-current")).toBe("true");
  });
});
