// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ChartFrame, type TableColumn } from "./chart-frame";

type Row = { name: string; count: number };
const ROWS: Row[] = [
  { name: "Light", count: 4 },
  { name: "Water", count: 12 },
];
const COLUMNS: TableColumn<Row>[] = [
  { label: "Lesson", cell: (r) => r.name },
  { label: "Learners", cell: (r) => String(r.count), numeric: true },
];

function frame(props: Partial<Parameters<typeof ChartFrame<Row>>[0]> = {}) {
  return (
    <ChartFrame
      title="Learners by lesson"
      summary="Water has the most learners: 12."
      rows={ROWS}
      columns={COLUMNS}
      rowKey={(r) => r.name}
      {...props}
    >
      <svg data-testid="drawing" />
    </ChartFrame>
  );
}

afterEach(cleanup);

describe("ChartFrame", () => {
  it("is a figure named by its title, with the sentence as its caption and the drawing hidden from screen readers", () => {
    render(frame());
    const figure = screen.getByRole("figure", { name: "Learners by lesson" });
    expect(figure.querySelector("figcaption")?.textContent).toBe("Water has the most learners: 12.");
    expect(screen.getByTestId("drawing").closest("[aria-hidden='true']")).not.toBeNull();
  });

  it("swaps the drawing for a keyboard-scrollable table of the rows, says which view is shown, and swaps back", async () => {
    render(frame({ tableLabel: "Learners by lesson, lesson by lesson", tableCaption: "Learners per lesson" }));
    const user = userEvent.setup();
    const toggle = screen.getByRole("button", { name: "Show table of learners by lesson" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");

    await user.click(toggle);
    expect(screen.queryByTestId("drawing")).toBeNull();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("region", { name: "Learners by lesson, lesson by lesson" }).tabIndex).toBe(0);
    const table = screen.getByRole("table", { name: "Learners per lesson" });
    const cells = within(table)
      .getAllByRole("row")
      .map((row) => [...row.querySelectorAll("th, td")].map((c) => `${c.tagName}:${c.textContent}`));
    expect(cells).toEqual([
      ["TH:Lesson", "TH:Learners"],
      ["TH:Light", "TD:4"],
      ["TH:Water", "TD:12"],
    ]);

    await user.click(screen.getByRole("button", { name: "Show chart of learners by lesson" }));
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByTestId("drawing")).toBeTruthy();
  });

  it("names the table after the chart unless told otherwise", async () => {
    render(frame());
    await userEvent.setup().click(screen.getByRole("button", { name: /Show table/ }));
    expect(screen.getByRole("region", { name: "Learners by lesson, as a table" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Learners by lesson" })).toBeTruthy();
  });

  it("shows a legend only when there are two series or more", () => {
    const { rerender } = render(frame({ legend: [{ label: "Learners", color: "var(--lumen-primary)" }] }));
    expect(screen.queryByText("Learners")).toBeNull();
    rerender(
      frame({
        legend: [
          { label: "Started", color: "var(--lumen-border-strong)" },
          { label: "Completed", color: "var(--lumen-primary)" },
        ],
      }),
    );
    expect(screen.getByText("Started")).toBeTruthy();
    expect(screen.getByText("Completed")).toBeTruthy();
  });

  it("says in words when there is nothing to draw, with no drawing, legend or table to open", () => {
    render(
      frame({
        empty: "No one has started a lesson yet.",
        legend: [
          { label: "Started", color: "var(--lumen-border-strong)" },
          { label: "Completed", color: "var(--lumen-primary)" },
        ],
      }),
    );
    const figure = screen.getByRole("figure", { name: "Learners by lesson" });
    expect(figure.querySelector("figcaption")?.textContent).toBe("No one has started a lesson yet.");
    expect(screen.queryByTestId("drawing")).toBeNull();
    expect(screen.queryByText("Started")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
