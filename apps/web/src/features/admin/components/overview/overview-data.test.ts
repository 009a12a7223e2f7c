import { describe, expect, it } from "vitest";
import { aiDays, sum } from "./overview-data";

describe("aiDays", () => {
  it("fills the days without AI requests with zeros, in order", () => {
    const days = aiDays(
      {
        days: [
          {
            date: "2026-03-02",
            requests: 4,
            cached: 1,
            failed: 1,
            input_tokens: 900,
            output_tokens: 300,
            cost_usd: 0.02,
          },
        ],
      },
      { from: "2026-03-01", to: "2026-03-03" },
    );
    expect(days).toEqual([
      { date: "2026-03-01", answered: 0, failed: 0, cached: 0, cost_usd: 0 },
      { date: "2026-03-02", answered: 4, failed: 1, cached: 1, cost_usd: 0.02 },
      { date: "2026-03-03", answered: 0, failed: 0, cached: 0, cost_usd: 0 },
    ]);
    expect(sum(days, "answered")).toBe(4);
  });
});
