import { describe, expect, it } from "vitest";
import type { Passage } from "./ai.context.js";
import { planAsk, rerank } from "./ai.retrieve.js";

const turn = (role: "user" | "assistant", content: string) => ({ role, content });

describe("planAsk", () => {
  it("reads a lesson summary and the key-idea prompt on a lesson, and a plain question otherwise", () => {
    expect(planAsk("Summarise this lesson in three points", "normal", [], "l").intent).toBe("summary");
    expect(planAsk("What is the most important idea here?", "normal", [], "l").intent).toBe("key-idea");
    expect(planAsk("Summarise this lesson", "normal", [], null).intent).toBe("question");
    expect(planAsk("What does rubisco do?", "normal", [], "l")).toEqual({
      intent: "question",
      question: "What does rubisco do?",
      mode: "normal",
    });
  });

  it("answers a follow-up with no topic of its own for the learner's previous question", () => {
    const history = [turn("user", "What does rubisco do?"), turn("assistant", "Rubisco fixes carbon [1].")];
    expect(planAsk("Explain that more simply, please.", "simpler", history, "l")).toEqual({
      intent: "follow-up",
      question: "What does rubisco do?",
      mode: "simpler",
    });
    expect(planAsk("Can you explain it more simply?", "normal", history, "l").mode).toBe("simpler");
    expect(planAsk("Tell me more", "normal", history, "l").mode).toBe("deeper");
    expect(planAsk("Why?", "normal", history, "l").question).toBe("Why? What does rubisco do?");
    // A new topic is a new question, even mid-conversation.
    expect(planAsk("What is chemiosmosis?", "normal", history, "l").intent).toBe("question");
    // Nothing to follow up on: asked as it is.
    expect(planAsk("Explain that more simply, please.", "simpler", [], "l").intent).toBe("question");
  });

  it("makes 'explain simpler' after a summary the lesson's key idea", () => {
    const history = [turn("user", "Summarise this lesson in three points"), turn("assistant", "1. … [1]")];
    expect(planAsk("Explain that more simply, please.", "simpler", history, "l").intent).toBe("key-idea");
  });
});

describe("rerank", () => {
  const passage = (lessonId: string, text: string, startSeconds: number | null = null): Passage => ({
    courseId: "c",
    lessonId,
    lessonTitle: lessonId,
    courseTitle: "Statistics",
    source: startSeconds === null ? "lesson" : "transcript",
    heading: lessonId,
    text,
    cues: startSeconds === null ? [] : [{ start: startSeconds, end: startSeconds + 4, text }],
    startSeconds,
  });
  const none = { lessonPassages: async () => [] };

  it("puts the passage whose sentence answers first, and the current lesson's first when both do", async () => {
    const other = passage("sampling", "The number you calculate from a sample, such as its mean, is a statistic.");
    const here = passage("centre", "The mean is the ordinary average. Add the values up and divide by how many.");
    const noise = passage("centre", "Spread measures how far values sit from the middle.");
    const ranked = await rerank(none, "How do you calculate the mean?", [noise, other, here], "centre");
    expect(ranked[0]).toBe(here);
    expect(ranked.at(-1)).toBe(noise);
  });

  it("joins a transcript passage with the next one when its answer runs on past its end", async () => {
    const first = passage("ml", "A more precise definition comes from Tom Mitchell.", 10);
    const next = passage("ml", "A program learns from experience E with respect to a task T.", 14);
    const index = { lessonPassages: async () => [first, next] };
    const [joined] = await rerank(index, "What is Tom Mitchell's definition of learning?", [first], "ml");
    expect(joined?.text).toContain("learns from experience E");
    expect(joined?.cues.map((c) => c.start)).toEqual([10, 14]);
  });
});
