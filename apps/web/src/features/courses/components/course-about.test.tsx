import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseDetail, textOf } from "../courses.test-support";
import { CourseAbout } from "./course-about";

describe("CourseAbout", () => {
  it("shows the description and links each topic to a catalog search", () => {
    const html = renderToString(<CourseAbout course={courseDetail()} />);
    expect(textOf(html)).toContain("A short course on the light reactions and the Calvin cycle.");
    expect(textOf(html)).toContain("Find courses about plants");
    expect(html).toMatch(/href="\/courses\/search\?[^"]*q=plants/);
  });

  it("draws nothing when the course has no description", () => {
    expect(renderToString(<CourseAbout course={courseDetail({ description: "  " })} />)).toBe("");
  });
});
