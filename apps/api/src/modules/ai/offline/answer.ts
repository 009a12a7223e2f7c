import { blank, type HintPlan, planHint } from "./hint.js";
import { analyse } from "./nlp.js";
import { formatSeconds, type Passage, type PassageSentence, passageSentences } from "./passages.js";
import { type AnswerMode, beginnerClosing, type LearnerLevel, opening } from "./phrasing.js";
import {
  overlap,
  type QuestionTerms,
  questionTerms,
  RESTATES,
  type ScoredSentence,
  scoreSentences,
} from "./scoring.js";
import { contentKeys } from "./synonyms.js";

export type { AnswerMode, LearnerLevel } from "./phrasing.js";

/** Same shape as the stored message citation: a lesson and, for a video, the second to seek to. */
export interface AnswerCitation {
  lesson_id: string;
  title: string;
  start_seconds?: number;
  excerpt: string;
}

export interface ComposeAnswerInput {
  question: string;
  /** Retrieved passages, best first (`RetrievedChunk[]` fits). */
  passages: readonly Passage[];
  level: LearnerLevel;
  mode: AnswerMode;
  /** The learner has an unsubmitted quiz on this lesson: guide to the place, never state the answer. */
  hintOnly: boolean;
  /** With `hintOnly`: texts that must not appear in the reply (e.g. the open quiz's correct options). */
  withhold?: readonly string[];
  /** The lesson the learner is on: when it answers, it answers first. */
  currentLessonId?: string | null | undefined;
  /** With `hintOnly`: how many hints this learner already had on this question (the ladder's rung, 0 first). */
  hintStep?: number | undefined;
}

export interface ComposedAnswer {
  /** The tutor's reply; each claim carries a marker like "[1]" pointing into `citations`. */
  answer: string;
  citations: AnswerCitation[];
  /** False when the material doesn't cover the question: the reply says so instead of guessing. */
  grounded: boolean;
}

/** The best sentence must cover at least this IDF-weighted share of the question to count as an answer. */
export const GROUNDED_COVERAGE = 0.4;
/** The lesson the learner is on may answer in other words: a little less coverage will do there. */
export const GROUNDED_COVERAGE_CURRENT_LESSON = 0.33;
/** Passages read per answer: the top few hold the answer when there is one; more only add noise. */
const PASSAGES = { normal: 6, simpler: 6, deeper: 8 } as const;
const MAX_SENTENCES = { normal: 3, simpler: 1, deeper: 5 } as const;
const MAX_EXCERPT = 300;
/** Sentences that lean on the one before ("It runs in the stroma") bring that one along as context. */
const ANAPHORA = /^(it|its|this|that|these|those|they|their|he|she|his|her|then|so|but|and|here|there)\b/i;
/**
 * A sentence that carries the one before it on: a pronoun, a consequence or a contrast ("They fed radioactive
 * carbon…", "So the job runs on influence"). After the best sentence, it finishes the answer.
 */
const CARRIES_ON =
  /^(it|this|that|these|they|so|that's why|that is why|this means|which means|instead|because|otherwise|but)\b/i;
/** A sentence starting in lower case continues the one before (a split after "¿…?" or an abbreviation). */
const CONTINUES = /^[\p{Ll}]/u;

function ungrounded(question: string, closest: PassageSentence | undefined): ComposedAnswer {
  const pointer = closest ? ` The closest lesson I found is “${closest.lessonTitle}”, but it doesn't answer this.` : "";
  const topic = question.trim() ? "that" : "an empty question";
  return {
    answer: `I couldn't find ${topic} in this course's material, so I won't guess.${pointer} Try asking with words from the lessons, or ask your instructor.`,
    citations: [],
    grounded: false,
  };
}

/** Picks the answer sentences: the best, then others that add question terms without repeating it. */
function pick(
  ranked: ScoredSentence[],
  mode: AnswerMode,
  level: LearnerLevel,
  asks: QuestionTerms["asks"],
): ScoredSentence[] {
  const best = ranked[0] as ScoredSentence;
  if (mode === "simpler") {
    // The clearest (fewest words, no asides) of the near-ties: "simpler" must still answer the same question.
    const strong = ranked.filter((s) => s.coverage >= best.coverage && s.score >= best.score * 0.97);
    const clarity = (s: ScoredSentence) =>
      s.tokens.length + (/[(;:]/.test(s.text) ? 8 : 0) + (ANAPHORA.test(s.text) ? 6 : 0);
    return [[...strong].sort((a, b) => clarity(a) - clarity(b) || b.score - a.score)[0] ?? best];
  }
  const max = level === "beginner" && mode === "normal" ? 2 : MAX_SENTENCES[mode];
  const floor = mode === "deeper" ? 0.4 : 0.55;
  // The question's most specific term the best sentence answers on: later picks elsewhere must share it,
  // so "stop an infinite loop" doesn't pull in any sentence that happens to say "stop".
  const share = (t: string) => ranked.filter((s) => s.matched.has(t)).length;
  const focus = [...best.matched].sort((a, b) => share(a) - share(b) || a.localeCompare(b))[0];
  const picks = [best];
  const covered = new Set(best.matched);
  for (const s of ranked.slice(1)) {
    if (picks.length >= max) break;
    if (s.coverage === 0 || RESTATES.test(s.text)) continue;
    if (picks.some((p) => p.text === s.text || overlap(p.lemmas, s.lemmas) >= 0.5)) continue;
    // Sentences right around the best one usually continue its explanation.
    const near = s.passageIndex === best.passageIndex && Math.abs(s.index - best.index) <= 2;
    const adjusted = s.score + (near ? 0.25 : focus && !s.matched.has(focus) ? -0.2 : 0);
    if (adjusted < best.score * floor) continue;
    const adds = [...s.matched].some((t) => !covered.has(t));
    // A reason, a method or a contrast is often said twice in different words ("sour coffee is under-extracted";
    // "cooler water … tastes sour"): both help, so the bar for a second saying is lower there.
    const again = mode === "deeper" || ["why", "how", "compare", "define"].includes(asks) ? 0.7 : 0.85;
    if (!adds && adjusted < best.score * again) continue;
    picks.push(s);
    for (const t of s.matched) covered.add(t);
  }
  return picks;
}

/** Adds the sentence before an anaphoric pick and, going deeper, the one after the best: context to read it by. */
function withContext(
  picks: ScoredSentence[],
  all: readonly PassageSentence[],
  mode: AnswerMode,
  asks: QuestionTerms["asks"],
): PassageSentence[] {
  const byPlace = new Map(all.map((s) => [`${s.passageIndex}:${s.index}`, s]));
  const chosen = new Map<string, PassageSentence>();
  const key = (s: PassageSentence) => `${s.passageIndex}:${s.index}`;
  const neighbour = (s: PassageSentence, delta: number) => byPlace.get(`${s.passageIndex}:${s.index + delta}`);
  for (const p of picks) {
    // A pronoun, a lower-case start, or question words only the sentence before holds bring that sentence along.
    if (ANAPHORA.test(p.text) || CONTINUES.test(p.text) || (p === picks[0] && p.fromNeighbours.before)) {
      const before = neighbour(p, -1);
      if (before && (mode !== "simpler" || p.fromNeighbours.before)) chosen.set(key(before), before);
    }
    chosen.set(key(p), p);
    // …and so do question words only the sentence after holds, or a next sentence that carries it on.
    if (p === picks[0] && mode !== "simpler") {
      let after = neighbour(p, 1);
      if (after && chosen.has(key(after))) after = neighbour(after, 1);
      // A method goes on in orders ("The mean is the average. Add them up and divide…").
      const step = asks === "how" && after?.tokens[0]?.pos === "VERB";
      if (after && (p.fromNeighbours.after || CARRIES_ON.test(after.text) || step)) chosen.set(key(after), after);
    }
  }
  if (mode === "deeper") {
    const after = picks[0] ? neighbour(picks[0], 1) : undefined;
    if (after) chosen.set(key(after), after);
  }
  // Reading order: passages in the order their best sentence ranked, sentences in spoken/written order.
  const passageOrder = [...new Set(picks.map((p) => p.passageIndex))];
  return [...chosen.values()].sort(
    (a, b) => passageOrder.indexOf(a.passageIndex) - passageOrder.indexOf(b.passageIndex) || a.index - b.index,
  );
}

/** A sentence that announces what follows ("There are two ways to picture a vector", "It follows two rules:"). */
const ANNOUNCES =
  /:\s*$|\b(two|three|four|five|several|a few|the following)\s+(\w+\s+)?(ways?|rules?|kinds?|types?|steps?|phases?|risks?|parts?|questions?|reasons?|stages?|operations?)\b|\bdefinition\b|\bhere is\b|\bas follows\b/i;
/** With fewer new content words than this, the best sentence only repeats the question: the answer comes next. */
const MIN_NEW_WORDS = 3;

/**
 * When the best sentence only sets the answer up, the answer is in the sentences after it, often the next cue:
 * those are joined (two after an announcement, one after a sentence that mostly restates the question).
 */
function withFollowUp(
  ordered: PassageSentence[],
  best: PassageSentence,
  all: readonly PassageSentence[],
  asked: readonly string[],
): PassageSentence[] {
  const novel = new Set(best.lemmas.filter((l) => !asked.includes(l))).size;
  const follow = ANNOUNCES.test(best.text) ? 2 : novel < MIN_NEW_WORDS ? 1 : 0;
  if (follow === 0) return ordered;
  const out = [...ordered];
  const at = out.findIndex((s) => s.passageIndex === best.passageIndex && s.index === best.index);
  let insertAt = at + 1;
  for (let k = 1; k <= follow; k++) {
    const next = all.find((s) => s.passageIndex === best.passageIndex && s.index === best.index + k);
    if (!next) break;
    if (out.some((s) => s.passageIndex === next.passageIndex && s.index === next.index)) continue;
    out.splice(insertAt++, 0, next);
  }
  return out;
}

/** Numbers citations by first use; sentences from the same cue (or markdown passage) share one. */
function cite(sentences: readonly PassageSentence[]) {
  const citations: AnswerCitation[] = [];
  const byKey = new Map<string, number>();
  const markers = sentences.map((s) => {
    const k = `${s.lessonId}|${s.start ?? `p${s.passageIndex}`}`;
    let n = byKey.get(k);
    if (n === undefined) {
      citations.push({
        lesson_id: s.lessonId,
        title: s.lessonTitle,
        ...(s.start !== undefined ? { start_seconds: s.start } : {}),
        excerpt: "",
      });
      n = citations.length;
      byKey.set(k, n);
    }
    const c = citations[n - 1] as AnswerCitation;
    c.excerpt = (c.excerpt ? `${c.excerpt} ${s.text}` : s.text).slice(0, MAX_EXCERPT);
    return n;
  });
  return { citations, markers };
}

/**
 * A plain-words restatement: "X is called Y" becomes "Y means X"; otherwise asides (brackets, "or … for
 * short") are dropped. Undefined when that changes nothing.
 */
export function plainWords(sentence: string): string | undefined {
  const called = /^([^,;:]{8,}?)\s+(?:is|are)\s+(?:called|known as|named)\s+([^,;:]+?)[.!]?$/i.exec(sentence);
  const subject = called?.[1] ?? "";
  if (
    called?.[2] &&
    !ANAPHORA.test(subject) &&
    !/^(next|now|then|so|here|in|at|on)\b/i.test(subject) &&
    subject.split(" ").length <= 12
  ) {
    const what = subject.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
    const term = called[2].replace(/^(a|an|the)\s+/i, "");
    return `${term.charAt(0).toUpperCase()}${term.slice(1)} means ${what}.`;
  }
  const trimmed = sentence
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/,\s*or\s+[^,]+?\s+for short/gi, "")
    .replace(/^(Now|So|Then|Meanwhile|Confusingly|In practice|Finally|Also|Next|Of course|Notice that),?\s+/i, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  const restated = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return restated !== sentence && restated.length >= 12 ? restated : undefined;
}

/**
 * A hint from the ladder, one rung per ask: what to think about (the idea, no place), then where to look (the
 * lesson and its second), then a partial step (the sentence with the answer blanked out). Never the answer.
 */
function hintAnswer(plan: HintPlan, level: LearnerLevel, withhold: readonly string[], step: number): ComposedAnswer {
  const s = plan.sentence;
  const place =
    s.heading && s.heading !== s.lessonTitle ? `“${s.heading}” in “${s.lessonTitle}”` : `“${s.lessonTitle}”`;
  const rung = Math.min(Math.max(step, 0), plan.cloze ? 2 : 1);
  const lines = [
    "You haven't taken the quiz that covers this yet, so I won't give the answer away, but I can help you get there.",
  ];
  if (rung === 0) {
    lines.push(`Start by thinking about ${plan.topic}: what does ${place} say it is, or what it does? [1]`);
    lines.push("Ask again if you'd like me to point to the exact place.");
  } else if (rung === 1) {
    lines.push(
      s.start !== undefined
        ? `Have another look at “${s.lessonTitle}” around ${formatSeconds(s.start)} [1]: that's where ${plan.topic} comes up.`
        : `Re-read ${place} [1]: that's where ${plan.topic} comes up.`,
    );
    lines.push(`As you go through it, ask yourself: what does it say about ${plan.topic}?`);
  } else {
    const at = s.start !== undefined ? ` (around ${formatSeconds(s.start)})` : "";
    lines.push(`Here's the sentence from ${place}${at} with the key part left out [1]: “${plan.cloze}”`);
    lines.push(`What fits there, and how does it answer your question about ${plan.topic}?`);
    if (level === "beginner" && plan.firstLetter)
      lines.push(`A nudge: the missing word starts with “${plan.firstLetter}”.`);
  }
  // Last line of defence: the open quiz's answers never leave, wherever they would have appeared.
  const answer = withhold.reduce((text, w) => blank(text, w), lines.join(" "));
  const excerpt = withhold.reduce(
    (text, w) => blank(text, w),
    rung === 2 ? (plan.cloze ?? "") : s.heading || s.lessonTitle,
  );
  return {
    answer,
    citations: [
      {
        lesson_id: s.lessonId,
        title: s.lessonTitle,
        ...(s.start !== undefined && rung >= 1 ? { start_seconds: s.start } : {}),
        excerpt,
      },
    ],
    grounded: true,
  };
}

/**
 * The offline tutor's reply: the sentences of the retrieved passages that answer the question (not whole
 * chunks), each with its citation, introduced for the learner's level and follow-up mode. Says so plainly
 * when the material doesn't cover the question, and only hints while a quiz on the lesson is open.
 */
export function composeAnswer(input: ComposeAnswerInput): ComposedAnswer {
  const passages = input.passages.slice(0, PASSAGES[input.mode]);
  const sentences = passageSentences(passages);
  if (!input.question.trim() || sentences.length === 0) return ungrounded(input.question, undefined);
  const terms = questionTerms(input.question, sentences);
  const ranked = scoreSentences(terms, sentences, {
    passageCount: passages.length,
    preferShort: input.level === "beginner" || input.mode === "simpler",
    courseTopic: analyse(passages[0]?.courseTitle ?? "").flatMap(contentKeys),
    currentLessonId: input.currentLessonId,
  });
  const best = ranked[0];
  const needed =
    best && input.currentLessonId && best.lessonId === input.currentLessonId
      ? GROUNDED_COVERAGE_CURRENT_LESSON
      : GROUNDED_COVERAGE;
  if (!best || terms.keys.length === 0 || best.coverage < needed) {
    const reply = ungrounded(input.question, best && best.coverage > 0 ? best : undefined);
    // Even a lesson's title may hold an open quiz's answer ("GROUP BY, HAVING and …").
    if (input.hintOnly) reply.answer = (input.withhold ?? []).reduce((text, w) => blank(text, w), reply.answer);
    return reply;
  }

  if (input.hintOnly) {
    const withhold = input.withhold ?? [];
    return hintAnswer(planHint(best, terms, ranked, withhold), input.level, withhold, input.hintStep ?? 0);
  }

  const picks = pick(ranked, input.mode, input.level, terms.asks);
  const ordered = withFollowUp(withContext(picks, sentences, input.mode, terms.asks), best, sentences, terms.lemmas);
  const { citations, markers } = cite(ordered);
  const lines = [
    opening({ question: input.question, asks: terms.asks, level: input.level, mode: input.mode }),
    body(ordered, markers, terms.asks),
  ];

  if (input.mode === "simpler") {
    const plain = plainWords(picks[0]?.text ?? "");
    if (plain) lines.push(`In plain words: ${plain}`);
  } else if (input.mode === "deeper") {
    const shown = new Set(ordered.map((s) => s.lessonId));
    const related = ranked.find((s) => !shown.has(s.lessonId) && s.score >= best.score * 0.5);
    if (related) {
      const at = related.start !== undefined ? ` (around ${formatSeconds(related.start)})` : "";
      lines.push(`“${related.lessonTitle}”${at} comes back to this too, if you want to see it from another angle.`);
    }
  } else if (input.level === "beginner") {
    lines.push(beginnerClosing(input.question));
  }
  return { answer: lines.join("\n\n"), citations, grounded: true };
}

/**
 * The cited sentences, shaped for the question: the steps of a method one per line, numbered; a reason, a
 * definition or a list as the course says it, in flowing text.
 */
function body(ordered: readonly PassageSentence[], markers: readonly number[], asks: QuestionTerms["asks"]): string {
  const cited = ordered.map((s, i) => `${s.text} [${markers[i]}]`);
  const steps = ordered.filter((s) => s.tokens[0]?.pos === "VERB").length;
  if (asks === "how" && steps >= 2) return cited.map((line, i) => `${i + 1}. ${line}`).join("\n");
  return cited.join(" ");
}
