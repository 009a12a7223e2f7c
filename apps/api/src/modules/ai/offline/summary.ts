import type { AnswerCitation, ComposedAnswer } from "./answer.js";
import { blank } from "./hint.js";
import { formatSeconds, type Passage, type PassageSentence, passageSentences } from "./passages.js";
import { textHash } from "./phrasing.js";
import { overlap } from "./scoring.js";

/** Sentences that frame the lesson rather than teach it: greetings, agendas, questions, sign-offs. */
const FRAMING =
  /\?\s*$|^(welcome|hello|hi|today|in this (lesson|video)|we('ll| will)|let's|by the end|next,? we|see you|thanks|that's it|now (let's|we))\b/i;
/** A sentence leaning on the one before ("It runs in the stroma") reads badly alone in a list of points. */
const LEANS = /^(it|its|this|that|these|those|they|their|then|so|but|and|here|there|also)\b/i;
const MAX_EXCERPT = 300;

const OPENINGS = [
  (title: string) => `Here are the key points of “${title}”:`,
  (title: string) => `“${title}” in a few points:`,
  (title: string) => `What “${title}” boils down to:`,
];
const KEY_IDEA_OPENINGS = [
  "The idea the whole lesson turns on:",
  "If you keep one thing from this lesson, keep this:",
  "The lesson's central idea:",
];

/** How many points were asked for: "in three points" gets three, otherwise four (the 3–5). */
function pointsWanted(question: string): number {
  const q = question.toLowerCase();
  if (/\b(three|3)\b/.test(q)) return 3;
  if (/\b(five|5)\b/.test(q)) return 5;
  if (/\b(two|2)\b/.test(q)) return 2;
  return 4;
}

/**
 * A sentence's weight in its lesson: the lesson's recurring terms it holds (a term said in many places is what
 * the lesson is about), plus its title's terms, over the square root of its length so long lists don't win.
 */
function centrality(sentences: readonly PassageSentence[], title: ReadonlySet<string>) {
  const df = new Map<string, number>();
  for (const s of sentences) for (const k of new Set(s.keys)) df.set(k, (df.get(k) ?? 0) + 1);
  return (s: PassageSentence) => {
    const keys = [...new Set(s.keys)];
    if (keys.length < 3) return 0;
    const recurring = keys.reduce((sum, k) => sum + Math.log(df.get(k) ?? 1), 0);
    const named = keys.filter((k) => title.has(k)).length;
    return (recurring + named) / Math.sqrt(s.keys.length);
  };
}

/**
 * "Summarise this lesson": its 3–5 central sentences in lesson order, each cited to its second (or its
 * section), skipping greetings, agendas and repeats, at most one point per passage while others remain.
 * "The most important idea" is the single most central sentence. Withheld texts (an open quiz's answers)
 * are blanked.
 */
export function composeSummary(input: {
  question: string;
  /** The lesson's passages in order. */
  passages: readonly Passage[];
  keyIdea: boolean;
  withhold?: readonly string[];
}): ComposedAnswer {
  const sentences = passageSentences(input.passages).filter(
    (s) => !FRAMING.test(s.text) && s.tokens.filter((t) => t.type === "word").length >= 5,
  );
  const first = sentences[0];
  if (!first) {
    return {
      answer: "This lesson has no transcript or text I can summarise yet, so I won't guess what it says.",
      citations: [],
      grounded: false,
    };
  }
  const title = new Set(sentences.flatMap((s) => s.headingKeys));
  const weight = centrality(sentences, title);
  const scored = sentences
    .map((s) => ({ s, w: weight(s) * (LEANS.test(s.text) ? 0.6 : 1) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w || a.s.passageIndex - b.s.passageIndex || a.s.index - b.s.index);
  const wanted = input.keyIdea ? 1 : pointsWanted(input.question);
  const chosen: PassageSentence[] = [];
  const passagesUsed = new Set<number>();
  for (const pass of [true, false]) {
    for (const { s } of scored) {
      if (chosen.length >= wanted) break;
      if (chosen.includes(s) || chosen.some((c) => overlap(c.keys, s.keys) >= 0.3)) continue;
      if (pass && passagesUsed.has(s.passageIndex)) continue;
      chosen.push(s);
      passagesUsed.add(s.passageIndex);
    }
  }
  if (chosen.length === 0) chosen.push(first);
  chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.index - b.index);

  const withhold = input.withhold ?? [];
  const hide = (text: string) => withhold.reduce((out, w) => blank(out, w), text);
  const citations: AnswerCitation[] = chosen.map((s) => ({
    lesson_id: s.lessonId,
    title: s.lessonTitle,
    ...(s.start !== undefined ? { start_seconds: s.start } : {}),
    excerpt: hide(s.text).slice(0, MAX_EXCERPT),
  }));
  const seed = textHash(input.question);
  const where = (s: PassageSentence) => (s.start !== undefined ? ` (${formatSeconds(s.start)})` : "");
  const lines = input.keyIdea
    ? [
        KEY_IDEA_OPENINGS[seed % KEY_IDEA_OPENINGS.length] as string,
        `${hide(chosen[0]?.text ?? "")} [1]`,
        "Ask me to summarise the lesson for the other key points.",
      ]
    : [
        (OPENINGS[seed % OPENINGS.length] as (title: string) => string)(first.lessonTitle),
        chosen.map((s, i) => `${i + 1}.${where(s)} ${hide(s.text)} [${i + 1}]`).join("\n"),
      ];
  return { answer: lines.join("\n\n"), citations, grounded: true };
}
