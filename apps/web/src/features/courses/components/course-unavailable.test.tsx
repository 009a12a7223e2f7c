import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { textOf } from "../courses.test-support";
import { CourseUnavailable } from "./course-unavailable";

describe("CourseUnavailable", () => {
  it("says the course service isn't answering when the API is down, and offers a retry of the same page", () => {
    const html = renderToString(<CourseUnavailable courseId="c 1" error={{ code: "SERVICE_UNAVAILABLE" }} />);
    expect(textOf(html)).toContain("Our course service isn't answering at the moment.");
    expect(html).toContain('href="/courses/c%201"');
    expect(html).toContain('role="alert"');
  });

  it("owns any other failure as ours", () => {
    const content = textOf(renderToString(<CourseUnavailable courseId="c-1" error={{ code: "INTERNAL_ERROR" }} />));
    expect(content).toContain("Something went wrong on our side while loading this course.");
  });
});
