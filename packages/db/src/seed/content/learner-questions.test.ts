import { describe, expect, it } from "vitest";
import { demoCourses } from "./index.js";

const lessons = demoCourses.flatMap((c) => c.modules.flatMap((m) => m.lessons));

describe("what demo learners ask and rewatch, written per lesson", () => {
  it.each(lessons.filter((l) => l.kind === "video").map((l) => [l.title, l] as const))(
    "“%s” has 3–6 questions at seconds of the video, and hot spots inside it",
    (_, lesson) => {
      if (lesson.kind !== "video") return;
      const questions = lesson.learner_questions ?? [];
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(questions.length).toBeLessThanOrEqual(6);
      for (const q of questions) {
        expect(q.at_seconds).toBeGreaterThanOrEqual(0);
        expect(q.at_seconds).toBeLessThan(lesson.duration_seconds);
        expect(q.question.length).toBeGreaterThan(10);
      }
      expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
      for (const h of lesson.rewatch_hotspots ?? []) {
        expect(h.from_seconds).toBeLessThan(h.to_seconds);
        expect(h.to_seconds).toBeLessThanOrEqual(lesson.duration_seconds);
      }
    },
  );

  it("gives every text lesson a couple of questions too", () => {
    for (const lesson of lessons.filter((l) => l.kind === "text"))
      expect(lesson.learner_questions?.length ?? 0, lesson.title).toBeGreaterThanOrEqual(2);
  });
});
