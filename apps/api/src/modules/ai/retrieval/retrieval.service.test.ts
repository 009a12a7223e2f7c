import type { Executor } from "@lumen/db";
import { describe, expect, it } from "vitest";
import type { Embedder } from "./embedding.js";
import type { ChunkRow, EmbeddedChunk, RankedHit, RetrievalRepo } from "./retrieval.repo.js";
import { createRetrievalIndex } from "./retrieval.service.js";

/** Searches here cover every course: an admin reads them all. */
const ADMIN = { userId: "00000000-0000-4000-8000-000000000000", role: "admin" };

/** A fake store: rankings are given per test; calls are recorded. */
function fakeRepo(options: {
  rows?: ChunkRow[];
  fullText?: RankedHit[];
  trigram?: RankedHit[];
  vector?: RankedHit[];
  embeddings?: Map<string, number[]>;
  pgvector?: boolean;
  toIndex?: string[];
}) {
  const calls: Record<string, unknown[][]> = {};
  const record = (name: string, ...args: unknown[]) => {
    calls[name] = [...(calls[name] ?? []), args];
  };
  const rows = options.rows ?? [];
  const tx = {} as Executor;
  const repo: RetrievalRepo = {
    transaction: async (fn) => {
      record("transaction");
      return fn(tx);
    },
    findLesson: async (id) =>
      id === "l1"
        ? { id, courseId: "c1", title: "Loops", contentMd: "# Loops\n\nA for loop repeats.", transcriptVtt: null }
        : undefined,
    findCourse: async (id) => ({ id, title: "Python", subtitle: "Basics", description: "Learn Python." }),
    lessonIdsOfCourse: async () => ["l1"],
    courseIdsToIndex: async (model) => {
      record("courseIdsToIndex", model);
      return options.toIndex ?? [];
    },
    replaceLessonChunks: async (lesson, chunks, model, t) => record("replaceLessonChunks", lesson, chunks, model, t),
    replaceCourseChunks: async (courseId, chunks, model, t) =>
      record("replaceCourseChunks", courseId, chunks, model, t),
    hasPgvector: async () => options.pgvector ?? false,
    fullTextHits: async (query, anyTerms, scope) => {
      record("fullTextHits", query, anyTerms, scope);
      return options.fullText ?? [];
    },
    trigramHits: async (words) => {
      record("trigramHits", words);
      return options.trigram ?? [];
    },
    vectorHits: async (vector, model) => {
      record("vectorHits", vector, model);
      return options.vector ?? [];
    },
    embeddingsOf: async (ids, model) => {
      record("embeddingsOf", ids, model);
      return options.embeddings ?? new Map();
    },
    chunksByIds: async (ids) => rows.filter((r) => ids.includes(r.chunkId)),
    chunksOfLesson: async (lessonId) => rows.filter((r) => r.lessonId === lessonId),
    chunksOfCourse: async (courseId) => rows.filter((r) => r.courseId === courseId),
  };
  return { repo, calls, tx };
}

const row = (chunkId: string, lessonId: string, text: string): ChunkRow => ({
  chunkId,
  courseId: "c1",
  lessonId,
  lessonTitle: lessonId,
  courseTitle: "Python",
  source: "transcript",
  position: 0,
  heading: "",
  text,
  cues: [{ start: 1, end: 2, text }],
  startSeconds: 1,
  endSeconds: 2,
});

/** Two dimensions are plenty for checking what the service does with vectors. */
const embedder: Embedder = {
  model: "fake-2",
  dimensions: 2,
  async embed(texts) {
    return texts.map((t) => (/loop/i.test(t) ? [1, 0] : [0, 1]));
  },
};

describe("indexing", () => {
  it("re-indexes one lesson in one transaction, with an embedding per chunk and the model recorded", async () => {
    const { repo, calls, tx } = fakeRepo({});
    const index = createRetrievalIndex({ embedder, repo });
    expect(await index.indexLesson("l1")).toEqual({ chunks: 1 });
    const [[lesson, chunks, model, usedTx]] = calls.replaceLessonChunks as [
      [unknown, EmbeddedChunk[], string, unknown],
    ];
    expect(lesson).toMatchObject({ id: "l1", courseId: "c1" });
    expect(model).toBe("fake-2");
    expect(usedTx).toBe(tx);
    expect(chunks[0]?.embedding).toEqual([1, 0]);
    expect(calls.transaction).toHaveLength(1);
    expect(calls.replaceCourseChunks).toBeUndefined();
  });

  it("does nothing for a lesson that no longer exists (its chunks went with it)", async () => {
    const { repo, calls } = fakeRepo({});
    expect(await createRetrievalIndex({ embedder, repo }).indexLesson("gone")).toEqual({ chunks: 0 });
    expect(calls.replaceLessonChunks).toBeUndefined();
  });

  it("backfills only the courses the store reports as missing or stale, for this embedder's model", async () => {
    const { repo, calls } = fakeRepo({ toIndex: ["c1"] });
    const result = await createRetrievalIndex({ embedder, repo }).indexAll();
    expect(result).toEqual({ courses: 1, chunks: 2 });
    expect(calls.courseIdsToIndex).toEqual([["fake-2"]]);
    expect(calls.replaceCourseChunks).toHaveLength(1);

    const idle = fakeRepo({ toIndex: [] });
    expect(await createRetrievalIndex({ embedder, repo: idle.repo }).indexAll()).toEqual({ courses: 0, chunks: 0 });
    expect(idle.calls.replaceLessonChunks).toBeUndefined();
  });
});

describe("search", () => {
  const rows = [row("a", "other", "A for loop repeats code."), row("b", "current", "Loops repeat a block.")];
  const hits = [
    { id: "a", score: 0.9 },
    { id: "b", score: 0.5 },
  ];

  it("fuses the rankings and returns chunks with their signals, best first", async () => {
    const { repo } = fakeRepo({ rows, fullText: hits, trigram: hits });
    const result = await createRetrievalIndex({ embedder, repo }).search({
      viewer: ADMIN,
      query: "loop",
      limit: 5,
    });
    expect(result.map((r) => r.chunkId)).toEqual(["a", "b"]);
    expect(result[0]?.signals.fullText).toBe(0.9);
    expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? 1);
  });

  it("boosts the current lesson without dropping the rest of the course", async () => {
    const { repo } = fakeRepo({ rows, fullText: hits, trigram: hits });
    const result = await createRetrievalIndex({ embedder, repo }).search({
      viewer: ADMIN,
      query: "loop",
      lessonId: "current",
    });
    expect(result.map((r) => r.chunkId)).toEqual(["b", "a"]);
  });

  it("repairs a typo towards the words of the best trigram matches before full text and vectors", async () => {
    const { repo, calls } = fakeRepo({
      rows: [row("a", "l", "That is an infinite loop.")],
      trigram: [{ id: "a", score: 0.8 }],
    });
    await createRetrievalIndex({ embedder, repo }).search({ viewer: ADMIN, query: "stop an infinte loop" });
    const [[query, anyTerms]] = calls.fullTextHits as [[string, string]];
    expect(query).toBe("stop an infinite loop");
    expect(anyTerms.split(" or ")).toEqual(expect.arrayContaining(["infinte", "infinite", "loop", "stop"]));
  });

  it("without pgvector, ranks the full-text and trigram candidates by cosine in code", async () => {
    const { repo, calls } = fakeRepo({
      rows,
      fullText: [{ id: "b", score: 0.5 }],
      trigram: [{ id: "a", score: 0.5 }],
      embeddings: new Map([
        ["a", [1, 0]],
        ["b", [0, 1]],
      ]),
    });
    const result = await createRetrievalIndex({ embedder, repo }).search({ viewer: ADMIN, query: "loop" });
    expect(calls.vectorHits).toBeUndefined();
    expect([...((calls.embeddingsOf?.[0]?.[0] as string[] | undefined) ?? [])].sort()).toEqual(["a", "b"]);
    expect(result[0]?.chunkId).toBe("a");
    expect(result[0]?.signals.vector).toBe(1);
  });

  it("with pgvector, lets the database rank vectors of the embedder's model", async () => {
    const { repo, calls } = fakeRepo({ rows, pgvector: true, vector: [{ id: "b", score: 0.7 }] });
    const result = await createRetrievalIndex({ embedder, repo }).search({ viewer: ADMIN, query: "loop" });
    expect(calls.vectorHits?.[0]?.[1]).toBe("fake-2");
    expect(calls.embeddingsOf).toBeUndefined();
    expect(result.map((r) => r.chunkId)).toEqual(["b"]);
  });

  it("returns nothing for an empty question", async () => {
    const { repo, calls } = fakeRepo({ rows, fullText: hits });
    expect(await createRetrievalIndex({ embedder, repo }).search({ viewer: ADMIN, query: "   " })).toEqual([]);
    expect(calls.fullTextHits).toBeUndefined();
  });
});
