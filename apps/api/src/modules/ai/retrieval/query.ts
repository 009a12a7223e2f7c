import { analyse, isContentToken, isFiller } from "../offline/nlp.js";

/** Longest question text ranked; a pasted essay would only slow the trigram scan down. */
export const MAX_QUERY_LENGTH = 500;

export interface QueryTerms {
  /** Content words of the question as typed (for trigram matching, where the spelling matters). */
  words: string[];
  /** Words and their lemmas, OR-ed for `websearch_to_tsquery` so a chunk holding only some of them still ranks. */
  anyTerms: string;
}

/** Letters and digits only: nothing that `websearch_to_tsquery` would read as an operator ("-", quotes, "or"). */
const clean = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w !== "or" && w !== "and");

export function queryTerms(question: string): QueryTerms {
  const tokens = analyse(question.slice(0, MAX_QUERY_LENGTH))
    .flatMap((s) => s.tokens)
    .filter(isContentToken);
  // Filler ("explain", "mean") only counts when the question has nothing else.
  const topical = tokens.filter((t) => !isFiller(t));
  const chosen = topical.length ? topical : tokens;
  const words = [...new Set(chosen.flatMap((t) => clean(t.value)))];
  const lemmas = chosen.flatMap((t) => clean(t.lemma));
  const all = [...new Set([...words, ...lemmas])];
  return { words, anyTerms: all.join(" or ") };
}
