import type { NlpToken } from "./nlp.js";

/** Small English helpers for building quiz text: rendering tokens, articles, number and opposites. */

const touching = (a: NlpToken, b: NlpToken) => a.offset + a.value.length === b.offset;

/** Tokens back to text, spaced as they were written ("under-extracted", "1:16", "water,"). */
export function render(tokens: readonly NlpToken[]): string {
  return tokens
    .map((t, k) => (k > 0 && !touching(tokens[k - 1] as NlpToken, t) ? ` ${t.value}` : t.value))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Tokens that carry text (wink also emits line breaks as tokens). */
export const textTokens = (tokens: readonly NlpToken[]) => tokens.filter((t) => t.pos !== "SPACE" && t.value.trim());

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const uncapitalise = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "an" before a vowel sound ("an acid", "a unit", "an hour", "an NADPH molecule"). */
export function article(word: string): "a" | "an" {
  const w = word.trim();
  if (/^(hour|honest|honou?r|heir)/i.test(w)) return "an";
  if (/^(uni|use|usu|eu|one|once|ubiq|uter)/i.test(w)) return "a";
  // Letters read one by one: "an SQL", "an NADPH", "a CAM".
  if (/^[A-Z]{2,}\b/.test(w)) return /^[AEFHILMNORSX]/.test(w) ? "an" : "a";
  if (/^[0-9]/.test(w)) return /^(8|11|18)/.test(w) ? "an" : "a";
  return /^[aeiou]/i.test(w) ? "an" : "a";
}

/** Every "a"/"an" made to agree with the word after it. */
export function fixArticles(text: string): string {
  return text.replace(/\b([Aa])(n?)\s+([\p{L}\p{N}][\p{L}\p{N}-]*)/gu, (_m, a: string, _n: string, word: string) => {
    const right = article(word);
    const out = a === "A" ? capitalise(right) : right;
    return `${out} ${word}`;
  });
}

/** A plural noun form: "compounds", "grams"; not "glass", "gas", "analysis". */
export const looksPlural = (word: string) => /[^su]s$/i.test(word) && !/(ss|us|is|ics)$/i.test(word);

/** Crude singular for identity ("acids" → "acid", "chainrings" → "chainring"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  return looksPlural(w) ? w.slice(0, -1) : w;
}

/** Identity of a term: lower case, the last word singular. */
export function termKey(surface: string): string {
  const words = surface.toLowerCase().split(/\s+/);
  const last = words.pop() ?? "";
  return [...words, singular(last)].join(" ");
}

/** Word pairs whose swap turns a true statement about a cause or comparison into a false one. */
const OPPOSITES: Array<[string, string]> = [
  ["more", "less"],
  ["faster", "slower"],
  ["quickly", "slowly"],
  ["first", "last"],
  ["longer", "shorter"],
  ["higher", "lower"],
  ["hotter", "cooler"],
  ["finer", "coarser"],
  ["increases", "decreases"],
  ["increase", "decrease"],
  ["rises", "falls"],
  ["stronger", "weaker"],
  ["heavier", "lighter"],
  ["before", "after"],
  ["top", "bottom"],
  ["inside", "outside"],
  ["above", "below"],
  ["larger", "smaller"],
  ["bigger", "smaller"],
  ["gains", "loses"],
  ["always", "never"],
  ["early", "late"],
  ["cheap", "expensive"],
  ["wider", "narrower"],
  ["easier", "harder"],
  ["better", "worse"],
  ["positive", "negative"],
  ["fewer", "more"],
  ["absorbs", "reflects"],
  ["releases", "absorbs"],
  ["under-extracted", "over-extracted"],
  ["sour", "bitter"],
  ["soft", "hard"],
  ["up", "down"],
  ["heavy", "light"],
  ["warm", "cold"],
  ["dark", "light"],
];
const OPPOSITE = new Map<string, string>();
for (const [a, b] of OPPOSITES) {
  if (!OPPOSITE.has(a)) OPPOSITE.set(a, b);
  if (!OPPOSITE.has(b)) OPPOSITE.set(b, a);
}

/**
 * Versions of a clause with one word turned into its opposite ("extracts faster" → "extracts slower"), one per
 * word that has an opposite, in order. One flip per version: two would cancel out.
 */
export function opposites(text: string): string[] {
  const words = [...text.matchAll(/[\p{L}-]+/gu)];
  const out: string[] = [];
  for (const w of words) {
    const o = OPPOSITE.get(w[0].toLowerCase());
    if (!o || w.index === undefined) continue;
    const swapped = /^\p{Lu}/u.test(w[0]) ? capitalise(o) : o;
    out.push(fixArticles(text.slice(0, w.index) + swapped + text.slice(w.index + w[0].length)));
  }
  return out;
}

/** The clause with its first word that has an opposite flipped, or undefined when none has. */
export const flipOpposite = (text: string): string | undefined => opposites(text)[0];

/** Lower-cased words of a text without punctuation and articles, for "is the answer in the stem" checks. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[“”"'’.,;:!?()]/g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(the|a|an|of|to|and|or|in|on|it|its|is|are)$/.test(w));
}

/** True when the words of `answer` appear, in order and together, in `text`. */
export function containsPhrase(text: string, answer: string): boolean {
  const a = contentWords(answer).join(" ");
  if (!a) return false;
  return ` ${contentWords(text).join(" ")} `.includes(` ${a} `);
}
