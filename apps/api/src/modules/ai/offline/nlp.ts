import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence, type ItsFunction, type PartOfSpeech, type WinkMethods } from "wink-nlp";

/**
 * The one wink-nlp instance of the process. Loading the model costs ~130 ms and a few MB, so it is created
 * on first use (a server that never uses the offline tutor or the local embedder never pays for it).
 * Only sentence boundaries and POS are computed: lemmas need POS, and nothing here uses NER or sentiment.
 */
let instance: WinkMethods | undefined;

export function getNlp(): WinkMethods {
  instance ??= winkNLP(model, ["sbd", "pos"]);
  return instance;
}

export interface NlpToken {
  /** The token as written. */
  value: string;
  /** Lower-cased lemma ("attaches" → "attach"). */
  lemma: string;
  /** Porter stem of the word ("extraction" and "extracts" → "extract"): matches across parts of speech. */
  stem: string;
  pos: PartOfSpeech;
  stop: boolean;
  /** wink's token type: "word", "number", "punctuation", "symbol", "url", "emoji", … */
  type: string;
  /** Offset of the token in the analysed text (for mapping sentences back to cues). */
  offset: number;
}

export interface NlpSentence {
  /** The sentence exactly as it appears in the analysed text. */
  text: string;
  /** Character range in the analysed text. */
  start: number;
  end: number;
  tokens: NlpToken[];
}

/**
 * Words that carry no topic in a learner's question ("Can you explain what … means?"). Removed from
 * question terms so that an answer isn't judged on whether the material says "explain".
 */
export const QUESTION_FILLER = new Set([
  "explain",
  "tell",
  "mean",
  "meaning",
  "describe",
  "define",
  "definition",
  "happen",
  "please",
  "know",
  "understand",
  "help",
  "question",
  "thing",
  "stuff",
  "lesson",
  "course",
  "video",
  "say",
  "talk",
  "exactly",
  "actually",
  "really",
  "basically",
  "simple",
  "simply",
  "difference",
  "work",
  "use",
  "example",
  "need",
  "like",
  "want",
  "get",
  "go",
  "come",
  "make",
  "let",
  "call",
  "change",
  "instead",
]);

/** Filler only as a verb: "what does X mean" asks nothing about "mean", "how do you calculate the mean" does. */
const FILLER_AS_VERB_ONLY = new Set(["mean", "work", "use", "change", "need", "call"]);

/** True for a question word that carries no topic ("explain", "mean" as a verb). */
export function isFiller(t: NlpToken): boolean {
  if (!QUESTION_FILLER.has(t.lemma)) return false;
  return !FILLER_AS_VERB_ONLY.has(t.lemma) || t.pos === "VERB" || t.pos === "AUX";
}

/** Splits text into sentences and tokens with lemmas, POS and offsets into `text`. */
export function analyse(text: string): NlpSentence[] {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const sentences: NlpSentence[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const tokens = s.tokens();
    const values = tokens.out() as string[];
    // wink's typings declare lemma/stem with the addons as third parameter, which its own `out` type rejects.
    const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[];
    const tags = tokens.out(its.pos) as string[];
    const stops = tokens.out(its.stopWordFlag) as unknown[];
    const types = tokens.out(its.type) as string[];
    const out: NlpToken[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? "";
      // wink keeps each token's text verbatim, so a forward search finds it; the cursor only moves forward.
      const found = value ? text.indexOf(value, cursor) : -1;
      const offset = found >= 0 ? found : cursor;
      if (found >= 0) cursor = found + value.length;
      out.push({
        value,
        lemma: (lemmas[i] ?? value).toLowerCase(),
        stem: (stems[i] ?? lemmas[i] ?? value).toLowerCase(),
        pos: (tags[i] ?? "X") as PartOfSpeech,
        stop: stops[i] === true,
        type: types[i] ?? "word",
        offset,
      });
    }
    for (const part of splitAfterInitials(out)) {
      const first = part[0];
      const last = part[part.length - 1];
      if (!first || !last) continue;
      const start = first.offset;
      const end = last.offset + last.value.length;
      sentences.push({ text: text.slice(start, end), start, end, tokens: part });
    }
  });
  return sentences;
}

/**
 * wink reads a lone capital and a full stop as an initial ("G three P. Phase three…" stays one sentence).
 * In lesson text that is nearly always a sentence end; a following capitalised word decides it.
 */
function splitAfterInitials(tokens: NlpToken[]): NlpToken[][] {
  const parts: NlpToken[][] = [];
  let current: NlpToken[] = [];
  for (const [i, t] of tokens.entries()) {
    current.push(t);
    const next = tokens[i + 1];
    if (/^[A-Za-z]\.$/.test(t.value) && next && /^\p{Lu}\p{Ll}/u.test(next.value) && i > 0) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length) parts.push(current);
  return parts;
}

/** True for a token that carries meaning: a word or number, not a stop word, not punctuation. */
export function isContentToken(t: NlpToken): boolean {
  // A keyword typed in capitals ("WHERE", "AND") is a term of the subject, not a stop word.
  if (t.stop && !/^[A-Z]{2,}$/.test(t.value)) return false;
  if (t.type !== "word" && t.type !== "number") return false;
  if (t.pos === "PUNCT" || t.pos === "SYM" || t.pos === "PART" || t.pos === "DET") return false;
  return /[\p{L}\p{N}]{2,}/u.test(t.lemma);
}

/**
 * A token the offline tutor matches a question on: a content token, or a noun on the stop list ("name", "part",
 * "top"), which still names something in a lesson ("Where does the name Python come from?").
 */
export function isTermToken(t: NlpToken): boolean {
  return isContentToken(t) || (t.stop && t.pos === "NOUN" && /^\p{L}{4,}$/u.test(t.value));
}

/** Content lemmas of a sentence, in order (repeats kept). */
export function contentLemmas(sentence: NlpSentence): string[] {
  return sentence.tokens.filter(isContentToken).map((t) => t.lemma);
}

/** Content lemmas of a whole text, in order. */
export function textLemmas(text: string): string[] {
  return analyse(text).flatMap(contentLemmas);
}
