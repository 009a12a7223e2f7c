import { analyse, contentLemmas } from "../offline/nlp.js";

/**
 * Turns texts into unit-length vectors. A provider with an embeddings API supplies its own; offline the
 * local one below is used. Vectors of different models are never compared: chunks record their model.
 */
export interface Embedder {
  /** Stored with every chunk; a search only compares vectors of the same model. */
  model: string;
  dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export const LOCAL_EMBEDDING_MODEL = "lumen-hash-256";
const DIMENSIONS = 256;
/** Bigrams count for less than words: they sharpen phrases ("calvin cycle") without drowning single terms. */
const BIGRAM_WEIGHT = 0.5;

/** 32-bit FNV-1a: fast, well spread and stable across runs and machines. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature counts of a text: content lemmas (stop words and punctuation removed) and lemma bigrams within a sentence. */
export function embeddingFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string) => features.set(key, (features.get(key) ?? 0) + 1);
  for (const sentence of analyse(text)) {
    const lemmas = contentLemmas(sentence);
    for (const [i, lemma] of lemmas.entries()) {
      add(`w:${lemma}`);
      const next = lemmas[i + 1];
      if (next) add(`b:${lemma} ${next}`);
    }
  }
  return features;
}

/**
 * The hashing trick: each feature lands in one of 256 dimensions with a sign taken from another bit of its
 * hash, so colliding features cancel out on average instead of piling up. Term counts are damped
 * (1 + ln tf) so a word repeated ten times doesn't outweigh the rest; the vector is L2-normalised so a dot
 * product is the cosine.
 */
export function hashEmbedding(text: string, dimensions = DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of embeddingFeatures(text)) {
    const h = fnv1a(feature);
    const weight = (feature.startsWith("b:") ? BIGRAM_WEIGHT : 1) * (1 + Math.log(count));
    const sign = h >>> 31 === 1 ? -1 : 1;
    const index = h % dimensions;
    vector[index] = (vector[index] ?? 0) + sign * weight;
  }
  return normalise(vector);
}

export function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((s, v) => s + v * v, 0));
  // An empty text has no direction: it stays the zero vector (cosine 0 with everything).
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

/** Cosine similarity; 0 when either vector is zero or their lengths differ. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The offline embedder: deterministic, no network, ~1 ms per chunk. */
export const localEmbedder: Embedder = {
  model: LOCAL_EMBEDDING_MODEL,
  dimensions: DIMENSIONS,
  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => hashEmbedding(t));
  },
};
