import { analyse, type NlpToken } from "./nlp.js";

/** Proper names and acronyms only make plausible distractors for each other; so do common nouns. */
export type TermKind = "proper" | "acronym" | "common";

/** A key term of a course: a noun or proper-noun compound ("Calvin cycle", "ATP synthase", "standard error"). */
export interface VocabularyTerm {
  /** The most frequent spelling in the material. */
  term: string;
  /** Identity: lower-cased lemmas ("light-dependent reaction"), so "reactions" and "reaction" are one term. */
  key: string;
  /** How often the course uses it: common terms make easy questions, rare ones hard. */
  count: number;
  kind: TermKind;
  words: number;
  plural: boolean;
}

/** A term found in a sentence, with the token range it covers. */
export interface TermSpan {
  surface: string;
  key: string;
  kind: TermKind;
  plural: boolean;
  from: number;
  to: number;
}

/** Nouns too vague to ask about ("the way", "a lot"). */
const GENERIC_NOUNS = new Set([
  "thing",
  "way",
  "lot",
  "kind",
  "part",
  "time",
  "example",
  "lesson",
  "course",
  "video",
  "quiz",
  "number",
  "step",
  "end",
  "start",
  "bit",
  "case",
  "fact",
  "point",
  "place",
  "people",
  "person",
  "question",
  "answer",
  "something",
  "anything",
  "everything",
  "nothing",
  "someone",
  "everyone",
  "one",
  "moment",
  "day",
  "word",
  "line",
  "side",
  "idea",
  "use",
  "sense",
  "version",
  "result",
  "rest",
  "list",
  "pair",
  "set",
  "group",
  "amount",
]);

/** Adjectives that evaluate rather than name ("a good habit" is not the term "good habit"). */
const GENERIC_ADJECTIVES = new Set([
  "good",
  "bad",
  "big",
  "small",
  "large",
  "new",
  "old",
  "same",
  "different",
  "other",
  "many",
  "few",
  "much",
  "more",
  "most",
  "first",
  "last",
  "next",
  "whole",
  "real",
  "simple",
  "important",
  "easy",
  "hard",
  "own",
  "main",
  "certain",
  "particular",
  "little",
  "great",
  "high",
  "low",
  "long",
  "short",
  "full",
  "only",
  "right",
  "wrong",
  "best",
  "better",
  "useful",
  "classic",
  "famous",
  "huge",
  "tiny",
  "extra",
  "usual",
  "common",
  "key",
  "single",
  "special",
  "exact",
  "clear",
  "quick",
  "slow",
  "several",
  "various",
  "typical",
  "enormous",
]);

const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}'’]*$/u;
const isNoun = (t: NlpToken) => (t.pos === "NOUN" || t.pos === "PROPN") && WORDISH.test(t.value) && t.value.length >= 2;
const isNamingAdjective = (t: NlpToken) =>
  t.pos === "ADJ" && !t.stop && WORDISH.test(t.value) && !GENERIC_ADJECTIVES.has(t.lemma);
const isPlural = (t: NlpToken) =>
  t.pos === "NOUN" && t.value.toLowerCase() !== t.lemma && /s$/i.test(t.value) && !/ss$/i.test(t.value);
const touching = (a: NlpToken, b: NlpToken) => a.offset + a.value.length === b.offset;

function kindOf(tokens: readonly NlpToken[], surface: string): TermKind {
  if (/^[A-Z][A-Z0-9]+s?$/.test(surface)) return "acronym";
  return tokens.some((t) => t.pos === "PROPN" && /^\p{Lu}/u.test(t.value)) ? "proper" : "common";
}

/**
 * Noun compounds of a sentence from POS tags: runs of nouns and proper nouns, with naming adjectives in
 * front ("standard error", "inner join") and hyphenated words kept whole ("light-dependent reactions").
 * A run breaks after a plural noun: in English only the last noun of a compound is plural, so "reactions
 * split water" is two things, whatever the tagger thinks "split" is.
 */
export function termSpans(tokens: readonly NlpToken[]): TermSpan[] {
  const spans: TermSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    const run: number[] = [];
    // Leading adjectives (and hyphen-joined words) that name a kind of the noun that follows.
    while (j < tokens.length) {
      const t = tokens[j] as NlpToken;
      const next = tokens[j + 1];
      const after = tokens[j + 2];
      if (next?.value === "-" && after && touching(t, next) && touching(next, after) && WORDISH.test(t.value)) {
        run.push(j, j + 1);
        j += 2;
        continue;
      }
      if (isNamingAdjective(t) && next && (isNoun(next) || isNamingAdjective(next) || next.value === "-")) {
        run.push(j);
        j++;
        continue;
      }
      break;
    }
    let nouns = 0;
    while (j < tokens.length && isNoun(tokens[j] as NlpToken) && nouns < 3) {
      run.push(j);
      nouns++;
      j++;
      if (isPlural(tokens[j - 1] as NlpToken)) break;
    }
    if (nouns === 0) {
      i++;
      continue;
    }
    const from = run[0] as number;
    const to = j - 1;
    const part = tokens.slice(from, to + 1);
    const head = part[part.length - 1] as NlpToken;
    const meaningful = part.filter((t) => WORDISH.test(t.value) && !t.stop);
    if (
      meaningful.length > 0 &&
      !(part.length === 1 && GENERIC_NOUNS.has(head.lemma)) &&
      !GENERIC_NOUNS.has(head.lemma)
    ) {
      const surface = part
        .map((t, k) => (k > 0 && !touching(part[k - 1] as NlpToken, t) ? ` ${t.value}` : t.value))
        .join("");
      const key = part
        .map((t, k) => (k > 0 && !touching(part[k - 1] as NlpToken, t) ? ` ${t.lemma}` : t.lemma))
        .join("")
        .toLowerCase();
      if (surface.replace(/[^\p{L}]/gu, "").length >= 3) {
        spans.push({ surface, key, kind: kindOf(part, surface), plural: isPlural(head), from, to });
      }
    }
    i = j;
  }
  return spans;
}

/** The course's key terms with their frequency, from its passages (what distractors are drawn from). */
export function buildVocabulary(passages: ReadonlyArray<{ text: string }>): VocabularyTerm[] {
  const byKey = new Map<string, { surfaces: Map<string, { n: number; span: TermSpan }>; count: number }>();
  for (const p of passages) {
    for (const sentence of analyse(p.text)) {
      for (const span of termSpans(sentence.tokens)) {
        const entry = byKey.get(span.key) ?? { surfaces: new Map(), count: 0 };
        entry.count++;
        const seen = entry.surfaces.get(span.surface);
        entry.surfaces.set(span.surface, { n: (seen?.n ?? 0) + 1, span: seen?.span ?? span });
        byKey.set(span.key, entry);
      }
    }
  }
  return [...byKey.entries()]
    .map(([key, e]): VocabularyTerm => {
      // A capital that only ever comes from starting a sentence ("Plants grow…") doesn't make a name.
      const all = [...e.surfaces.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
      const lower = all.filter(([s]) => !/^\p{Lu}\p{Ll}/u.test(s));
      const [term, { span }] = (lower[0] ?? all[0]) as [string, { n: number; span: TermSpan }];
      const kind = span.kind === "proper" && /^\p{Ll}/u.test(term) ? "common" : span.kind;
      return { term, key, count: e.count, kind, words: term.split(/\s+/).length, plural: span.plural };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
