import { beforeAll, describe, expect, it } from "vitest";
import { formatItem, formatQuizMetrics, type QuizMetrics, runQuizEval } from "./quiz-eval.js";

/** `npm run eval:quiz`: the offline quiz generator on every demo lesson and the evaluation-only courses. */
describe("the quiz generator on its evaluation set", () => {
  let metrics: QuizMetrics;

  beforeAll(() => {
    metrics = runQuizEval();
    console.log(formatQuizMetrics(metrics));
    for (const s of metrics.samples) console.log(`\n(${s.course}, ${s.difficulty})\n${formatItem(s.item)}`);
    if (metrics.problems.length) console.log(`\nproblems:\n${metrics.problems.join("\n")}`);
  });

  it("covers every lesson", () => expect(metrics.items).toBeGreaterThan(metrics.lessons * 3));
  it("breaks no grammatical agreement", () => expect(metrics.agreementBreaks).toBe(0));
  it("never gives the answer away in the stem", () => expect(metrics.answersInStem).toBe(0));
  it("draws ≥ 90% of term distractors from the answer's kind", () => {
    expect(metrics.termDistractors).toBeGreaterThan(0);
    expect(metrics.termDistractorsSameKind / metrics.termDistractors).toBeGreaterThanOrEqual(0.9);
  });
  it("gives clause and order answers clause and order distractors", () =>
    expect(metrics.clauseDistractorsSameKind).toBe(metrics.clauseDistractors));
  it("changes the kind of question with the difficulty on every lesson", () =>
    expect(metrics.levelsWithoutOwnKind).toBe(0));
});
