import type { Passage } from "../ai/offline/passages.js";
import { passageSentences } from "../ai/offline/passages.js";
import { capitalise, termKey, textTokens } from "../ai/offline/quiz-grammar.js";
import { conceptSpans } from "../ai/offline/quiz-inventory.js";
import { definitionOf, toFacts } from "../ai/offline/quiz-patterns.js";
import { composeSummary } from "../ai/offline/summary.js";
import { type ChunkInput, chunkLesson, type LessonContent } from "../ai/retrieval/chunker.js";

/** A recall card before it belongs to anyone: one key idea of a lesson, term → meaning. */
export interface RecallCardDraft {
  /** The term's identity within the lesson (lower-cased, singular): a lesson never gets two cards on one term. */
  key: string;
  /** "definition": the lesson says what the term is; "key_idea": one of the lesson's central sentences. */
  kind: "definition" | "key_idea";
  term: string;
  meaning: string;
  /** The second of the video where the cue is said; null for text lessons. */
  cueSeconds: number | null;
}

/** A review a learner can do in about five minutes spans a few lessons, so no lesson floods the deck. */
export const MAX_CARDS_PER_LESSON = 8;
const MAX_MEANING = 300;
const MIN_MEANING_WORDS = 5;
/** A pronoun or "here" points at a sentence the card doesn't show ("Where the plant spends them"): no card alone. */
const LEANS = /\b(it|them|they|this|these|those|here|there)\b/i;

/** The lesson's own chunks, as the offline tutor reads passages (the course description is not part of it). */
export function lessonPassages(
  lesson: LessonContent & { id: string; courseTitle: string },
  chunks: readonly ChunkInput[] = chunkLesson(lesson),
): Passage[] {
  return chunks.map((c) => ({
    lessonId: lesson.id,
    lessonTitle: lesson.title,
    courseTitle: lesson.courseTitle,
    source: c.source,
    heading: c.heading,
    text: c.text,
    cues: c.cues,
    startSeconds: c.startSeconds,
  }));
}

const tidy = (text: string) => {
  const t = capitalise(text.replace(/\s+/g, " ").trim());
  return t.length > MAX_MEANING ? `${t.slice(0, MAX_MEANING - 1).trimEnd()}…` : t;
};

/**
 * Recall cards from a lesson's transcript and text, deterministically: first what the lesson defines (the quiz
 * generator's definition patterns: "X is the …", "… is called X"), then its central sentences (the summary's key
 * points), each fronted by the first term it names. Each card keeps the second its sentence starts at.
 */
export function buildRecallCards(passages: readonly Passage[]): RecallCardDraft[] {
  const lessonPassages = passages.filter((p) => p.source !== "course");
  const sentences = passageSentences(lessonPassages);
  const cards: RecallCardDraft[] = [];
  const keys = new Set<string>();
  const add = (card: RecallCardDraft) => {
    if (cards.length >= MAX_CARDS_PER_LESSON || !card.key || keys.has(card.key)) return;
    keys.add(card.key);
    cards.push(card);
  };

  const used = new Set<string>();
  for (const fact of toFacts(sentences)) {
    const def = definitionOf(fact);
    // "The route it takes is called …": a meaning this short leans on a sentence the card doesn't show.
    if (!def || def.meaning.split(/\s+/).length < MIN_MEANING_WORDS || LEANS.test(def.meaning)) continue;
    const term = def.term.surface.trim();
    used.add(fact.sentence.text);
    add({
      key: termKey(term),
      kind: "definition",
      term,
      meaning: tidy(def.meaning),
      cueSeconds: fact.sentence.start ?? null,
    });
  }

  const summary = composeSummary({
    question: "Summarise this lesson in five points",
    passages: lessonPassages,
    keyIdea: false,
  });
  if (!summary.grounded) return cards;
  // How many sentences name a term: the front of a key idea is the term the lesson talks about most.
  const mentions = new Map<string, number>();
  for (const s of sentences)
    for (const key of new Set(conceptSpans(textTokens(s.tokens)).map((x) => termKey(x.surface))))
      mentions.set(key, (mentions.get(key) ?? 0) + 1);
  for (const citation of summary.citations) {
    const sentence = sentences.find((s) => s.text.slice(0, MAX_MEANING) === citation.excerpt);
    if (!sentence || used.has(sentence.text) || LEANS.test(sentence.text)) continue;
    const spans = conceptSpans(textTokens(sentence.tokens)).filter((s) => !keys.has(termKey(s.surface)));
    const span = [...spans].sort(
      (a, b) => (mentions.get(termKey(b.surface)) ?? 0) - (mentions.get(termKey(a.surface)) ?? 0) || a.from - b.from,
    )[0];
    if (!span) continue;
    add({
      key: termKey(span.surface),
      kind: "key_idea",
      term: span.surface,
      meaning: tidy(sentence.text),
      cueSeconds: sentence.start ?? null,
    });
  }
  return cards;
}
