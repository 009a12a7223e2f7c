import { analyse, isContentToken, QUESTION_FILLER } from "./nlp.js";
import type { PassageSentence } from "./passages.js";
import { correctWord } from "./spelling.js";

export interface QuestionTerms {
  /** Content lemmas of the question (typos repaired towards the material), in order, without repeats. */
  lemmas: string[];
  /** The topical words as the learner typed them (lower-cased), for phrasing a reply. */
  words: string[];
  /** Lemma pairs adjacent in the question ("calvin cycle"), for the phrase bonus. */
  bigrams: string[];
  /** What the learner asks for: a reason, a quantity, a place, a time, a person, or anything. */
  asks: "why" | "how-much" | "where" | "when" | "who" | "define" | "other";
}

export interface ScoredSentence extends PassageSentence {
  score: number;
  /** IDF-weighted share of the question's terms this sentence contains (0..1): what grounding is judged on. */
  coverage: number;
  matched: Set<string>;
}

/**
 * Bonus per question bigram found as adjacent lemmas in the sentence ("standard error"). Small, because a
 * phrase the material uses is already weighed as one concept (see conceptUnits).
 */
const BIGRAM_BONUS = 0.05;
const MAX_BIGRAM_BONUS = 0.1;
/** A small nudge for sentences of better-ranked passages; it breaks ties, it doesn't decide. */
const RANK_BONUS = 0.06;
const ASK_BONUS = 0.05;

function askKind(question: string): QuestionTerms["asks"] {
  const q = question.toLowerCase();
  if (/\bwhy\b/.test(q)) return "why";
  if (/\bhow (many|much|long|big|often)\b/.test(q)) return "how-much";
  if (/\bwhere\b/.test(q)) return "where";
  if (/\bwhen\b|\bwhat year\b/.test(q)) return "when";
  if (/\bwho\b/.test(q)) return "who";
  if (/^\s*(what\s+(is|are)\b|what's|define|explain|describe)/.test(q)) return "define";
  return "other";
}

/** The question's terms; words the candidate sentences don't contain are repaired towards ones they do. */
export function questionTerms(question: string, sentences: readonly PassageSentence[]): QuestionTerms {
  const tokens = analyse(question)
    .flatMap((s) => s.tokens)
    .filter(isContentToken);
  const topical = tokens.filter((t) => !QUESTION_FILLER.has(t.lemma));
  const known = new Map<string, number>();
  for (const s of sentences) for (const l of s.lemmas) known.set(l, (known.get(l) ?? 0) + 1);
  const lemmas = (topical.length ? topical : tokens).map((t) =>
    known.has(t.lemma) ? t.lemma : (correctWord(t.value, known) ?? correctWord(t.lemma, known) ?? t.lemma),
  );
  const unique = [...new Set(lemmas)];
  const bigrams = lemmas.slice(1).map((l, i) => `${lemmas[i]} ${l}`);
  const words = [...new Set((topical.length ? topical : tokens).map((t) => t.value.toLowerCase()))];
  return { lemmas: unique, words, bigrams: [...new Set(bigrams)], asks: askKind(question) };
}

function askBonus(asks: QuestionTerms["asks"], s: PassageSentence): number {
  const has = (re: RegExp) => re.test(s.text);
  switch (asks) {
    case "why":
      return has(/\b(because|since|so that|due to|which is why|in order to)\b/i) ? ASK_BONUS : 0;
    case "how-much":
    case "when":
      return s.tokens.some((t) => t.pos === "NUM") ? ASK_BONUS : 0;
    case "where":
      return has(/\b(in|inside|into|within|at)\b/i) ? ASK_BONUS / 2 : 0;
    case "who":
      return s.tokens.some((t) => t.pos === "PROPN") ? ASK_BONUS : 0;
    case "define":
      // "X is called Y", "Y means …", "Y is a …": the sentences that define rather than mention.
      return has(
        /\b(is|are)\s+(called|known as|named)\b|\bmeans\b|\bstands for\b|\brefers to\b|^\S+(\s+\S+)?\s+(is|are)\s+(a|an|the|how|what|where)\b/i,
      )
        ? ASK_BONUS * 2
        : 0;
    default:
      return 0;
  }
}

/**
 * Groups question lemmas that the material uses as one phrase ("calvin cycle", "standard error") into one
 * concept, weighted once: otherwise a sentence that merely names the phrase outscores one that answers.
 */
function conceptUnits(terms: QuestionTerms, sentences: readonly PassageSentence[]): string[][] {
  const parent = new Map(terms.lemmas.map((l) => [l, l]));
  const root = (l: string): string => {
    const p = parent.get(l) ?? l;
    return p === l ? l : root(p);
  };
  const adjacent = new Set(sentences.flatMap((s) => s.lemmas.slice(1).map((l, i) => `${s.lemmas[i]} ${l}`)));
  for (const bigram of terms.bigrams) {
    if (!adjacent.has(bigram)) continue;
    const [a = "", b = ""] = bigram.split(" ");
    if (a !== b && parent.has(a) && parent.has(b)) parent.set(root(b), root(a));
  }
  const groups = new Map<string, string[]>();
  for (const l of terms.lemmas) groups.set(root(l), [...(groups.get(root(l)) ?? []), l]);
  return [...groups.values()];
}

export interface ScoringOptions {
  /** How many passages were retrieved (for the rank nudge). */
  passageCount: number;
  /** Penalise long sentences (beginners, "explain simpler"). */
  preferShort?: boolean;
  /** Lemmas of the course title: the subject every lesson implies. */
  courseTopic?: readonly string[];
}

/**
 * Scores every sentence against the question: IDF-weighted lemma overlap (IDF over the candidate sentences,
 * so a word every passage repeats counts little and a question word absent from all of them counts most),
 * a bonus per question bigram, a nudge for the passage's retrieval rank and one for answering the kind of
 * question asked. Sorted best first; ties keep passage order.
 */
export function scoreSentences(
  terms: QuestionTerms,
  sentences: readonly PassageSentence[],
  options: ScoringOptions = { passageCount: 1 },
): ScoredSentence[] {
  const n = sentences.length;
  const df = new Map<string, number>();
  for (const s of sentences) for (const l of new Set(s.lemmas)) df.set(l, (df.get(l) ?? 0) + 1);
  // The course's own subject ("Spanish" in Spanish for Travellers) is implied by every lesson, rarely said:
  // it counts half, unless the question is about nothing else.
  const topic = new Set(options.courseTopic ?? []);
  const discount = terms.lemmas.some((t) => !topic.has(t)) ? 0.5 : 1;
  const idf = (t: string) => Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 0.5)) * (topic.has(t) ? discount : 1);
  const units = conceptUnits(terms, sentences);
  const weight = (unit: string[]) => Math.max(...unit.map(idf));
  // Part of a phrase earns a little: "the cycle" may well mean the Calvin cycle, "good" is not "good afternoon".
  const unitShare = (unit: string[], matched: Set<string>) => {
    const hit = unit.filter((t) => matched.has(t));
    if (hit.length === unit.length) return 1;
    const sum = (ts: string[]) => ts.reduce((acc, t) => acc + idf(t), 0);
    return (0.5 * sum(hit)) / sum(unit);
  };
  const total = units.reduce((sum, u) => sum + weight(u), 0);
  const passages = Math.max(options.passageCount, 1);

  return sentences
    .map((s) => {
      const lemmaSet = new Set(s.lemmas);
      const matched = new Set(terms.lemmas.filter((t) => lemmaSet.has(t)));
      const covered = units.reduce((sum, u) => sum + weight(u) * unitShare(u, matched), 0);
      const coverage = total > 0 ? covered / total : 0;
      const adjacent = new Set(s.lemmas.slice(1).map((l, i) => `${s.lemmas[i]} ${l}`));
      const bigram = Math.min(terms.bigrams.filter((b) => adjacent.has(b)).length * BIGRAM_BONUS, MAX_BIGRAM_BONUS);
      const rank = RANK_BONUS * (1 - s.passageIndex / passages);
      const words = s.tokens.filter((t) => t.type === "word").length;
      // Fragments ("Next step.") rarely answer anything; very long sentences bury the answer for a beginner.
      const shortPenalty = words < 4 ? 0.15 : 0;
      const longPenalty = options.preferShort && words > 25 ? Math.min((words - 25) * 0.01, 0.1) : 0;
      const score = coverage > 0 ? coverage + bigram + rank + askBonus(terms.asks, s) - shortPenalty - longPenalty : 0;
      return { ...s, score, coverage, matched };
    })
    .sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.index - b.index);
}

/** Jaccard overlap of two sentences' lemma sets: above ~0.5 they say the same thing. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  for (const x of A) if (B.has(x)) shared++;
  return shared / (A.size + B.size - shared);
}
