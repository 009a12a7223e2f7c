import { describe, expect, it } from "vitest";
import { buildCatalog } from "../catalog.js";
import { DEMO_USERS } from "../demo-users.js";
import { DEMO_LEARNER_DOMAIN } from "./cohort.js";
import { HISTORY_DAYS, planHistory } from "./history.js";

const now = Date.parse("2026-06-15T10:30:00Z");
const catalog = buildCatalog(new Map(DEMO_USERS.map((u) => [u.key, `${u.key}-id`])), now).index;

/** A plan with every generated id replaced by its order of first appearance, to compare two plans. */
function normalised(plan: ReturnType<typeof planHistory>) {
  const ids = new Map<string, string>();
  return JSON.parse(
    JSON.stringify(plan, (_, value) => {
      if (typeof value !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value)) return value;
      if (!ids.has(value)) ids.set(value, `#${ids.size}`);
      return ids.get(value);
    }),
  );
}

describe("the demo learning history", () => {
  const history = planHistory(catalog, now);
  const { plan, learners } = history;

  it("is the same on every seed", () => {
    expect(normalised(planHistory(catalog, now))).toEqual(normalised(history));
  });

  it("has forty learners at the demo domain who signed up within the last sixty days", () => {
    expect(learners).toHaveLength(40);
    expect(new Set(learners.map((l) => l.email)).size).toBe(40);
    expect(learners.every((l) => l.email.endsWith(`@${DEMO_LEARNER_DOMAIN}`))).toBe(true);
    expect(learners.every((l) => /^[a-z.]+@/.test(l.email))).toBe(true);
    expect(learners.every((l) => l.createdAt < now && l.createdAt > now - 61 * 86_400_000)).toBe(true);
    expect(learners.filter((l) => l.premium).length).toBeGreaterThan(10);
  });

  it("happens in the last 45 days and never in the future", () => {
    const times = [
      ...plan.events.map((e) => e.at),
      ...plan.rewatches.map((r) => r.at),
      ...plan.attempts.map((a) => a.at),
      ...plan.aiUsage.map((u) => u.at),
      ...plan.reviews.map((r) => r.at),
    ];
    expect(Math.max(...times)).toBeLessThan(now);
    expect(Math.min(...times)).toBeGreaterThan(now - (HISTORY_DAYS + 1) * 86_400_000);
  });

  it("enrolls each learner in one to four courses, paid ones only with premium, once they are out", () => {
    const free = new Set(catalog.filter((c) => c.isFree).map((c) => c.id));
    const published = new Map(catalog.map((c) => [c.id, c.publishedAt]));
    for (const learner of learners) {
      const mine = plan.enrollments.filter((e) => e.userId === learner.id);
      expect(mine.every((e) => e.createdAt > learner.createdAt && e.createdAt > (published.get(e.courseId) ?? 0))).toBe(
        true,
      );
      expect(mine.length, learner.email).toBeGreaterThanOrEqual(1);
      expect(mine.length, learner.email).toBeLessThanOrEqual(4);
      if (!learner.premium)
        expect(
          mine.every((e) => free.has(e.courseId)),
          learner.email,
        ).toBe(true);
    }
  });

  it("starts a lesson only after completing the one before it", () => {
    for (const course of catalog) {
      const done = new Map(
        plan.progress.filter((p) => p.isCompleted).map((p) => [`${p.userId}|${p.lessonId}`, p.completedAt ?? 0]),
      );
      for (const p of plan.progress.filter((row) => row.courseId === course.id)) {
        const index = course.lessons.findIndex((l) => l.id === p.lessonId);
        const previous = course.lessons[index - 1];
        if (!previous) continue;
        const previousDone = done.get(`${p.userId}|${previous.id}`);
        expect(previousDone).toBeDefined();
        expect(previousDone).toBeLessThanOrEqual(p.startedAt);
      }
    }
  });

  it("rewatches mostly inside the lessons' hard stretches", () => {
    const hot = catalog.flatMap((c) => c.lessons).filter((l) => l.hotspots.length > 0);
    const inside = plan.rewatches.filter((r) => {
      const lesson = hot.find((l) => l.id === r.lessonId);
      return lesson?.hotspots.some((h) => r.segment[1] > h.from_seconds - 5 && r.segment[0] < h.to_seconds + 5);
    });
    expect(inside.length / plan.rewatches.length).toBeGreaterThan(0.75);
  });

  it("asks the tutor questions written for the lesson, in the learners' own typing", () => {
    const written = new Set(catalog.flatMap((c) => c.lessons.flatMap((l) => l.questions.map((q) => q.question))));
    const asked = plan.events.filter((e) => e.type === "ai_chat").map((e) => String(e.data.question));
    expect(asked.length).toBe(plan.aiUsage.length);
    const original = (q: string) =>
      [...written].some((w) => q === w || q.toLowerCase().includes(w.toLowerCase().replace(/\?$/, "").slice(1)));
    expect(asked.every(original)).toBe(true);
  });
});
