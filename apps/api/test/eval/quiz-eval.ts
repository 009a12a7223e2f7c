import { analyse } from "../../src/modules/ai/offline/nlp.js";
import {
  generateQuizItems,
  KINDS_BY_DIFFICULTY,
  type QuizDifficulty,
  type QuizItem,
} from "../../src/modules/ai/offline/quiz.js";
import { buildVocabulary } from "../../src/modules/ai/offline/terms.js";
import { categoryOf, TERM_CATEGORIES } from "./quiz-categories.js";
import { type CorpusCourse, quizCorpus } from "./quiz-corpus.js";

/**
 * The quiz generator's evaluation (issue 13): quizzes for every demo lesson and every evaluation-only lesson at
 * every difficulty, checked with rules written independently of the generator.
 */
export interface QuizMetrics {
  lessons: number;
  items: number;
  agreementBreaks: number;
  answersInStem: number;
  /** Wrong options of a term answer, checked against TERM_CATEGORIES (evaluation-only courses). */
  termDistractors: number;
  termDistractorsSameKind: number;
  /** Wrong options of a clause or order answer (other effects, other orders): must be clauses or orders too. */
  clauseDistractors: number;
  clauseDistractorsSameKind: number;
  /**
   * Lesson × difficulty pairs with no question of that difficulty's own kinds (recall / cause-example-apply /
   * ordering-compare-analyse): the levels' kinds are disjoint, so 0 means every difficulty asks a different kind.
   */
  levelsWithoutOwnKind: number;
  /** Share of items whose kind belongs to the difficulty asked for (the rest are fallbacks on thin lessons). */
  ownLevelShare: Record<QuizDifficulty, number>;
  kindCounts: Record<QuizDifficulty, Record<string, number>>;
  problems: string[];
  samples: Array<{ difficulty: QuizDifficulty; course: string; item: QuizItem }>;
}

const DIFFICULTIES: QuizDifficulty[] = ["easy", "medium", "hard"];
const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[“”"'’.,;:!?()]/g, " ")
    .replace(/\b(the|a|an)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;

/** True when the answer's words appear together in the question. */
export function answerInStem(item: QuizItem): boolean {
  const stem = norm(item.question);
  const answers =
    item.type === "single_choice"
      ? [item.options[item.correct_answer] ?? ""]
      : item.type === "multiple_choice"
        ? item.correct_answer.map((i) => item.options[i] ?? "")
        : item.type === "short_answer"
          ? [item.correct_answer]
          : [];
  return answers.some((a) => norm(a).trim() !== "" && stem.includes(norm(a)));
}

const VOWEL_SOUND_CONSONANT = /^(hour|honest|honou?r|heir)/i;
const CONSONANT_SOUND_VOWEL = /^(uni|use|usu|eu|one|once|ubiq)/i;
/** "a"/"an" that doesn't fit the next word's first sound. */
function articleBreaks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(a|an|A|An)\s+([A-Za-z0-9][\w-]*)/g)) {
    const [, art, word = ""] = m;
    if (/^[A-Z]{2,}/.test(word)) continue; // acronyms are read letter by letter; not judged here
    const vowel = (/^[aeiou]/i.test(word) && !CONSONANT_SOUND_VOWEL.test(word)) || VOWEL_SOUND_CONSONANT.test(word);
    if ((art?.toLowerCase() === "an") !== vowel) out.push(`“${art} ${word}”`);
  }
  return out;
}

const isPluralNoun = (t: { value: string; lemma: string; pos: string }) =>
  t.pos === "NOUN" && /[^s]s$/i.test(t.value) && t.value.toLowerCase() !== t.lemma;

/** Number agreement: "a sugars", "the acids dissolves", "the chain are". */
function numberBreaks(text: string): string[] {
  const out: string[] = [];
  for (const s of analyse(text)) {
    const toks = s.tokens.filter((t) => t.pos !== "SPACE");
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t) continue;
      if (/^(a|an|each|every)$/i.test(t.value)) {
        const n1 = toks[i + 1];
        const n2 = toks[i + 2];
        // "a few minutes", "a lot of", "a sales call" (a plural noun modifying another noun) are fine.
        const noun = n1?.pos === "ADJ" && !/^(few|couple|dozen|number)$/i.test(n1.value) ? n2 : n1;
        const after = toks[toks.indexOf(noun as (typeof toks)[number]) + 1];
        if (noun && isPluralNoun(noun) && !/^(few|couple|dozen)$/i.test(n1?.value ?? "") && after?.pos !== "NOUN")
          out.push(`“${t.value} ${noun.value}”`);
      }
      const next = toks[i + 1];
      const prev = toks[i - 1];
      if (!next) continue;
      if (isPluralNoun(t) && /^(is|was|has|does)$/i.test(next.value) && prev?.value.toLowerCase() !== "of")
        out.push(`“${t.value} ${next.value}”`);
      if (
        t.pos === "NOUN" &&
        !/s$/i.test(t.value) &&
        /^(the|a|an|this)$/i.test(prev?.value ?? "") &&
        /^(are|were|have|do)$/i.test(next.value)
      )
        out.push(`“${t.value} ${next.value}”`);
    }
  }
  return out;
}

/** A term option names a thing ("sugars", "a finer grind"); a clause says something ("grind coarser"). */
const isTermOption = (o: string) =>
  !o.includes("→") &&
  o.split(/\s+/).length <= 4 &&
  !/[,.;]/.test(o) &&
  !(analyse(o)[0]?.tokens ?? []).some((t) => t.pos === "VERB" || t.pos === "AUX");
const plural = (o: string) => {
  const last = analyse(o)[0]
    ?.tokens.filter((t) => t.pos !== "PUNCT")
    .pop();
  return last ? isPluralNoun(last) : false;
};

/** Agreement problems in an item: articles, number, and options of a term question differing in number. */
export function agreementBreaks(item: QuizItem, courseText = ""): string[] {
  const texts = [item.question, ...(item.type === "true_false" ? [] : item.options)];
  // Only what the generator wrote counts: a phrase quoted as the course says it is the course's own wording.
  const source = courseText.toLowerCase().replace(/\s+/g, " ");
  const out = texts
    .flatMap((t) => [...articleBreaks(t), ...numberBreaks(t)])
    .filter((b) => !source.includes(b.replace(/[“”]/g, "").toLowerCase()));
  if (item.type === "single_choice" || item.type === "multiple_choice") {
    const answer =
      item.type === "single_choice" ? item.options[item.correct_answer] : item.options[item.correct_answer[0] ?? 0];
    if (answer && isTermOption(answer) && item.options.every(isTermOption)) {
      const p = plural(answer);
      for (const o of item.options) if (plural(o) !== p) out.push(`option “${o}” vs answer “${answer}”`);
    }
  }
  return out;
}

function wrongOptions(item: QuizItem): { right: string; wrong: string[] } | undefined {
  if (item.type === "single_choice")
    return {
      right: item.options[item.correct_answer] ?? "",
      wrong: item.options.filter((_, i) => i !== item.correct_answer),
    };
  if (item.type === "multiple_choice")
    return {
      right: item.options[item.correct_answer[0] ?? 0] ?? "",
      wrong: item.options.filter((_, i) => !item.correct_answer.includes(i)),
    };
  return undefined;
}

function generateAll(course: CorpusCourse, difficulty: QuizDifficulty, lessonIndex: number): QuizItem[] {
  const lesson = course.lessons[lessonIndex];
  if (!lesson) return [];
  return generateQuizItems({
    passages: lesson.passages,
    coursePassages: course.passages,
    vocabulary: buildVocabulary(course.passages),
    numQuestions: 8,
    difficulty,
  });
}

export function runQuizEval(courses: CorpusCourse[] = quizCorpus()): QuizMetrics {
  const m: QuizMetrics = {
    lessons: 0,
    items: 0,
    agreementBreaks: 0,
    answersInStem: 0,
    termDistractors: 0,
    termDistractorsSameKind: 0,
    clauseDistractors: 0,
    clauseDistractorsSameKind: 0,
    levelsWithoutOwnKind: 0,
    ownLevelShare: { easy: 0, medium: 0, hard: 0 },
    kindCounts: { easy: {}, medium: {}, hard: {} },
    problems: [],
    samples: [],
  };
  const own = { easy: 0, medium: 0, hard: 0 };
  const total = { easy: 0, medium: 0, hard: 0 };
  for (const course of courses) {
    for (const [li, lesson] of course.lessons.entries()) {
      m.lessons++;
      const courseText = course.passages.map((p) => p.text).join(" ");
      for (const difficulty of DIFFICULTIES) {
        const items = generateAll(course, difficulty, li);
        if (items.length && !items.some((i) => KINDS_BY_DIFFICULTY[difficulty].includes(i.kind))) {
          m.levelsWithoutOwnKind++;
          m.problems.push(
            `no ${difficulty} kind in ${course.title} › ${lesson.title}: ${[...new Set(items.map((i) => i.kind))].join(", ")}`,
          );
        }
        for (const item of items) {
          m.items++;
          total[difficulty]++;
          if (KINDS_BY_DIFFICULTY[difficulty].includes(item.kind)) own[difficulty]++;
          m.kindCounts[difficulty][item.kind] = (m.kindCounts[difficulty][item.kind] ?? 0) + 1;
          const where = `${course.title} › ${lesson.title} [${difficulty}]`;
          const breaks = agreementBreaks(item, courseText);
          if (breaks.length) {
            m.agreementBreaks++;
            m.problems.push(`agreement ${breaks.join(", ")} in ${where}: ${item.question}`);
          }
          if (answerInStem(item)) {
            m.answersInStem++;
            m.problems.push(`answer in stem in ${where}: ${item.question}`);
          }
          const opts = wrongOptions(item);
          if (opts) {
            if (isTermOption(opts.right)) {
              if (!TERM_CATEGORIES[course.title]) continue;
              const kind = categoryOf(course.title, opts.right);
              for (const w of opts.wrong) {
                m.termDistractors++;
                if (kind && categoryOf(course.title, w) === kind) m.termDistractorsSameKind++;
                else
                  m.problems.push(
                    `distractor “${w}” (${categoryOf(course.title, w) ?? "?"}) for “${opts.right}” (${kind ?? "?"}) in ${where}`,
                  );
              }
            } else {
              const isOrder = opts.right.includes("→");
              for (const w of opts.wrong) {
                m.clauseDistractors++;
                if (isOrder ? w.includes("→") : !isTermOption(w) || w.split(/\s+/).length >= 2)
                  m.clauseDistractorsSameKind++;
                else m.problems.push(`distractor “${w}” is not a clause like “${opts.right}” in ${where}`);
              }
            }
          }
          if (
            m.samples.filter((s) => s.difficulty === difficulty && s.course === course.title).length < 1 &&
            course.evalOnly
          )
            m.samples.push({ difficulty, course: course.title, item });
        }
      }
    }
  }
  for (const d of DIFFICULTIES) m.ownLevelShare[d] = total[d] ? own[d] / total[d] : 0;
  return m;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "n/a");

export function formatQuizMetrics(m: QuizMetrics): string {
  return [
    `quiz evaluation: ${m.lessons} lessons × 3 difficulties, ${m.items} questions`,
    `  agreement breaks:            ${m.agreementBreaks} (target 0)`,
    `  answers in the stem:         ${m.answersInStem} (target 0)`,
    `  term distractors same kind:  ${m.termDistractorsSameKind}/${m.termDistractors} = ${pct(m.termDistractorsSameKind, m.termDistractors)} (target ≥ 90%, eval-only courses)`,
    `  clause/order distractors:    ${m.clauseDistractorsSameKind}/${m.clauseDistractors} = ${pct(m.clauseDistractorsSameKind, m.clauseDistractors)}`,
    `  lesson × difficulty without a question of its own kind: ${m.levelsWithoutOwnKind} (target 0)`,
    `  own-level kinds: easy ${pct(m.ownLevelShare.easy, 1)}, medium ${pct(m.ownLevelShare.medium, 1)}, hard ${pct(m.ownLevelShare.hard, 1)}`,
    ...DIFFICULTIES.map(
      (d) =>
        `  ${d}: ${Object.entries(m.kindCounts[d])
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")}`,
    ),
  ].join("\n");
}

export function formatItem(item: QuizItem): string {
  const answer =
    item.type === "single_choice"
      ? item.options[item.correct_answer]
      : item.type === "multiple_choice"
        ? item.correct_answer.map((i) => item.options[i]).join(" + ")
        : String(item.correct_answer);
  const options = item.options.length ? `\n   options: ${item.options.join(" | ")}` : "";
  return `[${item.kind}, ${item.type}] ${item.question}${options}\n   answer: ${answer}\n   why: ${item.explanation}`;
}
