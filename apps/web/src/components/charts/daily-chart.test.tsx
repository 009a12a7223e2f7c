// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { formatCount } from "@/lib/format";
import { CHART_COLORS } from "./chart-theme";
import { DailyChart } from "./daily-chart";

interface Day {
  date: string;
  enrollments: number;
  active: number;
}
const DAYS: Day[] = [
  { date: "2026-03-01", enrollments: 1200, active: 3 },
  { date: "2026-03-02", enrollments: 0, active: 5 },
];

afterEach(cleanup);

describe("DailyChart", () => {
  it("tables every day with a column per series, in the chart's own number format", async () => {
    render(
      <DailyChart
        title="Enrollments and activity"
        summary="A busy first day."
        days={DAYS}
        series={[
          { key: "enrollments", label: "New enrollments", color: CHART_COLORS.primary, kind: "bar" },
          { key: "active", label: "Active learners", color: CHART_COLORS.accent, kind: "line" },
        ]}
        format={formatCount}
      />,
    );
    const figure = screen.getByRole("figure", { name: "Enrollments and activity" });
    expect(within(figure).getByText("A busy first day.")).toBeTruthy();
    // Two series: the legend says which colour is which.
    expect(within(figure).getByText("New enrollments")).toBeTruthy();

    await userEvent.setup().click(within(figure).getByRole("button", { name: /Show table/ }));
    expect(screen.getByRole("region", { name: "Enrollments and activity by day" }).tabIndex).toBe(0);
    const table = screen.getByRole("table", { name: "Enrollments and activity by UTC day" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Day", "New enrollments", "Active learners"],
      ["Mar 1", "1,200", "3"],
      ["Mar 2", "0", "5"],
    ]);
  });

  it("says the empty sentence instead of drawing a quiet period", () => {
    render(
      <DailyChart
        title="Enrollments"
        summary="Nothing happened."
        empty="No one enrolled in this period yet."
        days={DAYS.map((d) => ({ ...d, enrollments: 0 }))}
        series={[{ key: "enrollments", label: "Enrollments", color: CHART_COLORS.primary, kind: "bar" }]}
        format={formatCount}
      />,
    );
    expect(screen.getByText("No one enrolled in this period yet.")).toBeTruthy();
    expect(screen.queryByText("Nothing happened.")).toBeNull();
    expect(screen.queryByRole("button", { name: /Show table/ })).toBeNull();
  });
});
