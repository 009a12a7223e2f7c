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
  it("is one tab stop between its search box and the tutor, however many lines it has", async () => {
    const { user } = setup();
    screen.getByRole("button", { name: "Player" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("searchbox", { name: "Search the transcript" }));
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
    // Shift+Tab leaves as Tab does: one stop, back to the search box above the lines.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("searchbox", { name: "Search the transcript" }));
  });

  it("puts the tab stop on the line being spoken", async () => {
    const { user } = setup(42);
    screen.getByRole("searchbox", { name: "Search the transcript" }).focus();
    await user.tab();
    expect(document.activeElement).toBe(line(11));
    expect(line(11).getAttribute("aria-current")).toBe("true");
  });
});

describe("searching the transcript", () => {
  const spoken: VttCue[] = [
    { start: 0, end: 5, text: "Rivers carry silt" },
    { start: 5, end: 10, text: "A meander grows" },
    { start: 10, end: 15, text: "Silt settles inside the bend" },
    { start: 15, end: 20, text: "The river cuts the outside" },
    { start: 20, end: 25, text: "An oxbow lake is left: silt, SILT" },
  ];

  function searchSetup() {
    const onSeek = vi.fn();
    render(<Transcript cues={spoken} currentTime={0} onSeek={onSeek} />);
    return { onSeek, user: userEvent.setup(), box: screen.getByRole("searchbox", { name: "Search the transcript" }) };
  }

  it("marks the matching lines, says n of m, and plays from them with Enter and Shift+Enter", async () => {
    const { onSeek, user, box } = searchSetup();
    await user.click(box);
    await user.paste("silt");
    const count = screen.getByRole("status");
    expect(count.textContent).toContain("1 of 3");
    expect(document.querySelectorAll("mark").length).toBe(4);
    expect(document.querySelector('[data-match="current"]')?.textContent).toContain("Rivers carry silt");
    expect(onSeek).not.toHaveBeenCalled();

    await user.keyboard("{Enter}");
    expect(onSeek).toHaveBeenLastCalledWith(0);
    await user.keyboard("{Enter}");
    expect(onSeek).toHaveBeenLastCalledWith(10);
    expect(count.textContent).toContain("2 of 3");
    await user.keyboard("{Enter}{Enter}");
    expect(onSeek).toHaveBeenLastCalledWith(0);
    expect(count.textContent).toContain("1 of 3");
    await user.keyboard("{Shift>}{Enter}{/Shift}");
    expect(onSeek).toHaveBeenLastCalledWith(20);
    expect(count.textContent).toContain("3 of 3");
    expect(document.activeElement).toBe(box);
  });

  it("says when nothing matches, and Escape clears the search", async () => {
    const { onSeek, user, box } = searchSetup();
    await user.click(box);
    await user.paste("glacier");
    expect(screen.getByRole("status").textContent).toBe("No matches");
    await user.keyboard("{Enter}");
    expect(onSeek).not.toHaveBeenCalled();
    await user.keyboard("{Escape}");
    expect((box as HTMLInputElement).value).toBe("");
    expect(document.querySelectorAll("mark").length).toBe(0);
  });
});
