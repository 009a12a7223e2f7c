// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { formatCount, formatUsd } from "../../admin-format";
import { KpiChart } from "./kpi-chart";
import type { DayPoint } from "./overview-data";

const DAYS: DayPoint[] = [
  { date: "2026-03-01", answered: 2, failed: 0, cost: 0.0123 },
  { date: "2026-03-02", answered: 7, failed: 1, cost: 0.05 },
  { date: "2026-03-03", answered: 0, failed: 0, cost: 0 },
];

afterEach(cleanup);

describe("KpiChart", () => {
  it("says what the chart shows in a sentence per series, with the total and the busiest day", () => {
    render(
      <KpiChart
        title="AI requests"
        kind="bar"
        data={DAYS}
        series={[
          { key: "answered", label: "Answered", color: "var(--lumen-primary)", additive: true },
          { key: "failed", label: "Failed", color: "var(--lumen-danger)", additive: true },
        ]}
        format={formatCount}
      />,
    );
    const figure = screen.getByRole("figure", { name: "AI requests" });
    expect(
      within(figure).getByText(/^Answered from Mar 1 to Mar 3: 9 in all; the highest was 7 on Mar 2\./),
    ).toBeTruthy();
    expect(
      within(figure).getByText(/Failed from Mar 1 to Mar 3: 1 in all; the highest was 1 on Mar 2\.$/),
    ).toBeTruthy();
  });

  it("averages figures that don't add up across days, and says when there was nothing", () => {
    const { rerender } = render(
      <KpiChart
        title="Active learners"
        kind="area"
        data={DAYS}
        series={[{ key: "answered", label: "Active learners", color: "var(--lumen-accent)", additive: false }]}
        format={formatCount}
      />,
    );
    expect(
      screen.getByText("Active learners from Mar 1 to Mar 3: 3 a day on average; the highest was 7 on Mar 2."),
    ).toBeTruthy();
    rerender(
      <KpiChart
        title="Active learners"
        kind="area"
        data={DAYS.map((d) => ({ ...d, answered: 0 }))}
        series={[{ key: "answered", label: "Active learners", color: "var(--lumen-accent)", additive: false }]}
        format={formatCount}
      />,
    );
    expect(screen.getByText("Active learners from Mar 1 to Mar 3: none.")).toBeTruthy();
  });

  it("swaps the chart for a table of every day's numbers, and back", async () => {
    render(
      <KpiChart
        title="Estimated AI cost (USD)"
        kind="area"
        data={DAYS}
        series={[{ key: "cost", label: "Estimated cost", color: "var(--lumen-accent)", additive: true }]}
        format={formatUsd}
        integer={false}
      />,
    );
    const user = userEvent.setup();
    expect(screen.queryByRole("table")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Show table of estimated ai cost (usd)" }));
    const table = screen.getByRole("table", { name: "Estimated AI cost (USD) by UTC day" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Day", "Estimated cost"],
      ["Mar 1", "$0.0123"],
      ["Mar 2", "$0.05"],
      ["Mar 3", "$0.00"],
    ]);
    expect(screen.getByRole("region", { name: "Estimated AI cost (USD) by day" }).tabIndex).toBe(0);

    await user.click(screen.getByRole("button", { name: /Show chart/ }));
    expect(screen.queryByRole("table")).toBeNull();
  });
});
