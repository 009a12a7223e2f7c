import { analyse, isContentToken, type NlpToken } from "./nlp.js";
import type { PassageSentence } from "./passages.js";
import type { QuestionTerms } from "./scoring.js";

/** How a hint is built: the place to look, and the answer sentence with its new information blanked out. */
export interface HintPlan {
  sentence: PassageSentence;
  /** The sentence with the words that answer the question replaced by "____"; undefined when none could be. */
  cloze?: string;
  /** The question's topic in a few words ("chemiosmosis"). */
  topic: string;
  firstLetter?: string;
}

export const GAP = "____";
/** How many of the best sentences vote on which words carry the answer. */
const TOP_SENTENCES = 5;

/** Nouns and numbers carry the answer more often than adjectives, adjectives more than verbs. */
const POS_PRIORITY: Partial<Record<NlpToken["pos"], number>> = { NOUN: 0, PROPN: 0, NUM: 0, ADJ: 1, VERB: 2 };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Blanks every occurrence of `term` as a whole word (case-insensitive). */
export function blank(text: string, term: string): string {
  const t = term.trim();
  if (!t) return text;
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, "giu"), GAP);
}

/** A token joined to its neighbours by hyphens ("three-phosphoglycerate") is blanked whole. */
function surfaceAround(tokens: readonly NlpToken[], i: number): string {
  let from = i;
  let to = i;
  const joined = (a: NlpToken, b: NlpToken) => a.offset + a.value.length === b.offset;
  while (
    from > 1 &&
    tokens[from - 1]?.value === "-" &&
    joined(tokens[from - 2] as NlpToken, tokens[from - 1] as NlpToken)
  )
    from -= 2;
  while (
    to + 2 < tokens.length &&
    tokens[to + 1]?.value === "-" &&
    joined(tokens[to + 1] as NlpToken, tokens[to + 2] as NlpToken)
  )
    to += 2;
  return tokens
    .slice(from, to + 1)
    .map((t) => t.value)
    .join("");
}

/**
 * The question's topic in its own words, leaving out any word an open quiz's answer holds: the reply blanks those
 * anyway, and "thinking about ____, released and photosynthesis" reads as a riddle rather than a hint.
 */
function topicOf(terms: QuestionTerms, withhold: readonly string[]): string {
  const hidden = withhold.flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2);
  const words = terms.words.filter((w) => !hidden.includes(w.toLowerCase())).slice(0, 4);
  if (words.length <= 1) return words[0] ?? "this";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * Plans a hint from the best sentence. The words to hide are those the question didn't already contain
 * (the new information is the answer), preferring nouns and numbers and, among them, the rarest in the
 * retrieved material. Words of the lesson title stay: they name the place, not the answer. Anything in
 * `withhold` (the open quiz's answers) is blanked too.
 */
export function planHint(
  best: PassageSentence,
  terms: QuestionTerms,
  ranked: readonly PassageSentence[],
  withhold: readonly string[],
): HintPlan {
  const asked = new Set(terms.lemmas);
  const title = new Set(analyse(best.lessonTitle).flatMap((s) => s.tokens.map((t) => t.lemma)));
  // The answer is the new information that keeps coming back in the best sentences ("water", for "where
  // does the oxygen come from"); among equals, the rarer word in the material is the more specific one.
  const inTop = new Map<string, number>();
  for (const s of ranked.slice(0, TOP_SENTENCES))
    for (const l of new Set(s.lemmas)) inTop.set(l, (inTop.get(l) ?? 0) + 1);
  const df = new Map<string, number>();
  for (const s of ranked) for (const l of new Set(s.lemmas)) df.set(l, (df.get(l) ?? 0) + 1);

  const candidates = best.tokens
    .map((t, i) => ({ t, i, priority: POS_PRIORITY[t.pos] }))
    .filter(
      (c): c is { t: NlpToken; i: number; priority: number } =>
        c.priority !== undefined && isContentToken(c.t) && !asked.has(c.t.lemma) && !title.has(c.t.lemma),
    )
    .sort(
      (a, b) =>
        a.priority - b.priority ||
        (inTop.get(b.t.lemma) ?? 0) - (inTop.get(a.t.lemma) ?? 0) ||
        (df.get(a.t.lemma) ?? 0) - (df.get(b.t.lemma) ?? 0) ||
        a.i - b.i,
    );

  const contentCount = best.tokens.filter(isContentToken).length;
  const spans: string[] = [];
  for (const c of candidates) {
    if (spans.length >= (contentCount >= 12 ? 2 : 1)) break;
    const surface = surfaceAround(best.tokens, c.i);
    if (!spans.some((s) => s.toLowerCase() === surface.toLowerCase())) spans.push(surface);
  }

  let cloze = best.text;
  for (const s of [...spans, ...withhold]) cloze = blank(cloze, s);
  const plan: HintPlan = { sentence: best, topic: topicOf(terms, withhold) };
  if (cloze !== best.text && cloze.includes(GAP)) {
    plan.cloze = cloze;
    const first = spans[0]?.charAt(0);
    if (first) plan.firstLetter = first.toLowerCase();
  }
  return plan;
}
