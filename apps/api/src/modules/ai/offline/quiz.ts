import { fnv1a } from "../retrieval/embedding.js";
import { blank, GAP } from "./hint.js";
import type { NlpToken } from "./nlp.js";
import { type Passage, type PassageSentence, passageSentences } from "./passages.js";
import { buildVocabulary, type TermSpan, termSpans, type VocabularyTerm } from "./terms.js";

export type QuizDifficulty = "easy" | "medium" | "hard";

/** Where an item's answer is said: the lesson and, for a video, the second. */
export interface QuizItemSource {
  lesson_id: string;
  title: string;
  start_seconds?: number;
}

interface QuizItemBase {
  question: string;
  explanation: string;
  source: QuizItemSource;
}

/**
 * A generated question. `correct_answer` follows the quiz API's answer values: an option index (single
 * choice), option indexes (multiple choice), a boolean (true/false) or the expected text (short answer).
 */
export type QuizItem =
  | (QuizItemBase & { type: "single_choice"; options: string[]; correct_answer: number })
  | (QuizItemBase & { type: "multiple_choice"; options: string[]; correct_answer: number[] })
  | (QuizItemBase & { type: "true_false"; options: ["True", "False"]; correct_answer: boolean })
  | (QuizItemBase & { type: "short_answer"; options: []; correct_answer: string; accepted_answers: string[] });

export type QuizItemType = QuizItem["type"];

export interface GenerateQuizInput {
  /** The material to ask about (e.g. a lesson's chunks from `lessonPassages`). Course descriptions are skipped. */
  passages: readonly Passage[];
  /** 1–20. Fewer items come back when the material has too few usable sentences. */
  numQuestions: number;
  difficulty: QuizDifficulty;
  /** The course's key terms (`buildVocabulary(coursePassages)`): distractors come from here. Defaults to the passages' own. */
  vocabulary?: readonly VocabularyTerm[];
}

const MIN_WORDS = 8;
const MAX_WORDS = 35;
/** Openings that depend on what came before, or talk about the lesson instead of the subject. */
const DEPENDENT_START =
  /^(it|its|this|that|these|those|they|their|he|she|his|her|here|so|but|and|or|then|now|next|also|because|which|let's|let|notice|remember|imagine|suppose|try|look|write|run|add|use|take|start|say|listen|in this|in the next|by the end)\b/i;
const META = /\b(lesson|video|quiz|course|chapter|recap|below|above|earlier|later on)\b/i;
const CODE_LIKE = /[{}=;<>`$]|\(\)/;
/** Code read aloud ("SELECT c dot name FROM customers AS c"): keywords in capitals. */
const SPOKEN_CODE = /(\b[A-Z]{2,}\b.*){3,}/;

/** Question types per difficulty, cycled: easy leans on recognition, hard on recall. */
const TYPE_PLAN: Record<QuizDifficulty, QuizItemType[]> = {
  easy: ["single_choice", "true_false", "single_choice", "multiple_choice", "true_false"],
  medium: ["single_choice", "true_false", "short_answer", "multiple_choice", "single_choice"],
  hard: ["short_answer", "multiple_choice", "single_choice", "true_false", "short_answer"],
};

/** mulberry32: a tiny seeded generator, so the same material always yields the same quiz. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface KeySentence {
  sentence: PassageSentence;
  terms: Array<TermSpan & { vocab: VocabularyTerm }>;
  score: number;
}

const words = (s: PassageSentence) => s.tokens.filter((t: NlpToken) => t.type === "word" || t.type === "number").length;

/** Declarative, self-contained, 8–35 words, about the subject, with at least one course term to ask about. */
function keySentences(sentences: readonly PassageSentence[], vocab: Map<string, VocabularyTerm>): KeySentence[] {
  const out: KeySentence[] = [];
  for (const s of sentences) {
    const n = words(s);
    if (n < MIN_WORDS || n > MAX_WORDS) continue;
    if (!/[.]$/.test(s.text) || DEPENDENT_START.test(s.text) || META.test(s.text)) continue;
    if (CODE_LIKE.test(s.text) || SPOKEN_CODE.test(s.text)) continue;
    if (s.tokens[0]?.pos === "VERB") continue; // an instruction to the learner, not a fact
    const terms = termSpans(s.tokens).flatMap((span) => {
      const v = vocab.get(span.key);
      return v ? [{ ...span, vocab: v }] : [];
    });
    if (terms.length === 0) continue;
    const defines = /\b(is|are)\s+(called|known as)\b|\bmeans\b|\bstands for\b/i.test(s.text) ? 1 : 0;
    out.push({ sentence: s, terms, score: new Set(terms.map((t) => t.key)).size + defines + Math.min(n, 25) / 25 });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score || a.sentence.passageIndex - b.sentence.passageIndex || a.sentence.index - b.sentence.index,
  );
}

/** Easy asks about the course's most used terms, hard about its rarer ones. */
function targetTerm(ks: KeySentence, difficulty: QuizDifficulty, used: Set<string>) {
  const fresh = ks.terms.filter((t) => !used.has(t.key));
  // A compound the course uses once may be a tagging slip ("rubisco fixes"): ask about it only as a last resort.
  const reliable = (t: TermSpan & { vocab: VocabularyTerm }) => t.vocab.count >= 2 || t.vocab.words === 1;
  const candidates = fresh.length ? fresh : ks.terms;
  const pool = (candidates.some(reliable) ? candidates.filter(reliable) : candidates)
    .slice()
    .sort((a, b) => b.vocab.count - a.vocab.count || a.from - b.from);
  if (difficulty === "easy") return pool[0];
  if (difficulty === "hard") return pool[pool.length - 1];
  return pool[Math.floor((pool.length - 1) / 2)];
}

function similarity(a: VocabularyTerm, b: VocabularyTerm, lessonKeys: ReadonlySet<string>): number {
  const len = 1 - Math.abs(a.term.length - b.term.length) / Math.max(a.term.length, b.term.length);
  // A term of the same lesson is on the same topic: the most tempting wrong answer.
  return (lessonKeys.has(b.key) ? 0.3 : 0) + (a.plural === b.plural ? 0.2 : 0) + 0.2 * len;
}

/**
 * Distractors from the course's vocabulary: never the answer, a part of it or a term of the sentence itself,
 * all distinct, of the same kind and size, preferring terms the course uses more than once (a tagging slip
 * is rarely repeated). Hard quizzes take the closest (same lesson, same number, similar length); easy ones
 * any fitting term, preferably from other lessons.
 */
function distractors(
  answer: VocabularyTerm,
  sentenceText: string,
  vocabulary: readonly VocabularyTerm[],
  lessonKeys: ReadonlySet<string>,
  difficulty: QuizDifficulty,
  count: number,
  rnd: () => number,
): VocabularyTerm[] {
  const lowerSentence = sentenceText.toLowerCase();
  const answerWords = new Set(answer.key.split(/[\s-]+/));
  const singular = (t: string) => t.toLowerCase().replace(/(es|s)$/, "");
  const base = vocabulary.filter(
    (v) =>
      v.key !== answer.key &&
      singular(v.term) !== singular(answer.term) &&
      !v.key.split(/[\s-]+/).some((w) => answerWords.has(w)) &&
      !lowerSentence.includes(v.term.toLowerCase()),
  );
  const sameKind = base.filter((v) => v.kind === answer.kind);
  // Names keep their length ("Andrew Benson" vs "James Bassham"); common compounds may differ by a word.
  const slack = answer.kind === "common" && answer.words > 1 ? 1 : 0;
  const sized = sameKind.filter((v) => Math.abs(v.words - answer.words) <= slack);
  const tiers = [sized.filter((v) => v.count >= 2), sized, sameKind, base];
  const tier = tiers.find((t) => t.length >= count) ?? base;
  const ranked = tier
    .map((v) => ({ v, sim: similarity(answer, v, lessonKeys) + rnd() * 0.05 }))
    .sort((a, b) => b.sim - a.sim || a.v.key.localeCompare(b.v.key));
  let band: typeof ranked;
  if (difficulty === "hard") band = ranked.slice(0, count * 2);
  else if (difficulty === "medium") band = ranked.slice(0, Math.max(count * 4, Math.ceil(ranked.length * 0.4)));
  else {
    const elsewhere = ranked.filter((r) => !lessonKeys.has(r.v.key));
    band = elsewhere.length >= count ? elsewhere : ranked;
  }
  const chosen: VocabularyTerm[] = [];
  for (const c of shuffle(band, rnd)) {
    if (chosen.length >= count) break;
    if (chosen.some((x) => x.term.toLowerCase() === c.v.term.toLowerCase() || x.key === c.v.key)) continue;
    chosen.push(c.v);
  }
  return chosen;
}

const sourceOf = (s: PassageSentence): QuizItemSource => ({
  lesson_id: s.lessonId,
  title: s.lessonTitle,
  ...(s.start !== undefined ? { start_seconds: s.start } : {}),
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Terms listed together ("oxygen, ATP and NADPH"), for select-all-that-apply items. */
function enumeration(ks: KeySentence): KeySentence["terms"] | undefined {
  const spans = [...ks.terms].sort((a, b) => a.from - b.from);
  const tokens = ks.sentence.tokens;
  let best: KeySentence["terms"] = [];
  let run: KeySentence["terms"] = [];
  let lastJoin = "";
  for (const span of spans) {
    const prev = run[run.length - 1];
    const between = prev
      ? tokens
          .slice(prev.to + 1, span.from)
          .map((t) => t.value.toLowerCase())
          .join(" ")
      : "";
    run = prev && /^(,|and|or|, and|, or)$/.test(between) ? [...run, span] : [span];
    lastJoin = run.length > 1 ? between : "";
    // A list ends with "and"/"or" ("pigments, molecules that…" is an apposition) and isn't followed by a
    // verb ("…from the roots, and phloem carries…" joins two clauses).
    const after = tokens[span.to + 1];
    const closesList = /\b(and|or)$/.test(lastJoin) && !(after && (after.pos === "VERB" || after.pos === "AUX"));
    if (run.length > best.length && closesList) best = run;
  }
  return best.length >= 2 ? best : undefined;
}

interface Built {
  item: QuizItem;
  key: string;
}

function build(
  type: QuizItemType,
  ks: KeySentence,
  difficulty: QuizDifficulty,
  vocabulary: readonly VocabularyTerm[],
  lessonKeys: ReadonlySet<string>,
  used: Set<string>,
): Built | undefined {
  const s = ks.sentence;
  const rnd = random(fnv1a(`${type}|${s.text}`));
  const source = sourceOf(s);
  const quote = `“${s.text}”`;

  if (type === "multiple_choice") {
    const listed = enumeration(ks);
    if (!listed) return undefined;
    const first = listed[0] as KeySentence["terms"][number];
    const prefix = s.tokens
      .slice(0, first.from)
      .map((t) => t.value)
      .join(" ")
      .replace(/\s+([,.:;])/g, "$1")
      .trim();
    if (prefix.split(/\s+/).length < 2) return undefined;
    const wrong = distractors(first.vocab, s.text, vocabulary, lessonKeys, difficulty, 2, rnd);
    if (wrong.length < 2) return undefined;
    const right = listed.map((t) => t.vocab.term);
    const options = shuffle([...right, ...wrong.map((w) => w.term)], rnd);
    if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) return undefined;
    return {
      key: listed.map((t) => t.key).join("|"),
      item: {
        type,
        question: `According to “${s.lessonTitle}”, which of these complete the statement “${prefix} …”? Select all that apply.`,
        options,
        correct_answer: right.map((r) => options.indexOf(r)).sort((a, b) => a - b),
        explanation: `The lesson says: ${quote}`,
        source,
      },
    };
  }

  const target = targetTerm(ks, difficulty, used);
  if (!target) return undefined;
  const answer = target.vocab;
  const cloze = blank(s.text, target.surface);
  if (!cloze.includes(GAP) || cloze === s.text) return undefined;

  if (type === "short_answer") {
    const accepted = [
      ...new Set([target.surface, answer.term, target.surface.toLowerCase(), answer.term.toLowerCase()]),
    ];
    return {
      key: answer.key,
      item: {
        type,
        question: `Complete the sentence from “${s.lessonTitle}”: “${cloze}”`,
        options: [],
        correct_answer: answer.term,
        accepted_answers: accepted,
        explanation: `The lesson says: ${quote}`,
        source,
      },
    };
  }

  const wrong = distractors(answer, s.text, vocabulary, lessonKeys, difficulty, type === "single_choice" ? 3 : 1, rnd);
  if (type === "true_false") {
    const swap = wrong[0];
    const isTrue = !swap || rnd() < 0.5;
    const statement = isTrue
      ? s.text
      : cloze.replace(new RegExp(GAP, "g"), (_m, offset: number) => (offset === 0 ? capitalise(swap.term) : swap.term));
    return {
      key: answer.key,
      item: {
        type,
        question: `True or false: “${statement}”`,
        options: ["True", "False"],
        correct_answer: isTrue,
        explanation: isTrue ? `True. The lesson says: ${quote}` : `False. The lesson says: ${quote}`,
        source,
      },
    };
  }

  if (wrong.length < 2) return undefined;
  const options = shuffle([answer.term, ...wrong.map((w) => w.term)], rnd);
  return {
    key: answer.key,
    item: {
      type: "single_choice",
      question: `Fill in the blank: “${cloze}”`,
      options,
      correct_answer: options.indexOf(answer.term),
      explanation: `The lesson says: ${quote}`,
      source,
    },
  };
}

/**
 * Quiz items built from the material with NLP: key sentences (declarative, term-rich, 8–35 words), key
 * terms from POS, then cloze (single choice or short answer), true/false by swapping a term for a
 * distractor, and select-all items from listed terms. Deterministic; no two items share a question, a
 * sentence or (while others remain) an answer term.
 */
export function generateQuizItems(input: GenerateQuizInput): QuizItem[] {
  const wanted = Math.min(Math.max(Math.floor(input.numQuestions), 1), 20);
  const sentences = passageSentences(input.passages.filter((p) => p.source !== "course"));
  const vocabulary = input.vocabulary?.length ? [...input.vocabulary] : buildVocabulary(input.passages);
  const byKey = new Map(vocabulary.map((v) => [v.key, v]));
  // Terms of the lesson itself must be known even when the course vocabulary was built elsewhere.
  const own = buildVocabulary(input.passages);
  for (const v of own) if (!byKey.has(v.key)) byKey.set(v.key, v);
  const lessonKeys = new Set(own.map((v) => v.key));
  const candidates = keySentences(sentences, byKey);
  const pool = [...byKey.values()];
  const plan = TYPE_PLAN[input.difficulty];

  const items: QuizItem[] = [];
  const questions = new Set<string>();
  const usedSentences = new Set<string>();
  const usedTerms = new Set<string>();
  for (let slot = 0; items.length < wanted && slot < wanted * 3; slot++) {
    const preferred = plan[slot % plan.length] as QuizItemType;
    let made: { built: Built; ks: KeySentence } | undefined;
    for (const type of [preferred, "single_choice", "short_answer"] as QuizItemType[]) {
      for (const ks of candidates) {
        if (usedSentences.has(ks.sentence.text)) continue;
        const built = build(type, ks, input.difficulty, pool, lessonKeys, usedTerms);
        if (!built || questions.has(built.item.question.toLowerCase())) continue;
        if (usedTerms.has(built.key) && candidates.some((c) => !usedSentences.has(c.sentence.text) && c !== ks))
          continue;
        made = { built, ks };
        break;
      }
      if (made) break;
    }
    if (!made) break;
    items.push(made.built.item);
    questions.add(made.built.item.question.toLowerCase());
    usedSentences.add(made.ks.sentence.text);
    for (const k of made.built.key.split("|")) usedTerms.add(k);
  }
  return items;
}
