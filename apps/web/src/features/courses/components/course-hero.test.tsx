import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseDetail, textOf } from "../courses.test-support";
import { CourseHero } from "./course-hero";

describe("CourseHero", () => {
  it("shows the title, the rating, the learners, the creator and the key facts", () => {
    const html = renderToString(<CourseHero course={courseDetail()} />);
    const content = textOf(html);
    expect(content).toContain("Photosynthesis, from light to sugar");
    expect(content).toContain("Rated 4.8 out of 5 from 212 ratings");
    expect(content).toContain("1,280 learners");
    expect(content).toContain("Created by Ada Okafor");
    expect(content).toContain("Level Beginner");
    expect(content).toContain("Length 1 h 20 min");
    expect(content).toContain("Published January 2025");
    expect(html).toContain('href="/instructors/u-ada"');
  });

  it("says when a course has no ratings, learners or publication date yet", () => {
    const course = courseDetail({
      published_at: null,
      stats: { enrollment_count: 0, rating_avg: 0, rating_count: 0, lesson_count: 1, total_duration_seconds: 600 },
    });
    const content = textOf(renderToString(<CourseHero course={course} />));
    expect(content).toContain("No ratings yet");
    expect(content).not.toContain("learner");
    expect(content).toContain("Published Not yet");
  });
});
