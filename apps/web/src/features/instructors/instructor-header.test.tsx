// @vitest-environment happy-dom
import type { InstructorProfile } from "@lumen/contracts";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { initials } from "@/components/ui/avatar";
import { InstructorHeader } from "./instructor-header";

afterEach(cleanup);

const ada: InstructorProfile = {
  id: "7b0c5c52-1f7e-4a53-9d3c-8a0b0b1f0a01",
  full_name: "Ada Lovelace",
  bio: "I write about engines.\n\nAnd the notes on them.",
  avatar_url: null,
  teaching_since: "2025-03-14T10:00:00.000Z",
  stats: { course_count: 3, learner_count: 1234, review_count: 41, rating_avg: 4.66 },
};

describe("InstructorHeader", () => {
  it("names the instructor with their figures, bio paragraphs and start month", () => {
    render(<InstructorHeader instructor={ada} />);
    expect(screen.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeTruthy();
    expect(screen.getByText("Teaching on Lumen since March 2025")).toBeTruthy();
    expect(screen.getByText("1,234")).toBeTruthy();
    expect(screen.getByText("Rated 4.7 out of 5 from 41 ratings")).toBeTruthy();
    expect(screen.getByText("I write about engines.").tagName).toBe("P");
    expect(screen.getByText("And the notes on them.").tagName).toBe("P");
    // No photo: initials stand in, hidden from screen readers (the name is the heading).
    expect(screen.getByText("AL").getAttribute("aria-hidden")).toBe("true");
  });

  it("says when there are no ratings and shows an avatar when there is one", () => {
    const { container } = render(
      <InstructorHeader
        instructor={{
          ...ada,
          bio: "",
          avatar_url: "/media/avatars/ada.png",
          stats: { ...ada.stats, review_count: 0, rating_avg: 0 },
        }}
      />,
    );
    expect(screen.getByText("No ratings yet")).toBeTruthy();
    expect(container.querySelector("img")?.getAttribute("src")).toBe("/media/avatars/ada.png");
    expect(screen.queryByText("AL")).toBeNull();
  });
});

describe("initials", () => {
  it("takes the first and last word", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
    expect(initials("  marcus ")).toBe("M");
    expect(initials("")).toBe("");
  });
});
