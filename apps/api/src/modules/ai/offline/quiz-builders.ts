import { fnv1a } from "../retrieval/embedding.js";
import { GAP } from "./hint.js";
import type { NlpToken } from "./nlp.js";
import { formatSeconds, type PassageSentence } from "./passages.js";
import type { QuizItem, QuizItemSource, QuizKind } from "./quiz.js";
import {
  capitalise,
  containsPhrase,
  fixArticles,
  flipOpposite,
  looksPlural,
  opposites,
  render,
} from "./quiz-grammar.js";
import { buildInventory, type Concept, type ConceptInventory, type SentenceSpan } from "./quiz-inventory.js";
import {
  type Causal,
  causalAcross,
  causalOf,
  contrastOf,
  definitionOf,
  exampleOf,
  type Fact,
  orderOf,
  type Rule,
  ruleOf,
  type Step,
  stepsOf,
  toFacts,
} from "./quiz-patterns.js";
import type { VocabularyTerm } from "./terms.js";

/**
 * The question builders of the offline quiz generator: one function per kind of question, each taking a sentence
 * of the lesson (a Fact) and the course context, returning a question or nothing when the sentence doesn't fit.
 */

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

const sourceOf = (s: PassageSentence): QuizItemSource => ({
  lesson_id: s.lessonId,
  title: s.lessonTitle,
  ...(s.start !== undefined ? { start_seconds: s.start } : {}),
});

/** "(“The Calvin cycle”, at 1:05)" or "(“Brew ratio”, section “Weighing”)": where to check the answer. */
function cite(s: PassageSentence): string {
  if (s.start !== undefined) return `(“${s.lessonTitle}”, at ${formatSeconds(s.start)})`;
  const section = s.heading.split(" › ").pop();
  return section && section !== s.lessonTitle ? `(“${s.lessonTitle}”, section “${section}”)` : `(“${s.lessonTitle}”)`;
}
const said = (f: Fact) => `“${f.sentence.text}” ${cite(f.sentence)}`;

export interface Context {
  inventory: ConceptInventory;
  /** Every fact of the course, for clause distractors (other effects, other rules). */
  courseFacts: Fact[];
  courseCausals: Causal[];
  courseRules: Rule[];
  /** Every sentence of the course, code examples included: where numbers of the same shape come from. */
  courseSentences: readonly PassageSentence[];
  /** Lower-cased sentences of the course: a "false" variant must not be something the course says. */
  courseText: Set<string>;
  /** "lessonId|clause" for every effect and rule outcome: same-lesson wrong answers are ranked first. */
  lessonOutcomes: Set<string>;
  frequency: Map<string, number>;
}

/** A built question and the sentences it used (no sentence is asked about twice). */
export interface Candidate {
  item: QuizItem;
  uses: string[];
}

const lastWord = (s: string) => s.split(/\s+/).pop() ?? "";
const optionForm = (c: Concept) => c.term;

/**
 * Same-kind distractors for a term: its siblings in the inventory with the same grammatical number, none sharing a
 * word with the answer, none already in the sentence. Most used first, so the wrong options are the course's real
 * vocabulary, not one-off words.
 */
function siblingsFor(ctx: Context, span: SentenceSpan, sentence: string, n: number): Concept[] {
  const answerWords = new Set(span.conceptKey.split(/\s+/));
  const plural = looksPlural(lastWord(span.surface));
  const lower = sentence.toLowerCase();
  return ctx.inventory
    .siblings(span.conceptKey)
    .filter(
      (c) =>
        c.plural === plural &&
        !c.key.split(/\s+/).some((w) => answerWords.has(w)) &&
        !lower.includes(c.term.toLowerCase()) &&
        !span.surface.toLowerCase().includes(c.term.toLowerCase()),
    )
    .slice(0, n);
}

/** A term as an option: lower case unless the course writes it as a name ("acids", "Calvin cycle"). */
function answerForm(span: SentenceSpan, ctx?: Context): string {
  const known = ctx?.inventory.concepts.get(span.conceptKey);
  const lower =
    /^\p{Lu}\p{Ll}/u.test(span.surface) &&
    (span.kind === "common" || (known && known.term === known.term.toLowerCase()));
  return lower ? span.surface.toLowerCase() : span.surface;
}

/** The sentence with the span's tokens replaced by `text`, articles made to agree. */
function replaceSpan(fact: Fact, span: SentenceSpan, text: string): string {
  const toks = fact.tokens;
  const before = render(toks.slice(0, span.from));
  const after = render(toks.slice(span.to + 1));
  const word = span.from === 0 ? capitalise(text) : text;
  const joined = [before, word].filter(Boolean).join(" ") + (/^[,.;:]/.test(after) ? after : ` ${after}`);
  return fixArticles(joined.trim());
}

function choice(
  kind: QuizKind,
  fact: Fact,
  question: string,
  answer: string,
  wrong: readonly string[],
  explanation: string,
  uses: string[] = [fact.sentence.text],
): Candidate | undefined {
  const all = [answer, ...wrong];
  if (new Set(all.map((o) => o.toLowerCase())).size !== all.length || wrong.length < 1) return undefined;
  if (containsPhrase(question, answer)) return undefined;
  const options = shuffle(all, random(fnv1a(`${kind}|${question}`)));
  return {
    uses,
    item: {
      kind,
      type: "single_choice",
      question,
      options,
      correct_answer: options.indexOf(answer),
      explanation,
      source: sourceOf(fact.sentence),
    },
  };
}

/**
 * A span the tagger may have cut out of a longer name ("Grind size" read as the verb "grind" + "size"): its
 * neighbours are words that could belong to it, so swapping or blanking it alone would garble the name.
 */
function wholeTerm(fact: Fact, span: SentenceSpan): boolean {
  const prev = fact.tokens[span.from - 1];
  const next = fact.tokens[span.to + 1];
  if (prev && (prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "ADJ")) return false;
  if (prev && span.from - 1 === 0 && /^\p{Lu}/u.test(prev.value) && prev.pos !== "DET" && prev.pos !== "ADP")
    return false;
  return !(next && (next.pos === "NOUN" || next.pos === "PROPN"));
}

/** The term a recall question asks about: the most used one in the course that has enough siblings. */
function recallTarget(ctx: Context, fact: Fact, need: number): { span: SentenceSpan; wrong: Concept[] } | undefined {
  const spans = fact.spans
    .filter((s) => ctx.inventory.concepts.has(s.conceptKey))
    .filter((s) => !/^(a|an)$/i.test(fact.tokens[s.from - 1]?.value ?? "") && wholeTerm(fact, s))
    .sort((a, b) => (ctx.frequency.get(b.conceptKey) ?? 0) - (ctx.frequency.get(a.conceptKey) ?? 0) || a.from - b.from);
  for (const span of spans) {
    const wrong = siblingsFor(ctx, span, fact.sentence.text, need);
    if (wrong.length >= need) return { span, wrong };
  }
  return undefined;
}

function definitionItem(ctx: Context, fact: Fact): Candidate | undefined {
  const def = definitionOf(fact);
  if (!def) return undefined;
  const answer = answerForm(def.term, ctx);
  if (containsPhrase(def.meaning, answer) || containsPhrase(def.meaning, lastWord(answer))) return undefined;
  const question = `In “${fact.sentence.lessonTitle}”, which term means “${def.meaning}”?`;
  const explanation = `${capitalise(answer)} is the term the lesson defines that way: ${said(fact)}.`;
  const wrong = siblingsFor(ctx, def.term, fact.sentence.text, 3);
  if (wrong.length >= 2) return choice("definition", fact, question, answer, wrong.map(optionForm), explanation);
  if (containsPhrase(question, answer)) return undefined;
  const accepted = [...new Set([answer, answer.toLowerCase(), def.term.surface, def.term.surface.toLowerCase()])];
  return {
    uses: [fact.sentence.text],
    item: {
      kind: "definition",
      type: "short_answer",
      question: `${question} Answer with the term.`,
      options: [],
      correct_answer: answer,
      accepted_answers: accepted,
      explanation,
      source: sourceOf(fact.sentence),
    },
  };
}

function recallChoice(ctx: Context, fact: Fact): Candidate | undefined {
  const target = recallTarget(ctx, fact, 3);
  if (!target || target.wrong.length < 2) return undefined;
  const cloze = replaceSpan(fact, target.span, GAP);
  const answer = answerForm(target.span, ctx);
  return choice(
    "recall",
    fact,
    `Which term completes this statement from “${fact.sentence.lessonTitle}”? “${cloze}”`,
    answer,
    target.wrong.map(optionForm),
    `The lesson says ${answer} here: ${said(fact)}.`,
  );
}

function recallTrueFalse(ctx: Context, fact: Fact): Candidate | undefined {
  const target = recallTarget(ctx, fact, 1);
  const swap = target?.wrong[0];
  const original = fixArticles(render(fact.tokens));
  const rnd = random(fnv1a(`tf|${fact.sentence.text}`));
  const isTrue = rnd() < 0.5;
  if (!target || !swap) {
    // No sibling to swap in: a false version turns one word into its opposite ("near the top" → "near the bottom").
    const flipped = opposites(original).filter((o) => !ctx.courseText.has(o.toLowerCase()))[0];
    if (!flipped || causalOf(fact)) return undefined;
    return {
      uses: [fact.sentence.text],
      item: {
        kind: "recall",
        type: "true_false",
        question: `True or false: “${isTrue ? original : flipped}”`,
        options: ["True", "False"],
        correct_answer: isTrue,
        explanation: isTrue
          ? `True: the lesson says ${said(fact)}.`
          : `False: the lesson says the opposite: ${said(fact)}.`,
        source: sourceOf(fact.sentence),
      },
    };
  }
  const statement = isTrue ? original : replaceSpan(fact, target.span, swap.term);
  if (!isTrue && ctx.courseText.has(statement.toLowerCase())) return undefined;
  const answer = answerForm(target.span, ctx);
  return {
    uses: [fact.sentence.text],
    item: {
      kind: "recall",
      type: "true_false",
      question: `True or false: “${statement}”`,
      options: ["True", "False"],
      correct_answer: isTrue,
      explanation: isTrue
        ? `True: the lesson says ${said(fact)}.`
        : `False: it is ${answer}, not ${swap.term}. The lesson says ${said(fact)}.`,
      source: sourceOf(fact.sentence),
    },
  };
}

/** Other effects (or reasons) the course states: wrong answers of the same kind for a cause→effect question. */
function otherClauses(ctx: Context, fact: Fact, asked: string, pool: readonly string[], n: number): string[] {
  const flipped = flipOpposite(asked);
  const lesson = fact.sentence.lessonId;
  const out: string[] = flipped && !ctx.courseText.has(flipped.toLowerCase()) ? [flipped] : [];
  const seen = new Set([asked.toLowerCase(), ...out.map((o) => o.toLowerCase())]);
  const rnd = random(fnv1a(`clauses|${asked}`));
  // Same lesson first: the most tempting wrong answers are about the same topic.
  const ranked = shuffle(pool, rnd).sort(
    (a, b) => Number(ctx.lessonOutcomes.has(`${lesson}|${b}`)) - Number(ctx.lessonOutcomes.has(`${lesson}|${a}`)),
  );
  for (const c of ranked) {
    if (out.length >= n) break;
    if (seen.has(c.toLowerCase()) || containsPhrase(asked, c) || containsPhrase(c, asked)) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  return out;
}

/**
 * Everything the course says follows from something: effects ("…, so X"), reasons ("… because X") and what its
 * rules prescribe ("if …, X"). Wrong answers to a cause→effect or apply question come from here: they are all
 * outcomes the course states, just not of this cause.
 */
function outcomes(ctx: Context, fact: Fact): string[] {
  return [
    // Effects and reasons only: a "when" clause is a condition, a "prevents …" object a thing.
    ...ctx.courseCausals.filter((c) => c.fact !== fact && OUTCOME.has(c.connective)).map((c) => c.asked),
    ...ctx.courseRules.filter((r) => r.fact !== fact).map((r) => r.consequence),
  ];
}

const OUTCOME = new Set(["so", "because", "therefore", "which means", "means"]);

const PROMPT: Record<string, (title: string, shown: string) => string> = {
  when: (t, s) => `According to “${t}”, when does this happen? “${capitalise(s)} when …”`,
  because: (t, s) => `According to “${t}”, why is this so? “${capitalise(s)} because …”`,
  means: (t, s) => `According to “${t}”, what does this mean? “${capitalise(s)} means …”`,
  so: (t, s) => `According to “${t}”, what follows from this? “${capitalise(s)}, so …”`,
  therefore: (t, s) => `According to “${t}”, what follows from this? “${capitalise(s)}, therefore …”`,
  "which means": (t, s) => `According to “${t}”, what follows from this? “${capitalise(s)}, which means …”`,
};

function causeChoice(ctx: Context, fact: Fact, across?: Causal): Candidate | undefined {
  const causal = across ?? causalOf(fact);
  // "… prevents most pinch flats" asks for a thing, not an outcome clause: a true/false item asks about it instead.
  if (!causal || !(causal.connective in PROMPT)) return undefined;
  const wrong = otherClauses(ctx, fact, causal.asked, outcomes(ctx, fact), 3);
  if (wrong.length < 2) return undefined;
  return choice(
    "cause_effect",
    fact,
    (
      PROMPT[causal.connective] ??
      ((t: string, sh: string) =>
        `According to “${t}”, what does this lead to? “${capitalise(sh)} ${causal.connective} …”`)
    )(fact.sentence.lessonTitle, causal.shown),
    causal.asked,
    wrong,
    `The lesson links the two: ${said(fact)}.`,
  );
}

function causeTrueFalse(ctx: Context, fact: Fact, across?: Causal): Candidate | undefined {
  const causal = across ?? causalOf(fact);
  if (!causal) return undefined;
  const join = /^(so|therefore|which means)$/.test(causal.connective)
    ? `, ${causal.connective} `
    : ` ${causal.connective} `;
  const say = (shown: string, asked: string) => `${capitalise(shown)}${join}${asked}.`;
  // The effect turned around, or else the cause ("keeping the pressure down prevents…"): either makes it false.
  const flipped = [
    ...opposites(causal.asked).map((a) => say(causal.shown, a)),
    ...opposites(causal.shown).map((sh) => say(sh, causal.asked)),
  ].filter((f) => !ctx.courseText.has(f.toLowerCase()))[0];
  if (!flipped) return undefined;
  const isTrue = random(fnv1a(`ctf|${fact.sentence.text}`))() < 0.5;
  const statement = isTrue ? say(causal.shown, causal.asked) : flipped;
  return {
    uses: [fact.sentence.text],
    item: {
      kind: "cause_effect",
      type: "true_false",
      question: `True or false: “${statement}”`,
      options: ["True", "False"],
      correct_answer: isTrue,
      explanation: isTrue
        ? `True: the lesson explains ${said(fact)}.`
        : `False: it is the other way round. The lesson explains ${said(fact)}.`,
      source: sourceOf(fact.sentence),
    },
  };
}

function applyItem(ctx: Context, fact: Fact, rule: Rule | undefined): Candidate | undefined {
  if (!rule) return undefined;
  const pool = outcomes(ctx, fact);
  const wrong = otherClauses(ctx, fact, rule.consequence, pool, 3);
  if (wrong.length < 2) return undefined;
  const condition = rule.condition;
  return choice(
    "apply",
    fact,
    `Apply the rule from “${fact.sentence.lessonTitle}” to this case: ${condition}. What does the rule say?`,
    rule.consequence,
    wrong,
    `That is the lesson's rule for this case: ${said(fact)}.`,
  );
}

/** Other numbers of the same shape in the course ("1:14" for "1:16"; "40%" for "25%"). */
function sameShapeNumbers(ctx: Context, value: string): string[] {
  const shape = (v: string) => v.replace(/[0-9]+/g, "9");
  const found = new Set<string>();
  for (const f of ctx.courseSentences)
    for (const t of f.tokens)
      if (t.type === "number" && t.value !== value && shape(t.value) === shape(value)) found.add(t.value);
  // A single digit string ("9") is too generic to count as the same kind.
  return shape(value) === "9" ? [] : [...found].sort();
}

function exampleItem(ctx: Context, fact: Fact): Candidate | undefined {
  const ex = exampleOf(fact);
  if (!ex) return undefined;
  const span = fact.spans.find((s) => s.from === ex.from && s.to === ex.to);
  const wrong = span
    ? siblingsFor(ctx, span, fact.sentence.text, 3).map(optionForm)
    : sameShapeNumbers(ctx, ex.example).slice(0, 3);
  if (wrong.length < 2) return undefined;
  const cloze = fixArticles(
    render([...fact.tokens.slice(0, ex.from), { ...(fact.tokens[ex.from] as NlpToken), value: GAP }]),
  );
  const rest = render(fact.tokens.slice(ex.to + 1));
  const statement = `${cloze}${/^[,.;:)]/.test(rest) ? "" : " "}${rest}`;
  return choice(
    "example",
    fact,
    `Which example does “${fact.sentence.lessonTitle}” give here? “${statement}”`,
    span ? answerForm(span, ctx) : ex.example,
    wrong,
    `${capitalise(ex.example)} is the lesson's example: ${said(fact)}.`,
  );
}

const arrow = (items: readonly string[]) => items.join(" → ");

/** The correct order and up to three other orders of the same items, as options. */
function orderOptions(items: readonly string[], seed: string): { answer: string; wrong: string[] } {
  const answer = arrow(items);
  const rnd = random(fnv1a(seed));
  const variants = new Set<string>([arrow([...items].reverse())]);
  for (let k = 0; k < 12 && variants.size < 4; k++) variants.add(arrow(shuffle(items, rnd)));
  variants.delete(answer);
  return { answer, wrong: [...variants].slice(0, 3) };
}

function orderingItem(_ctx: Context, fact: Fact): Candidate | undefined {
  const order = orderOf(fact);
  if (!order) return undefined;
  const { answer, wrong } = orderOptions(order.items, fact.sentence.text);
  const listed = [...order.items].sort();
  if (listed.join("|") === order.items.join("|")) listed.reverse();
  const names = `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]}`;
  return choice(
    "ordering",
    fact,
    `According to “${fact.sentence.lessonTitle}”, in which order do ${names} ${order.verb ?? "come"}?`,
    answer,
    wrong,
    `The lesson gives the order: ${said(fact)}.`,
  );
}

function stepsItem(fact: Fact, steps: readonly Step[]): Candidate | undefined {
  if (steps.length < 3 || !steps.some((s) => s.marked)) return undefined;
  const items = steps.map((s) => s.text);
  if (new Set(items).size !== items.length) return undefined;
  const { answer, wrong } = orderOptions(items, items.join("|"));
  return choice(
    "ordering",
    fact,
    `In “${fact.sentence.lessonTitle}”, in which order are these steps done?`,
    answer,
    wrong,
    `The lesson goes step by step: ${steps
      .map((s) => said(s.fact))
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(" ")}`,
    [...new Set(steps.map((s) => s.fact.sentence.text))],
  );
}

function compareItem(fact: Fact, other: Fact | undefined): Candidate | undefined {
  if (!other) return undefined;
  const contrast = contrastOf(fact, other);
  if (!contrast) return undefined;
  const det = fact.tokens[0]?.value.toLowerCase();
  const withDet = (s: string) => (det === "a" || det === "an" ? fixArticles(`a ${s}`) : det === "the" ? `the ${s}` : s);
  const answer = withDet(contrast.subject);
  const rival = withDet(contrast.rival);
  if (containsPhrase(contrast.predicate, contrast.rival) || containsPhrase(contrast.predicate, contrast.subject))
    return undefined;
  return choice(
    "compare",
    fact,
    `According to “${fact.sentence.lessonTitle}”, which ${contrast.head} ${contrast.predicate}?`,
    answer,
    [rival],
    `The lesson contrasts the two: ${said(fact)} — while ${said(other)}.`,
    [fact.sentence.text],
  );
}

/** "Which statement matches the lesson?": the sentence as said against versions with a sibling or an opposite. */
function analyseItem(ctx: Context, fact: Fact): Candidate | undefined {
  const original = fixArticles(render(fact.tokens));
  const variants = new Set<string>();
  for (const flipped of opposites(original)) variants.add(flipped);
  for (const span of fact.spans) {
    if (
      !ctx.inventory.concepts.has(span.conceptKey) ||
      /^(a|an)$/i.test(fact.tokens[span.from - 1]?.value ?? "") ||
      !wholeTerm(fact, span)
    )
      continue;
    for (const s of siblingsFor(ctx, span, fact.sentence.text, 1)) variants.add(replaceSpan(fact, span, s.term));
  }
  const wrong = [...variants].filter((v) => v !== original && !ctx.courseText.has(v.toLowerCase())).slice(0, 3);
  if (wrong.length < 2) return undefined;
  return choice(
    "analyse",
    fact,
    `Which statement matches what “${fact.sentence.lessonTitle}” says?`,
    original,
    wrong,
    `Only this one is what the lesson says: ${said(fact)}. The others swap a term or turn the claim around.`,
  );
}

export type Variant =
  | "definition"
  | "recall_choice"
  | "recall_tf"
  | "cause_choice"
  | "cause_tf"
  | "apply"
  | "example"
  | "ordering"
  | "compare"
  | "analyse";

export function candidates(ctx: Context, lessonFacts: readonly Fact[]): Map<Variant, Candidate[]> {
  const out = new Map<Variant, Candidate[]>();
  const add = (v: Variant, c: Candidate | undefined) => {
    if (c) out.set(v, [...(out.get(v) ?? []), c]);
  };
  let lastRule: Rule | undefined;
  let steps: Step[] = [];
  let gap = 0;
  for (const [i, fact] of lessonFacts.entries()) {
    add("definition", definitionItem(ctx, fact));
    add("recall_choice", recallChoice(ctx, fact));
    add("recall_tf", recallTrueFalse(ctx, fact));
    add("cause_choice", causeChoice(ctx, fact));
    add("cause_tf", causeTrueFalse(ctx, fact));
    const across = causalAcross(lessonFacts[i - 1], fact);
    if (across) {
      const uses = [(lessonFacts[i - 1] as Fact).sentence.text, fact.sentence.text];
      const c = causeChoice(ctx, fact, across) ?? causeTrueFalse(ctx, fact, across);
      add(c?.item.type === "true_false" ? "cause_tf" : "cause_choice", c && { ...c, uses });
    }
    const rule = ruleOf(fact, lastRule);
    add("apply", applyItem(ctx, fact, rule));
    if (rule) lastRule = rule;
    add("example", exampleItem(ctx, fact));
    add("ordering", orderingItem(ctx, fact));
    const next = lessonFacts[i + 1];
    add("compare", compareItem(fact, next?.sentence.lessonId === fact.sentence.lessonId ? next : undefined));
    const prev = lessonFacts[i - 1];
    add("compare", compareItem(fact, prev?.sentence.lessonId === fact.sentence.lessonId ? prev : undefined));
    add("analyse", analyseItem(ctx, fact));
    // Steps: imperative sentences in a row, three at a time.
    // One sentence between two steps ("Excess lube attracts dirt.") doesn't end the procedure; two do.
    const own = stepsOf(fact);
    if (own.length) {
      if (fact.sentence.heading !== steps[steps.length - 1]?.fact.sentence.heading) steps = [];
      gap = 0;
      for (const step of own) {
        steps = [...steps, step].slice(-3);
        if (steps.length === 3) add("ordering", stepsItem(fact, steps));
      }
    } else if (++gap > 1 || fact.sentence.heading !== steps[steps.length - 1]?.fact.sentence.heading) steps = [];
  }
  return out;
}

export function context(
  lessonSentences: PassageSentence[],
  courseSentences: PassageSentence[],
  vocab?: readonly VocabularyTerm[],
): Context {
  const inventory = buildInventory(courseSentences);
  const courseFacts = toFacts(courseSentences);
  const courseCausals = courseFacts
    .map((f, i) => causalOf(f) ?? causalAcross(courseFacts[i - 1], f))
    .filter((c): c is Causal => c !== undefined);
  const courseRules: Rule[] = [];
  let last: Rule | undefined;
  for (const f of courseFacts) {
    const r = ruleOf(f, last);
    if (!r) continue;
    courseRules.push(r);
    last = r;
  }
  const courseText = new Set<string>();
  for (const s of [...courseSentences, ...lessonSentences]) {
    courseText.add(s.text.toLowerCase());
    courseText.add(s.text.toLowerCase().replace(/^(so|and|but|then),?\s+/, ""));
  }
  const lessonOutcomes = new Set([
    ...courseCausals.map((c) => `${c.fact.sentence.lessonId}|${c.asked}`),
    ...courseRules.map((r) => `${r.fact.sentence.lessonId}|${r.consequence}`),
  ]);
  const frequency = new Map<string, number>();
  for (const c of inventory.concepts.values()) frequency.set(c.key, c.count);
  for (const v of vocab ?? [])
    if (frequency.has(v.key)) frequency.set(v.key, Math.max(v.count, frequency.get(v.key) ?? 0));
  return { inventory, courseFacts, courseCausals, courseRules, courseSentences, courseText, lessonOutcomes, frequency };
}
