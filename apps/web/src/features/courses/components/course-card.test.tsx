import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseSummary } from "@/test/fixtures";
import { textOf } from "../courses.test-support";
import { CourseCard } from "./course-card";

describe("CourseCard", () => {
  it("shows what a learner needs to choose a course", () => {
    const html = renderToString(<CourseCard course={courseSummary()} />);
    const content = textOf(html);
    expect(content).toContain("Photosynthesis, from light to sugar");
    expect(content).toContain("How plants turn sunlight into the food chain");
    expect(content).toContain("Biology");
    expect(content).toContain("Beginner");
    expect(content).toContain("Ada Okafor");
    expect(content).toContain("8 lessons");
    expect(content).toContain("1 h 20 min");
    expect(content).toContain("Rated 4.8 out of 5 from 212 ratings");
    expect(content).toContain("Free");
  });

  it("links to the course page by id", () => {
    const html = renderToString(<CourseCard course={courseSummary()} />);
    expect(html).toContain('href="/courses/c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01"');
  });

  it("serves API-relative thumbnails through the web app's own /media gateway and keeps absolute ones", () => {
    const relative = renderToString(<CourseCard course={courseSummary()} />);
    expect(relative).toContain('src="/media/demo/photosynthesis.svg"');

    const absolute = renderToString(
      <CourseCard course={courseSummary({ thumbnail_url: "https://cdn.example.com/t.png" })} />,
    );
    expect(absolute).toContain('src="https://cdn.example.com/t.png"');
  });

  it("draws a placeholder when there is no thumbnail", () => {
    const html = renderToString(<CourseCard course={courseSummary({ thumbnail_url: null })} />);
    expect(html).not.toContain("<img");
  });

  it("hides the rating until the course has one, and shows the price of paid courses", () => {
    const course = courseSummary({
      pricing: { is_free: false, price: 39 },
      stats: { enrollment_count: 0, rating_avg: 0, rating_count: 0, lesson_count: 1, total_duration_seconds: 600 },
    });
    const content = textOf(renderToString(<CourseCard course={course} />));
    expect(content).not.toContain("Rated");
    expect(content).toContain("$39");
    expect(content).toContain("1 lesson");
    expect(content).toContain("10 min");
    expect(content).not.toContain("Free");
  });
});
