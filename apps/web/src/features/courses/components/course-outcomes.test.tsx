import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseDetail, textOf } from "../courses.test-support";
import { CourseOutcomes } from "./course-outcomes";

describe("CourseOutcomes", () => {
  it("lists the creator's outcomes under \"What you'll learn\"", () => {
    const course = courseDetail({ outcomes: ["Explain the light reactions", "Trace a carbon atom"] });
    const content = textOf(renderToString(<CourseOutcomes course={course} />));
    expect(content).toContain("What you'll learn");
    expect(content).toContain("Explain the light reactions");
    expect(content).toContain("Trace a carbon atom");
    expect(content).not.toContain("Light reactions");
  });

  it("lists the modules under an honest heading when the creator gave no outcomes", () => {
    const content = textOf(renderToString(<CourseOutcomes course={courseDetail()} />));
    expect(content).toContain("What the course covers");
    expect(content).toContain("Light reactions");
    expect(content).toContain("The Calvin cycle");
  });

  it("draws nothing for a course with neither outcomes nor modules", () => {
    expect(renderToString(<CourseOutcomes course={courseDetail({ modules: [] })} />)).toBe("");
  });
});
