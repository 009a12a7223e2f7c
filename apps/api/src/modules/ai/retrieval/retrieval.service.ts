import type { Viewer } from "../../access/access.repo.js";
import { correctWord, typoBudget, wordCounts } from "../offline/spelling.js";
import { type ChunkInput, chunkCourse, chunkLesson } from "./chunker.js";
import { cosine, type Embedder, localEmbedder } from "./embedding.js";
import { RRF_K, ranksOf, reciprocalRankFusion, type Scored } from "./fusion.js";
import { MAX_QUERY_LENGTH, queryTerms } from "./query.js";
import type { ChunkRow, EmbeddedChunk, RetrievalRepo } from "./retrieval.repo.js";

export type { ChunkRow } from "./retrieval.repo.js";

/** A ranked chunk: a passage the tutor can quote and cite (lesson + the second its first cue starts). */
export interface RetrievedChunk extends ChunkRow {
  /** Fused rank score (reciprocal rank fusion, ×1.5 for the current lesson). Only meaningful as an order. */
  score: number;
  /** Raw score of each ranking (0 when the chunk wasn't in it), for callers that want their own cut-off. */
  signals: { fullText: number; trigram: number; vector: number };
}

export interface SearchParams {
  query: string;
  /** Who asks: only lessons they may read are ever searched (the access module's readable-lesson rule). */
  viewer: Viewer;
  /** Only this course's (readable) chunks. */
  courseId?: string | undefined;
  /** Without `courseId`: only free courses and the viewer's enrollments (a question with no course in view). */
  home?: boolean | undefined;
  /** The lesson the learner is on: its chunks get a boost, the rest of the course still competes. */
  lessonId?: string | undefined;
  /** How many chunks to return (1–50, default 8). */
  limit?: number | undefined;
}

export interface RetrievalIndex {
  /** Rebuilds one lesson's chunks in one transaction (call after the lesson is saved). Other lessons are untouched. */
  indexLesson(lessonId: string): Promise<{ chunks: number }>;
  /** Rebuilds the course description's chunks (call after the course's title, subtitle or description change). */
  indexCourseDescription(courseId: string): Promise<{ chunks: number }>;
  /** The description and every lesson of a course. */
  indexCourse(courseId: string): Promise<{ chunks: number }>;
  /** Startup backfill: indexes courses that have no chunks yet (or chunks of another embedding model). Idempotent. */
  indexAll(): Promise<{ courses: number; chunks: number }>;
  search(params: SearchParams): Promise<RetrievedChunk[]>;
  /** A lesson's chunks in order (quiz generation, "summarise this lesson"). */
  lessonPassages(lessonId: string): Promise<ChunkRow[]>;
  /** A course's chunks in order: the description, then the lessons (the quiz generator's vocabulary). */
  coursePassages(courseId: string): Promise<ChunkRow[]>;
  /** True when the database ranks vectors itself (pgvector); otherwise cosine is computed on candidates in code. */
  usesPgvector(): Promise<boolean>;
}

export interface RetrievalDeps {
  repo: RetrievalRepo;
  /** The provider's embedder when it has one; the local hashed embedder otherwise. */
  embedder?: Embedder;
}

/** How many hits each ranking contributes before fusion. */
const CANDIDATES = 50;
/** Average per-word trigram similarity below which a chunk is noise, not a typo match. */
const MIN_TRIGRAM = 0.45;
const CURRENT_LESSON_BOOST = 1.5;
const EMBED_BATCH = 64;
const DEFAULT_LIMIT = 8;
/** How many of the best trigram chunks supply the words a typo is repaired towards. */
const TYPO_CONTEXT = 10;

/** What gets embedded: the heading carries the topic ("The Calvin cycle") the spoken text may only imply. */
const embeddingText = (chunk: ChunkInput) => (chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text);

export function createRetrievalIndex(deps: RetrievalDeps): RetrievalIndex {
  const embedder = deps.embedder ?? localEmbedder;
  const { repo } = deps;
  let pgvector: Promise<boolean> | undefined;

  // Detected once per index: extensions don't appear or vanish while the server runs.
  const usesPgvector = () => {
    pgvector ??= repo.hasPgvector().catch(() => false);
    return pgvector;
  };

  /** Embeds outside any transaction: a provider's embeddings call must not hold database locks. */
  async function embedChunks(chunks: ChunkInput[]): Promise<EmbeddedChunk[]> {
    const vectors: number[][] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      vectors.push(...(await embedder.embed(chunks.slice(i, i + EMBED_BATCH).map(embeddingText))));
      // The local embedder computes on this thread: let waiting requests run between batches, so indexing a long
      // lesson never stalls the API for the whole of it.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return chunks.map((chunk, i) => ({ ...chunk, embedding: vectors[i] ?? null }));
  }

  async function indexLesson(lessonId: string): Promise<{ chunks: number }> {
    const lesson = await repo.findLesson(lessonId);
    if (!lesson) return { chunks: 0 };
    const chunks = await embedChunks(chunkLesson(lesson));
    await repo.transaction((tx) => repo.replaceLessonChunks(lesson, chunks, embedder.model, tx));
    return { chunks: chunks.length };
  }

  async function indexCourseDescription(courseId: string): Promise<{ chunks: number }> {
    const course = await repo.findCourse(courseId);
    if (!course) return { chunks: 0 };
    const chunks = await embedChunks(chunkCourse(course));
    await repo.transaction((tx) => repo.replaceCourseChunks(courseId, chunks, embedder.model, tx));
    return { chunks: chunks.length };
  }

  async function indexCourse(courseId: string): Promise<{ chunks: number }> {
    let total = (await indexCourseDescription(courseId)).chunks;
    for (const lessonId of await repo.lessonIdsOfCourse(courseId)) total += (await indexLesson(lessonId)).chunks;
    return { chunks: total };
  }

  /** Cosine on the full-text and trigram candidates, for databases without pgvector. */
  async function vectorRankInCode(vector: number[], candidateIds: string[]): Promise<Scored[]> {
    const stored = await repo.embeddingsOf(candidateIds, embedder.model);
    return [...stored].map(([id, embedding]) => ({ id, score: cosine(vector, embedding) }));
  }

  /**
   * Words the best trigram matches don't contain are replaced by their closest word there ("infinte" →
   * "infinite"). The trigram ranking already tolerates the typo, so its top chunks hold the intended word.
   */
  async function repairTypos(query: string, words: string[], trigram: Scored[]): Promise<string> {
    if (!words.some((w) => typoBudget(w) > 0) || trigram.length === 0) return query;
    const top = await repo.chunksByIds(trigram.slice(0, TYPO_CONTEXT).map((h) => h.id));
    const known = wordCounts(top.flatMap((row) => [row.heading, row.text]));
    const fixes = new Map<string, string>();
    for (const w of words) {
      const fix = correctWord(w, known);
      if (fix) fixes.set(w, fix);
    }
    if (fixes.size === 0) return query;
    return query.replace(/[\p{L}\p{N}]+/gu, (w) => fixes.get(w.toLowerCase()) ?? w);
  }

  async function search(params: SearchParams): Promise<RetrievedChunk[]> {
    const query = params.query.trim().slice(0, MAX_QUERY_LENGTH);
    if (!query) return [];
    const limit = Math.min(Math.max(params.limit ?? DEFAULT_LIMIT, 1), 50);
    const scope = { viewer: params.viewer, courseId: params.courseId, home: params.home };
    const typed = queryTerms(query);
    const trigram = typed.words.length ? await repo.trigramHits(typed.words, scope, CANDIDATES, MIN_TRIGRAM) : [];
    // Full text and the local embedding match exact lemmas, so a typo would sink them: repair it first.
    const repaired = await repairTypos(query, typed.words, trigram);
    const terms = repaired === query ? typed : queryTerms(repaired);
    const anyTerms = [...new Set([...typed.anyTerms.split(" or "), ...terms.anyTerms.split(" or ")])]
      .filter(Boolean)
      .join(" or ");
    // A question of stop words only embeds to the zero vector, which ranks nothing. A provider's embedding
    // endpoint failing costs the vector ranking for this query, not the answer: full text and trigram remain.
    const [vector = []] = await embedder.embed([repaired]).catch((): number[][] => [[]]);
    const hasVector = vector.some((v) => v !== 0);

    const fullText = anyTerms ? await repo.fullTextHits(repaired, anyTerms, scope, CANDIDATES) : [];
    let vectorHits: Scored[] = [];
    if (hasVector) {
      vectorHits = (await usesPgvector())
        ? await repo.vectorHits(vector, embedder.model, scope, CANDIDATES)
        : await vectorRankInCode(vector, [...new Set([...fullText, ...trigram].map((h) => h.id))]);
    }

    const fused = reciprocalRankFusion([fullText, trigram, vectorHits], RRF_K);
    if (fused.size === 0) return [];
    const rows = await repo.chunksByIds([...fused.keys()]);
    const raw = (hits: Scored[]) => new Map(hits.map((h) => [h.id, h.score]));
    const [fts, tri, vec] = [raw(fullText), raw(trigram), raw(vectorHits)];
    // Ranks, not raw scores, break ties: raw floats may differ in the last bits between PostgreSQL builds.
    const ftsRank = ranksOf(fullText);

    return rows
      .map((row): RetrievedChunk => {
        const base = fused.get(row.chunkId) ?? 0;
        const boosted = params.lessonId && row.lessonId === params.lessonId ? base * CURRENT_LESSON_BOOST : base;
        return {
          ...row,
          score: boosted,
          signals: {
            fullText: fts.get(row.chunkId) ?? 0,
            trigram: tri.get(row.chunkId) ?? 0,
            vector: vec.get(row.chunkId) ?? 0,
          },
        };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          (ftsRank.get(a.chunkId) ?? Number.MAX_SAFE_INTEGER) - (ftsRank.get(b.chunkId) ?? Number.MAX_SAFE_INTEGER) ||
          a.courseTitle.localeCompare(b.courseTitle) ||
          (a.lessonTitle ?? "").localeCompare(b.lessonTitle ?? "") ||
          a.position - b.position,
      )
      .slice(0, limit);
  }

  return {
    indexLesson,
    indexCourseDescription,
    indexCourse,
    async indexAll() {
      let chunks = 0;
      const ids = await repo.courseIdsToIndex(embedder.model);
      for (const id of ids) chunks += (await indexCourse(id)).chunks;
      return { courses: ids.length, chunks };
    },
    search,
    lessonPassages: (lessonId) => repo.chunksOfLesson(lessonId),
    coursePassages: (courseId) => repo.chunksOfCourse(courseId),
    usesPgvector,
  };
}
