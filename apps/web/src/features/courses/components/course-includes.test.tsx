import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseDetail, lesson, textOf } from "../courses.test-support";
import { CourseIncludes, includedItems } from "./course-includes";

describe("includedItems", () => {
  it("names the length, the tutor and the certificate for a course of plain video lessons", () => {
    expect(includedItems(courseDetail())).toEqual([
      "8 lessons, 1 h 20 min in total",
      "An AI tutor in every lesson that cites the moment it answers from",
      "A certificate of completion to share",
    ]);
  });

  it("promises no certificate when the creator turned certificates off", () => {
    expect(includedItems(courseDetail({ certificates_enabled: false }))).not.toContain(
      "A certificate of completion to share",
    );
  });

  it("counts video and reading lessons, quizzes and free previews only when the course has them", () => {
    const course = courseDetail({
      certificates_enabled: false,
      modules: [
        {
          id: "m-1",
          title: "Light",
          position: 0,
          lessons: [
            lesson({ id: "l-1", is_preview: true, has_quiz: true }),
            lesson({ id: "l-2", kind: "text", has_quiz: true }),
            lesson({ id: "l-3", kind: "text" }),
          ],
        },
      ],
    });
    expect(includedItems(course)).toEqual([
      "8 lessons, 1 h 20 min in total",
      "1 video and 2 reading lessons",
      "2 quizzes to check what stuck",
      "1 free preview to try first",
      "An AI tutor in every lesson that cites the moment it answers from",
    ]);
  });
});

describe("CourseIncludes", () => {
  it("lists each item under its heading", () => {
    const content = textOf(renderToString(<CourseIncludes course={courseDetail()} />));
    expect(content).toContain("This course includes");
    expect(content).toContain("8 lessons, 1 h 20 min in total");
  });
});
