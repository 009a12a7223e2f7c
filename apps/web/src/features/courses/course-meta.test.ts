import { describe, expect, it } from "vitest";
import { metaDescription } from "./course-meta";
import { courseDetail } from "./courses.test-support";

describe("metaDescription", () => {
  it("uses the subtitle when the course has one", () => {
    expect(metaDescription(courseDetail({ subtitle: "  Light into sugar.  " }))).toBe("Light into sugar.");
  });

  it("falls back to the description without its Markdown", () => {
    const course = courseDetail({ subtitle: " ", description: "## Light\n\n- **Chlorophyll** and [leaves](/x)!" });
    expect(metaDescription(course)).toBe("Light Chlorophyll and leaves /x");
  });

  it("cuts a long description to 157 characters and an ellipsis", () => {
    const course = courseDetail({ subtitle: "", description: "word ".repeat(60) });
    const text = metaDescription(course);
    expect(text).toBe(`${"word ".repeat(31)}wo…`);
    expect(text.length).toBeLessThanOrEqual(160);
  });
});
