// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lessonAnalytics } from "../creator-analytics.test-support";
import { LessonTimeline } from "./lesson-timeline";

afterEach(cleanup);

function Harness({ onSelect }: { onSelect: (bucket: number | null) => void }) {
  const data = lessonAnalytics();
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <LessonTimeline
      lessonTitle={data.lesson.title}
      durationSeconds={data.lesson.duration_seconds}
      bucketSeconds={data.bucket_seconds}
      timeline={data.timeline}
      questions={data.questions.items}
      selected={selected}
      onSelect={(bucket) => {
        setSelected(bucket);
        onSelect(bucket);
      }}
    />
  );
}

function setup() {
  const onSelect = vi.fn();
  render(<Harness onSelect={onSelect} />);
  return { onSelect, user: userEvent.setup() };
}

const markersGroup = () => screen.getByRole("group", { name: "Tutor questions along the video" });
const stripGroup = () => screen.getByRole("group", { name: /Rewatches along the video in 5-second stretches/ });

describe("LessonTimeline", () => {
  it("says where learners went back and asked, and places one marker per stretch with questions", () => {
    setup();
    expect(
      screen.getByText("Most rewatched: 0:10–0:15, by 3 learners. Most questions: 0:10–0:15, with 2 questions."),
    ).toBeTruthy();
    const markers = within(markersGroup()).getAllByRole("button") as [HTMLElement, HTMLElement];
    expect(markers.map((m) => m.getAttribute("aria-label"))).toEqual([
      "2 questions at 0:10–0:15",
      "1 question at 0:45–0:50",
    ]);
    // Each marker sits at the middle of its stretch along the video.
    expect((markers[0].parentElement as HTMLElement).style.left).toBe("20.833333333333336%");
    // The questions are the markers' descriptions for screen readers.
    expect(markers[0].getAttribute("aria-describedby")).toBeTruthy();
    const description = document.getElementById(markers[0].getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toBe("“Why is water split here?” “Where does the oxygen go?”");
  });

  it("shows a stretch's questions on hover and on keyboard focus, and hides them on Escape", async () => {
    const { user } = setup();
    const [first, second] = within(markersGroup()).getAllByRole("button") as [HTMLElement, HTMLElement];
    await user.hover(first);
    expect(screen.getByText("“Why is water split here?”", { selector: "li" })).toBeTruthy();
    expect(screen.getByText("0:10–0:15 · 2 questions")).toBeTruthy();
    await user.unhover(first);
    expect(screen.queryByText("“Why is water split here?”", { selector: "li" })).toBeNull();

    // One tab stop for all markers (after "Show table"); the arrow keys move along them.
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(first);
    expect(screen.getByText("“Where does the oxygen go?”", { selector: "li" })).toBeTruthy();
    expect(second.tabIndex).toBe(-1);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(second);
    expect(screen.getByText("“What happens after the electron chain?”", { selector: "li" })).toBeTruthy();
    expect(screen.queryByText("“Why is water split here?”", { selector: "li" })).toBeNull();
    await user.keyboard("{Escape}");
    expect(screen.queryByText("“What happens after the electron chain?”", { selector: "li" })).toBeNull();
  });

  it("colours the strip by learners rewatching, moves along it with the arrow keys, and picks a stretch", async () => {
    const { user, onSelect } = setup();
    const cells = within(stripGroup()).getAllByRole("button");
    expect(cells).toHaveLength(12);
    expect(cells[2]?.getAttribute("aria-label")).toBe("0:10–0:15: 3 learners rewatched (3× in all), 2 questions");
    expect(cells[3]?.getAttribute("aria-label")).toBe("0:15–0:20: 1 learner rewatched (1× in all)");
    expect(cells[0]?.getAttribute("aria-label")).toBe("0:00–0:05: no rewatches");
    // The peak stretch gets the full accent; an untouched one the strip's base colour; others in between.
    expect(cells.map((c) => c.dataset.heat)).toEqual(["0", "0", "4", "2", "0", "0", "0", "0", "0", "0", "0", "0"]);
    expect(cells[2]?.style.background).toBe("var(--lumen-accent)");
    expect(cells[0]?.style.background).toBe("var(--lumen-surface-muted)");

    await user.tab(); // "Show table"
    await user.tab(); // the markers
    await user.tab(); // the strip, at its first stretch
    expect(document.activeElement).toBe(cells[0]);
    expect(screen.getByText("0:00–0:05: no rewatches")).toBeTruthy();
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(cells[2]);
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenLastCalledWith(2);
    expect(cells[2]?.getAttribute("aria-pressed")).toBe("true");
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(cells[11]);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(cells[0]);
    // Choosing the picked stretch again clears the choice.
    await user.click(cells[2] as HTMLElement);
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it("lists the stretches with activity as a table on request", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Show table of the timeline" }));
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["0:10–0:1533×2", "0:15–0:2011×0", "0:45–0:5000×1"]);
    expect(screen.queryByRole("group", { name: "Tutor questions along the video" })).toBeNull();
  });
});
