import { analyse, isFiller, isTermToken } from "./nlp.js";
import type { PassageSentence } from "./passages.js";
import { correctWord } from "./spelling.js";
import { termKey } from "./synonyms.js";

export interface QuestionTerms {
  /** Content lemmas of the question (typos repaired towards the material), in order, without repeats. */
  lemmas: string[];
  /** The topical words as the learner typed them (lower-cased), for phrasing a reply. */
  words: string[];
  /** Match keys of the question's terms (stems, synonym groups joined), without repeats: what is scored. */
  keys: string[];
  /**
   * How much each key counts (1 for nouns, names and numbers, less for adjectives and verbs): a question's verb
   * is often generic ("calculate", "include"), its nouns carry the topic.
   */
  weights: Map<string, number>;
  /** The first noun-like key: what the question is about ("the mean" in "How do you calculate the mean?"). */
  focus: string | undefined;
  /** Key pairs adjacent in the question ("calvin cycle"), for the phrase bonus. */
  bigrams: string[];
  /**
   * What the learner asks for: a reason, a method, a quantity, a place, a time, a person, a definition, a
   * comparison, a list, a yes or no, or anything.
   */
  asks: AskKind;
}

export type AskKind =
  | "why"
  | "how"
  | "how-much"
  | "where"
  | "when"
  | "who"
  | "define"
  | "compare"
  | "list"
  | "yes-no"
  | "other";

export interface ScoredSentence extends PassageSentence {
  score: number;
  /**
   * IDF-weighted share of the question's terms this sentence contains (0..1), terms only its neighbours or
   * its heading hold counting half: what grounding is judged on.
   */
  coverage: number;
  /** Question keys the sentence itself contains. */
  matched: Set<string>;
  /** Question keys only the sentence before or after holds: the answer spans them, so they come along. */
  fromNeighbours: { before: boolean; after: boolean };
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
/** The current lesson answers first when it answers at all (the learner is looking at it). */
const CURRENT_LESSON_BONUS = 0.2;
const CURRENT_FOCUS_BONUS = 0.2;
/** Share of a term's weight earned when only a neighbouring sentence or the heading holds it. */
const CONTEXT_SHARE = 0.5;
const DERIVED_SHARE = 0.8;
const SPOKEN_BONUS = 0.04;

export function askKind(question: string): AskKind {
  // A keyword in capitals ("What does WHERE do?") is the topic, not a question word.
  const q = question
    .replace(/\b[A-Z]{2,}\b/g, "X")
    .toLowerCase()
    .trim();
  if (/\bwhy\b|\bwhat (is|are) the (reason|point|purpose)\b|\bhow come\b/.test(q)) return "why";
  if (/\b(difference between|differ|versus|vs\.?|compared? (to|with)|better than|instead of|rather than)\b/.test(q))
    return "compare";
  if (/\bhow (many|much|long|big|often|far|fast)\b/.test(q)) return "how-much";
  if (/\bhow\b|\bwhat (should|do|can) (i|you|we)\b|\bwhich steps\b/.test(q)) return "how";
  // The question's own wh-word is its first one: in "What did van Helmont find when he weighed the soil?" the
  // "when" opens a clause, and the question is a what.
  const lead = /\b(what|who|whom|whose|which|where|when|why|how)\b/.exec(q)?.[1];
  if (lead === "where") return "where";
  if (lead === "when" || /\bwhat (year|time|century|decade)\b/.test(q)) return "when";
  if (lead === "who" || lead === "whom" || lead === "whose") return "who";
  if (/\b(list|name (the|all)|what are (the|all) (\w+ )?(kinds|types|steps|phases|parts|rules|ways|stages))\b/.test(q))
    return "list";
  if (
    /^\s*(what\s+(is|are|does)\b|what's|define|explain|describe|(can|could) you (please )?(explain|define|describe|tell me what))/.test(
      q,
    )
  )
    return "define";
  if (/^\s*(is|are|does|do|can|should|will|was|were|has|have)\b/.test(q)) return "yes-no";
  return "other";
}

/** The question's terms; words the candidate sentences don't contain are repaired towards ones they do. */
export function questionTerms(question: string, sentences: readonly PassageSentence[]): QuestionTerms {
  const tokens = analyse(question)
    .flatMap((s) => s.tokens)
    .filter(isTermToken);
  const topical = tokens.filter((t) => !isFiller(t));
  const known = new Map<string, number>();
  for (const s of sentences)
    for (const t of s.tokens) if (isTermToken(t)) known.set(t.lemma, (known.get(t.lemma) ?? 0) + 1);
  const lemmas = (topical.length ? topical : tokens).map((t) =>
    known.has(t.lemma) ? t.lemma : (correctWord(t.value, known) ?? correctWord(t.lemma, known) ?? t.lemma),
  );
  const unique = [...new Set(lemmas)];
  // A repaired word takes the key its repair has in the material; others their own stem (or synonym group).
  const keyOf = new Map<string, string>();
  for (const s of sentences) for (const t of s.tokens) if (isTermToken(t)) keyOf.set(t.lemma, termKey(t));
  const chosen = topical.length ? topical : tokens;
  const keys = chosen.map((t, i) => {
    const lemma = lemmas[i] as string;
    return lemma === t.lemma ? termKey(t) : (keyOf.get(lemma) ?? lemma);
  });
  const bigrams = keys.slice(1).map((k, i) => `${keys[i]} ${k}`);
  const words = [...new Set(chosen.map((t) => t.value.toLowerCase()))];
  const weights = new Map<string, number>();
  for (const [i, t] of chosen.entries()) {
    const w = /^[A-Z]{2,}$/.test(t.value) ? 1 : (POS_WEIGHT[t.pos] ?? 0.6);
    const k = keys[i] as string;
    weights.set(k, Math.max(weights.get(k) ?? 0, w));
  }
  const focus = keys.find((k) => weights.get(k) === 1);
  return {
    lemmas: unique,
    keys: [...new Set(keys)],
    weights,
    focus,
    words,
    bigrams: [...new Set(bigrams)],
    asks: askKind(question),
  };
}

const POS_WEIGHT: Partial<Record<string, number>> = { NOUN: 1, PROPN: 1, NUM: 1, X: 1, ADJ: 0.8, VERB: 0.5 };

/** Sentences that restate or announce the question rather than answer it ("Today we look at why…"). */
export const RESTATES =
  /\?\s*$|^(welcome|today|in this (lesson|video)|in the next|we('ll| will) (look|see|learn)|let's (look|see)|by the end)\b/i;
const RESTATE_PENALTY = 0.3;
const DATA_ROW_PENALTY = 0.2;

function askBonus(asks: AskKind, s: PassageSentence, terms: QuestionTerms): number {
  const has = (re: RegExp) => re.test(s.text);
  // A sentence whose subject is what the question is about ("WHERE keeps only the rows…", "Confidence is
  // there to…") says something about it rather than mentioning it in passing.
  const first = s.tokens.find((t) => isTermToken(t));
  const subject = first && s.tokens.indexOf(first) <= 2 ? termKey(first) : undefined;
  const aboutIt =
    subject && terms.focus && terms.keys.includes(subject) && s.keys.includes(terms.focus) ? ASK_BONUS : 0;
  switch (asks) {
    case "why":
      return (
        aboutIt +
        (has(
          /\b(because|since|so that|so|due to|which is why|that is why|that's why|in order to|therefore|thus|this means|matters?|otherwise|prevents?|saves?|there to|helps?|keeps?)\b/i,
        )
          ? ASK_BONUS
          : 0)
      );
    case "how":
      // Steps are said as orders ("Add them up…", "Clean the chain…") or with a method ("by …ing", "first").
      return (
        aboutIt +
        (s.tokens[0]?.pos === "VERB" || has(/\bby \w+ing\b|\b(first|then|next|finally|step|times|divided)\b/i)
          ? ASK_BONUS
          : 0)
      );
    case "compare":
      return has(/\b(while|whereas|but|unlike|instead|rather than|than|not)\b/i) ? ASK_BONUS : 0;
    case "list":
      return has(/[:;]|,.*\band\b/) ? ASK_BONUS : 0;
    case "yes-no":
      return has(/\b(not|never|no|always|only|should|must)\b/i) ? ASK_BONUS : 0;
    case "how-much":
    case "when":
      return s.tokens.some((t) => t.pos === "NUM") ? ASK_BONUS : 0;
    case "where":
      return has(/\b(in|inside|into|within|at)\b/i) ? ASK_BONUS / 2 : 0;
    case "who":
      return s.tokens.some((t) => t.pos === "PROPN") ? ASK_BONUS : 0;
    case "define": {
      if (aboutIt) return ASK_BONUS * 2;
      // "X is called Y", "Y means …", "Y is a …": the sentences that define rather than mention.
      return has(
        /\b(is|are)\s+(called|known as|named)\b|\bmeans\b|\bstands for\b|\brefers to\b|^\S+(\s+\S+)?\s+(is|are)\s+(a|an|the|how|what|where)\b/i,
      )
        ? ASK_BONUS * 2
        : 0;
    }
    default:
      return aboutIt;
  }
}

/**
 * Groups question lemmas that the material uses as one phrase ("calvin cycle", "standard error") into one
 * concept, weighted once: otherwise a sentence that merely names the phrase outscores one that answers.
 */
function conceptUnits(terms: QuestionTerms, sentences: readonly PassageSentence[]): string[][] {
  const parent = new Map(terms.keys.map((l) => [l, l]));
  const root = (l: string): string => {
    const p = parent.get(l) ?? l;
    return p === l ? l : root(p);
  };
  const adjacent = new Set(sentences.flatMap((s) => s.keys.slice(1).map((l, i) => `${s.keys[i]} ${l}`)));
  for (const bigram of terms.bigrams) {
    if (!adjacent.has(bigram)) continue;
    const [a = "", b = ""] = bigram.split(" ");
    if (a !== b && parent.has(a) && parent.has(b)) parent.set(root(b), root(a));
  }
  const groups = new Map<string, string[]>();
  for (const l of terms.keys) groups.set(root(l), [...(groups.get(root(l)) ?? []), l]);
  return [...groups.values()];
}

export interface ScoringOptions {
  /** How many passages were retrieved (for the rank nudge). */
  passageCount: number;
  /** Penalise long sentences (beginners, "explain simpler"). */
  preferShort?: boolean;
  /** Keys of the course title: the subject every lesson implies. */
  courseTopic?: readonly string[];
  /** The lesson the learner is on: its sentences win near-ties. */
  currentLessonId?: string | null | undefined;
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
  for (const s of sentences) for (const l of new Set(s.keys)) df.set(l, (df.get(l) ?? 0) + 1);
  // The course's own subject ("Spanish" in Spanish for Travellers) is implied by every lesson, rarely said:
  // it counts half, unless the question is about nothing else.
  const topic = new Set(options.courseTopic ?? []);
  const discount = terms.keys.some((t) => !topic.has(t)) ? 0.5 : 1;
  const idf = (t: string) =>
    Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 0.5)) * (topic.has(t) ? discount : 1) * (terms.weights.get(t) ?? 1);
  const units = conceptUnits(terms, sentences);
  const weight = (unit: string[]) => Math.max(...unit.map(idf));
  // Part of a phrase earns a little: "the cycle" may well mean the Calvin cycle, "good" is not "good afternoon".
  const unitShare = (unit: string[], share: Map<string, number>) => {
    const sum = (ts: string[], f: (t: string) => number) => ts.reduce((acc, t) => acc + idf(t) * f(t), 0);
    const got = (t: string) => share.get(t) ?? 0;
    if (unit.every((t) => got(t) > 0)) return Math.min(...unit.map(got));
    return (0.5 * sum(unit, got)) / sum(unit, () => 1);
  };
  const total = units.reduce((sum, u) => sum + weight(u), 0);
  const passages = Math.max(options.passageCount, 1);
  const at = new Map(sentences.map((s) => [`${s.passageIndex}:${s.index}`, s]));
  const neighbour = (s: PassageSentence, d: number) => at.get(`${s.passageIndex}:${s.index + d}`);

  return sentences
    .map((s) => {
      const own = new Set(s.keys);
      const matched = new Set(terms.keys.filter((t) => own.has(t)));
      // A derived word shares the question word's start ("spam" → "spammers"): most of a match.
      const derived = new Set(
        terms.keys.filter((t) => !matched.has(t) && t.length >= 4 && s.keys.some((k) => k.startsWith(t))),
      );
      const before = new Set(neighbour(s, -1)?.keys ?? []);
      const after = new Set(neighbour(s, 1)?.keys ?? []);
      const heading = new Set(s.headingKeys);
      const share = new Map<string, number>();
      const fromNeighbours = { before: false, after: false };
      for (const t of terms.keys) {
        if (matched.has(t)) share.set(t, 1);
        else if (derived.has(t)) share.set(t, DERIVED_SHARE);
        else if (before.has(t) || after.has(t) || heading.has(t)) {
          share.set(t, CONTEXT_SHARE);
          if (before.has(t) && !heading.has(t)) fromNeighbours.before = true;
          else if (after.has(t) && !heading.has(t)) fromNeighbours.after = true;
        }
      }
      const covered =
        matched.size + derived.size > 0 ? units.reduce((sum, u) => sum + weight(u) * unitShare(u, share), 0) : 0;
      const coverage = total > 0 ? covered / total : 0;
      const adjacent = new Set(s.keys.slice(1).map((l, i) => `${s.keys[i]} ${l}`));
      const bigram = Math.min(terms.bigrams.filter((b) => adjacent.has(b)).length * BIGRAM_BONUS, MAX_BIGRAM_BONUS);
      const rank = RANK_BONUS * (1 - s.passageIndex / passages);
      // The current lesson answers first when it speaks of what the question is about.
      const here = options.currentLessonId && s.lessonId === options.currentLessonId;
      const current = here ? CURRENT_LESSON_BONUS + (terms.focus && own.has(terms.focus) ? CURRENT_FOCUS_BONUS : 0) : 0;
      // Between a video's words and its notes saying the same, the cue wins: the learner can jump to it.
      const spoken = s.start !== undefined ? SPOKEN_BONUS : 0;
      const words = s.tokens.filter((t) => t.type === "word").length;
      // Fragments ("Next step.") rarely answer anything; very long sentences bury the answer for a beginner.
      const shortPenalty = words < 4 ? 0.15 : 0;
      const longPenalty = options.preferShort && words > 25 ? Math.min((words - 25) * 0.01, 0.1) : 0;
      const restates = RESTATES.test(s.text) ? RESTATE_PENALTY : 0;
      // Rows of figures ("A: reach 2,000; impact 1; …") hold the terms but explain nothing: prose answers.
      const figures = s.tokens.filter((t) => t.type !== "word").length > words ? DATA_ROW_PENALTY : 0;
      const score =
        coverage > 0
          ? coverage +
            bigram +
            rank +
            current +
            spoken +
            askBonus(terms.asks, s, terms) -
            shortPenalty -
            longPenalty -
            restates -
            figures
          : 0;
      return { ...s, score, coverage, matched, fromNeighbours };
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
