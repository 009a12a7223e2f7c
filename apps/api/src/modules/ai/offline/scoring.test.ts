import { describe, expect, it } from "vitest";
import { type Passage, passageSentences } from "./passages.js";
import { askKind, overlap, questionTerms, scoreSentences } from "./scoring.js";

const passage = (text: string, lessonId = "l"): Passage => ({
  lessonId,
  lessonTitle: "Lesson",
  courseTitle: "Course",
  source: "lesson",
  heading: "",
  text,
  cues: [],
  startSeconds: null,
});

const score = (question: string, passages: Passage[]) => {
  const sentences = passageSentences(passages);
  return scoreSentences(questionTerms(question, sentences), sentences, { passageCount: passages.length });
};

describe("scoreSentences", () => {
  it("ranks the sentence that answers above ones that only repeat the common words", () => {
    const ranked = score("What are the three phases of the Calvin cycle?", [
      passage(
        "The Calvin cycle runs in the stroma. So the Calvin cycle does not use light directly. The cycle has three phases: carbon fixation, reduction, and regeneration. The Calvin cycle needs ATP.",
      ),
    ]);
    expect(ranked[0]?.text).toBe("The cycle has three phases: carbon fixation, reduction, and regeneration.");
  });

  it("weighs a rare question word above a word every sentence repeats", () => {
    const ranked = score("How does rubisco use carbon?", [
      passage("Plants need carbon. Carbon comes from air. Carbon is everywhere. Rubisco is an enzyme."),
    ]);
    expect(ranked[0]?.text).toBe("Rubisco is an enzyme.");
    expect(ranked[0]?.coverage).toBeGreaterThan(ranked[1]?.coverage ?? 1);
  });

  it("gives a bonus for the question's phrase in order", () => {
    const [phrase, scattered] = score("What is the standard error?", [
      passage("The error of the standard method is small. The standard error shrinks with more data."),
    ])
      .sort((a, b) => a.index - b.index)
      .reverse();
    expect(phrase?.text).toBe("The standard error shrinks with more data.");
    expect(phrase?.score ?? 0).toBeGreaterThan(scattered?.score ?? 1);
  });

  it("prefers the better-ranked passage when sentences tie", () => {
    const ranked = score("What is a join?", [
      passage("A join combines tables.", "first"),
      passage("A join combines tables.", "second"),
    ]);
    expect(ranked[0]?.lessonId).toBe("first");
  });

  it("scores zero when nothing matches", () => {
    const ranked = score("Who won the World Cup?", [passage("Loops repeat code.")]);
    expect(ranked.every((s) => s.score === 0 && s.coverage === 0)).toBe(true);
  });
});

describe("questionTerms", () => {
  it("drops filler words and keeps the topic", () => {
    const terms = questionTerms(
      "Can you explain what chemiosmosis means?",
      passageSentences([passage("Chemiosmosis makes ATP.")]),
    );
    expect(terms.lemmas).toEqual(["chemiosmosis"]);
    expect(terms.asks).toBe("define");
  });

  it("recognises a why question", () => {
    expect(questionTerms("Why is the sky blue?", []).asks).toBe("why");
  });

  it("reads what kind of answer a question wants", () => {
    expect(askKind("How do you calculate the mean?")).toBe("how");
    expect(askKind("How often should I lube the chain?")).toBe("how-much");
    expect(askKind("What is the difference between WHERE and HAVING?")).toBe("compare");
    expect(askKind("Why is the median better than the mean here?")).toBe("why");
    expect(askKind("What does WHERE do?")).toBe("define");
    expect(askKind("Is the product manager the boss?")).toBe("yes-no");
  });

  it("takes the question's first wh-word, not one that opens a clause", () => {
    expect(askKind("What did van Helmont find when he weighed the soil?")).not.toBe("when");
    expect(askKind("When did van Helmont weigh the soil?")).toBe("when");
    expect(askKind("In what year was the experiment done?")).toBe("when");
    expect(askKind("Which gas comes out where the light hits the leaf?")).not.toBe("where");
    expect(askKind("Where does the Calvin cycle happen?")).toBe("where");
    expect(askKind("Who planted a willow when he wanted to know where plants grow from?")).toBe("who");
  });

  it("matches words across forms and everyday synonyms", () => {
    const sentences = passageSentences([passage("Cooler water extracts slowly. Spammers change their wording.")]);
    const ranked = (q: string) => scoreSentences(questionTerms(q, sentences), sentences, { passageCount: 1 });
    expect(ranked("What happens with cold water extraction?")[0]?.coverage).toBe(1);
    expect(ranked("Why does spam get through?")[0]?.text).toBe("Spammers change their wording.");
  });

  it("counts the topic's nouns above the question's verbs, and keeps a noun that is filler as a verb", () => {
    const terms = questionTerms("How do you calculate the mean?", []);
    expect(terms.keys).toContain("mean");
    expect(terms.focus).toBe("mean");
    expect(terms.weights.get("mean")).toBeGreaterThan(terms.weights.get(terms.keys[0] ?? "") ?? 1);
  });
});

describe("overlap", () => {
  it("is the Jaccard index of the lemma sets", () => {
    expect(overlap(["a", "b"], ["b", "c"])).toBeCloseTo(1 / 3);
    expect(overlap([], ["a"])).toBe(0);
  });
});
