import type { NlpToken } from "./nlp.js";
import type { PassageSentence } from "./passages.js";
import { render, termKey, textTokens, uncapitalise } from "./quiz-grammar.js";
import { conceptSpans, listedRuns, parallelSubjects, type SentenceSpan } from "./quiz-inventory.js";

/**
 * What a lesson says, read from its sentences: definitions, causes and effects, rules ("if … , …"), examples,
 * orders (of things or of steps) and parallel statements about two siblings. The quiz kinds are built from these.
 */

/** A sentence ready for question building: its text tokens (no line breaks) and term spans. */
export interface Fact {
  sentence: PassageSentence;
  tokens: NlpToken[];
  spans: SentenceSpan[];
}

const MIN_WORDS = 5;
const MAX_WORDS = 40;
const META = /\b(lesson|video|quiz|course|chapter|recap|below|above|earlier|later on|today we|welcome)\b/i;
const CODE_LIKE = /[{}=;<>`$]|\(\)/;
const SPOKEN_CODE = /(\b[A-Z]{2,}\b.*){3,}/;
/** Openings that point back at something said before: a question built on them would have no referent. */
const DEPENDENT_START = /^(it|its|this|that|these|those|they|their|he|she|his|her|here|which|both)\b/i;
/** Leading connectives that can be dropped without changing the claim ("So if your cup is sour…"). */
const LEAD = /^(so|and|but|now|then|also|remember|in short)\b,?\s*/i;

export function toFacts(sentences: readonly PassageSentence[]): Fact[] {
  const out: Fact[] = [];
  for (const sentence of sentences) {
    const tokens = textTokens(sentence.tokens);
    const words = tokens.filter((t) => t.type === "word" || t.type === "number").length;
    if (words < MIN_WORDS || words > MAX_WORDS || !/[.]$/.test(sentence.text)) continue;
    if (META.test(sentence.text) || CODE_LIKE.test(sentence.text) || SPOKEN_CODE.test(sentence.text)) continue;
    out.push({ sentence, tokens, spans: conceptSpans(tokens) });
  }
  return out;
}

/** Brackets and quotes that open and close within the text: a cut clause must not leave one open. */
const balanced = (s: string) =>
  (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length && (s.match(/"/g) ?? []).length % 2 === 0;

const clause = (tokens: readonly NlpToken[]) =>
  render(tokens)
    .replace(/[.,;:]+$/, "")
    .trim();
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** "X is (a|an|the) Y…" or "Y is called X": a term and what the lesson says it is. */
export interface Definition {
  fact: Fact;
  term: SentenceSpan;
  /** "the process of dissolving flavour compounds from the ground coffee into the water" */
  meaning: string;
}

export function definitionOf(fact: Fact): Definition | undefined {
  const { tokens, spans } = fact;
  const first = spans[0];
  if (first && first.from <= 1) {
    const cop = tokens[first.to + 1];
    const rest = tokens.slice(first.to + 2);
    if (cop && /^(is|are|means)$/i.test(cop.value) && rest.length >= 4) {
      // "la primera is the first, and la segunda is the second": the definition ends where the next claim starts.
      const meaning = clause(rest).split(/,\s*(?=(and|but|while|whereas|so)\b)|;\s*/)[0] as string;
      if (
        /^(the|a|an|how|what|when|where|one|two)\b/i.test(meaning) &&
        !/^(the|a|an) (same|other|part|one)\b/i.test(meaning)
      )
        return { fact, term: first, meaning };
    }
  }
  const text = render(tokens);
  // "A pinch flat happens when …": the term names what happens.
  const happens = /^(?:an?|the)?\s*([\p{L}-]+(?: [\p{L}-]+){0,2}) (happens|occurs) (when|if) (.+?)[.]$/iu.exec(text);
  if (happens) {
    const name = (happens[1] as string).toLowerCase();
    const span = spans.find((s) => s.from <= 1) ?? spans[0];
    if (span && !DEPENDENT_START.test(name))
      return {
        fact,
        term: { ...span, surface: name, conceptKey: termKey(name), from: 0, to: 0 },
        meaning: `what ${happens[2]} ${happens[3]} ${happens[4]}`,
      };
  }
  // "It leaves two small parallel holes, often called a snakebite.": the name follows the thing.
  const appositive =
    /\b(?:leaves|makes|forms|gives|has|have|are|is)\s+(.{6,}?),\s*(?:often |also |sometimes )?(?:called|known as)\s+(?:an? |the )?([\p{L}-]+(?: [\p{L}-]+){0,2})[.]$/iu.exec(
      text,
    );
  if (appositive) {
    const name = appositive[2] as string;
    const span = spans.find((s) => s.surface.toLowerCase() === name.toLowerCase());
    if (span) return { fact, term: span, meaning: appositive[1] as string };
  }
  // "… is called X" / "… is known as X": the named term ends the sentence.
  const called = tokens.findIndex(
    (t, i) => /^(called|named)$/i.test(t.value) && /^(is|are)$/i.test(tokens[i - 1]?.value ?? ""),
  );
  if (called > 2) {
    const term = spans.find((s) => s.from > called && s.from <= called + 2 && s.to >= tokens.length - 2);
    const subject = clause(tokens.slice(0, called - 1));
    if (term && wordCount(subject) >= 3 && !DEPENDENT_START.test(subject))
      return { fact, term, meaning: uncapitalise(subject) };
  }
  return undefined;
}

/** "A, so B" / "A because B" / "A, which means B": a cause and what follows from it. */
export interface Causal {
  fact: Fact;
  /** The part shown: the cause for "so", the effect for "because". */
  shown: string;
  /** The part asked for. */
  asked: string;
  connective: "so" | "because" | "which means" | "therefore" | "means" | "when" | CausalVerb;
}

/** Verbs that say one thing brings about another ("Keeping the pressure up prevents most pinch flats"). */
export type CausalVerb =
  | "prevents"
  | "causes"
  | "leads to"
  | "results in"
  | "produces"
  | "reduces"
  | "increases"
  | "drives";
const CAUSAL_VERBS = new Set(["prevents", "causes", "produces", "reduces", "increases", "drives"]);

export function causalOf(fact: Fact): Causal | undefined {
  const text = render(fact.tokens).replace(LEAD, "");
  // "A pinch flat happens when the tyre is so soft that…": the condition is the cause.
  const when = /^(.{3,60}?) (happens|occurs) when (.+?)[.]$/i.exec(text);
  if (when && !DEPENDENT_START.test(when[1] as string) && wordCount(when[3] as string) <= 22)
    return { fact, shown: `${when[1]} ${when[2]}`, asked: when[3] as string, connective: "when" };
  const { tokens } = fact;
  for (let i = 2; i < tokens.length - 3; i++) {
    const t = tokens[i] as NlpToken;
    const prev = tokens[i - 1];
    const next = tokens[i + 1] as NlpToken;
    const v = t.value.toLowerCase();
    let connective: Causal["connective"] | undefined;
    let skip = 1;
    if (v === "so" && prev?.value === "," && !/^(that|much|many|far)$/i.test(next.value) && next.pos !== "ADJ")
      connective = "so";
    else if (v === "because" && next.value.toLowerCase() !== "of") connective = "because";
    else if (v === "therefore" && prev?.value === ",") connective = "therefore";
    // "A difference of three pH units means the concentration is a thousand times higher."
    else if (v === "means" && prev?.value !== "," && prev?.value.toLowerCase() !== "which" && next.value !== ",")
      connective = "means";
    else if (v === "which" && next.value.toLowerCase() === "means" && prev?.value === ",") {
      connective = "which means";
      skip = 2;
    }
    if (!connective && i >= 2 && t.pos === "VERB") {
      const phrase = /^(leads|results)$/i.test(t.value) ? `${v} ${next.value.toLowerCase()}` : v;
      if (CAUSAL_VERBS.has(v) || phrase === "leads to" || phrase === "results in") {
        connective = phrase as CausalVerb;
        skip = phrase === v ? 1 : 2;
      }
    }
    if (!connective) continue;
    const before = tokens.slice(0, i);
    // "… , while …" or "; …" starts another claim: the asked part ends there.
    let after = tokens.slice(i + skip);
    const stop = after.findIndex(
      (x, k) => x.value === ";" || (x.value === "," && /^(while|but|whereas)$/i.test(after[k + 1]?.value ?? "")),
    );
    if (stop > 0) after = after.slice(0, stop);
    let shown = clause(before).replace(LEAD, "");
    const colon = shown.lastIndexOf(":");
    if (colon > 0 && wordCount(shown.slice(colon + 1)) >= 3) shown = shown.slice(colon + 1).trim();
    const asked = clause(after);
    if (wordCount(shown) < 3 || wordCount(asked) < 2 || wordCount(asked) > 22) return undefined;
    if (DEPENDENT_START.test(shown)) return undefined;
    return { fact, shown, asked, connective };
  }
  return undefined;
}

/**
 * A sentence that opens with "So" (or "That is why", "As a result", "Therefore") states the effect of the sentence
 * before it: "Nobody on the team reports to the product manager. So the job runs on influence, not authority."
 */
export function causalAcross(previous: Fact | undefined, fact: Fact): Causal | undefined {
  if (!previous || previous.sentence.lessonId !== fact.sentence.lessonId) return undefined;
  if (previous.sentence.heading !== fact.sentence.heading) return undefined;
  const text = render(fact.tokens);
  const m = /^(so|therefore|as a result|that is why|this is why|that's why),?\s+(.+?)[.]$/i.exec(text);
  if (!m || /^(if|when|what|how|why|let|now)\b/i.test(m[2] as string)) return undefined;
  const shown = clause(previous.tokens);
  const asked = m[2] as string;
  if (!/[.]$/.test(previous.sentence.text) || DEPENDENT_START.test(shown) || wordCount(shown) < 4) return undefined;
  if (wordCount(asked) < 3 || wordCount(asked) > 22 || causalOf(previous)) return undefined;
  return { fact, shown, asked, connective: "so" };
}

/** "If A, B": a rule to apply to a case. */
export interface Rule {
  fact: Fact;
  condition: string;
  consequence: string;
}

export function ruleOf(fact: Fact, previous: Rule | undefined): Rule | undefined {
  const text = render(fact.tokens).replace(LEAD, "");
  const m = /^(if|when|whenever|as)\s+([^,]{4,}),\s*(.+?)[.]$/i.exec(text);
  if (!m) return undefined;
  let condition = (m[2] as string).trim();
  const consequence = (m[3] as string).trim();
  if (wordCount(consequence) < 2 || wordCount(consequence) > 22) return undefined;
  if (!balanced(m[2] as string) || !balanced(consequence)) return undefined;
  // "If it is bitter" after "If your cup is sour": the pronoun stands for the earlier rule's subject.
  const pronoun = /^(it|they)\b/i.exec(condition);
  if (pronoun) {
    const subject =
      previous && /^(.+?)\s+(is|are|was|were|has|have|gets|feels|tastes|looks)\b/i.exec(previous.condition)?.[1];
    if (!subject) return undefined;
    condition = condition.replace(/^(it|they)\b/i, subject);
  }
  return { fact, condition, consequence };
}

/** "… such as E" / "…, for example E" / "… like the E": an example the lesson gives. */
export interface Example {
  fact: Fact;
  /** Token range of the example. */
  from: number;
  to: number;
  example: string;
}

export function exampleOf(fact: Fact): Example | undefined {
  const { tokens, spans } = fact;
  for (let i = 1; i < tokens.length - 1; i++) {
    const a = tokens[i]?.value.toLowerCase();
    const b = tokens[i + 1]?.value.toLowerCase();
    let start = -1;
    if ((a === "such" && b === "as") || (a === "for" && (b === "example" || b === "instance"))) start = i + 2;
    else if (a === "like" && tokens[i]?.pos === "ADP" && (b === "the" || b === "a")) start = i + 2;
    else if (a === "like" && tokens[i + 1]?.type === "number") start = i + 1;
    else if (a === "e.g." || a === "e.g") start = i + 1;
    if (start < 0) continue;
    if (/^(the|a|an)$/i.test(tokens[start]?.value ?? "")) start++;
    let end = start;
    while (end < tokens.length && !/^[,.;:)]$/.test(tokens[end]?.value ?? "") && end - start < 4) end++;
    if (end === start || !/^[,.;:)]$/.test(tokens[end]?.value ?? "")) continue;
    const picked = tokens.slice(start, end);
    const isNumber = picked.length === 1 && picked[0]?.type === "number";
    const span = spans.find((s) => s.from === start && s.to === end - 1);
    if (!isNumber && !span) continue;
    return { fact, from: start, to: end - 1, example: render(picked) };
  }
  return undefined;
}

/** Things said to happen in an order within one sentence ("Acids dissolve first, then sugars, and … last"). */
export interface Order {
  fact: Fact;
  items: string[];
  /** The verb the order is about ("dissolve"), when there is one. */
  verb?: string;
}

export function orderOf(fact: Fact): Order | undefined {
  const { tokens, spans } = fact;
  if (!/\b(first|then|next|finally|last)\b/i.test(render(tokens))) return undefined;
  for (const run of listedRuns(tokens, spans)) {
    if (run.length < 3) continue;
    const gaps = run.slice(1).map((s, k) => render(tokens.slice((run[k] as SentenceSpan).to + 1, s.from)));
    if (!gaps.some((g) => /\bthen\b/i.test(g))) continue;
    const verbToken = tokens[(run[0] as SentenceSpan).to + 1];
    return {
      fact,
      items: run.map((s) => s.surface.toLowerCase()),
      ...(verbToken?.pos === "VERB" ? { verb: verbToken.value.toLowerCase() } : {}),
    };
  }
  return undefined;
}

/** An instruction the lesson gives, read as one step ("clean the chain with a rag and a little degreaser"). */
export interface Step {
  fact: Fact;
  text: string;
  /** "then", "first", "next", "after"…: the lesson itself marks the order. */
  marked: boolean;
}

const STEP_START = /^(then|first|next|finally|after that|now)\b,?\s*/i;
/** A leading "Before fitting a new tube, …" also fixes the order. */
const TIME_CLAUSE = /^(before|after|once|when)\b[^,]{3,40},\s*/i;
/** First words that make a sentence anything but an instruction ("If a cell…", "Most plants…"). */
const NOT_A_VERB =
  /^(if|when|while|as|because|although|since|unless|for|in|on|at|to|by|with|from|of|after|before|once|so|and|but|or|all|both|every|each|some|many|most|no|not|only|even|just|also|there|here|this|that|these|those|it|they|we|you|he|she|i|my|our|your|their|its|what|which|who|how|why|where|the|a|an)$/i;
const STEP_CUT = /^(with|on|to|in|for|at|from|into|and|as|so|while|until|every|after)$/i;

/** Imperative steps of a sentence: "Clean X…", "Then apply Y…", "Wait…, then wipe Z…". */
export function stepsOf(fact: Fact): Step[] {
  const text = render(fact.tokens).replace(/[.]$/, "");
  const parts = text.split(/,\s*(?=then\b)/i);
  const out: Step[] = [];
  for (const part of parts) {
    const marked = STEP_START.test(part) || TIME_CLAUSE.test(part);
    const body = part.replace(STEP_START, "").replace(TIME_CLAUSE, "").trim();
    const m = /^([A-Za-z]+)\s+(the|a|an|your|one|some|each|every|with)\b/.exec(body);
    if (!m || /ing$/i.test(m[1] as string) || NOT_A_VERB.test(m[1] as string)) continue;
    const words = (body.split(/,\s*/)[0] as string).split(/\s+/);
    // A step is named by its verb and object ("wipe the outside of the chain"), cut before a trailing phrase.
    let end = words.length;
    if (end > 7) {
      end = 7;
      for (let k = 7; k >= 3; k--)
        if (STEP_CUT.test(words[k] ?? "")) {
          end = k;
          break;
        }
    }
    out.push({ fact, text: uncapitalise(words.slice(0, end).join(" ")), marked });
  }
  return out;
}

/** Two neighbouring sentences saying the same of two siblings, for "which one …?" comparisons. */
export interface Contrast {
  fact: Fact;
  other: Fact;
  subject: string;
  rival: string;
  /** "exposes more surface to the water" */
  predicate: string;
  head: string;
}

export function contrastOf(fact: Fact, other: Fact): Contrast | undefined {
  const subjects = parallelSubjects(fact.tokens, other.tokens);
  if (!subjects) return undefined;
  const offset = /^(the|a|an)$/i.test(fact.tokens[0]?.value ?? "") ? 1 : 0;
  const predicate = clause(fact.tokens.slice(offset + 2)).split(/,\s*/)[0] as string;
  const otherPredicate = clause(other.tokens.slice(offset + 2)).split(/,\s*/)[0] as string;
  if (wordCount(predicate) < 2 || predicate.toLowerCase() === otherPredicate.toLowerCase()) return undefined;
  return {
    fact,
    other,
    subject: subjects[0],
    rival: subjects[1],
    predicate,
    head: subjects[0].split(/\s+/).pop() ?? "",
  };
}
