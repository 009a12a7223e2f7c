import { execRows, lessons, quizzes } from "@lumen/db";
import { seedDemo } from "@lumen/db/seed";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_EMBEDDING_MODEL } from "../src/modules/ai/retrieval/embedding.js";
import { createRetrievalRepo } from "../src/modules/ai/retrieval/retrieval.repo.js";
import { createRetrievalIndex, type RetrievalIndex } from "../src/modules/ai/retrieval/retrieval.service.js";
import { hashPassword } from "../src/modules/auth/password.js";
import { createTestContext, type TestContext } from "./helpers.js";

/** Searches here cover every course: an admin reads them all. */
const ADMIN = { userId: "00000000-0000-4000-8000-000000000000", role: "admin" };

/**
 * The retrieval index on the seeded demo catalog, on PGlite (pgvector ranks vectors in SQL) and on
 * PostgreSQL 15 (no pgvector: cosine on the full-text and trigram candidates in code). The same questions
 * must find the same lesson and moment on both.
 */

/** Questions whose answer is said in a demo transcript, and the cue that says it (start second from the VTT). */
const DEMO_QUESTIONS = [
  {
    question: "What is chemiosmosis?",
    course: "Photosynthesis Essentials",
    lesson: "The light-dependent reactions",
    cueStart: 202.487,
    says: "Using a proton gradient to make ATP is called chemiosmosis.",
  },
  {
    question: "What enzyme grabs carbon dioxide in the Calvin cycle?",
    course: "Photosynthesis Essentials",
    lesson: "The Calvin cycle",
    cueStart: 60.66,
    says: "An enzyme called rubisco grabs a molecule of carbon dioxide.",
  },
  {
    question: "What does COALESCE return?",
    course: "SQL Querying with PostgreSQL",
    lesson: "Joining tables",
    cueStart: 183.65,
    says: "COALESCE returns its first value that is not NULL.",
  },
  {
    // The typo: "infinte".
    question: "How do I stop an infinte loop?",
    course: "Python for Absolute Beginners",
    lesson: "Repeating work with loops",
    cueStart: 187.519,
    says: "If that happens, press Control and C to stop it.",
  },
  {
    question: "How can I halve the standard error?",
    course: "Statistics for Data Science",
    lesson: "Sampling and confidence intervals",
    cueStart: 165.984,
    says: "To halve the standard error, you need four times as many people.",
  },
  {
    question: "How do you say good afternoon in Spanish?",
    course: "Spanish for Travellers",
    lesson: "Greetings and polite phrases",
    cueStart: 30.702,
    says: "That means good afternoon.",
  },
  {
    question: "What is stochastic gradient descent?",
    course: "Machine Learning Fundamentals",
    lesson: "Linear regression and gradient descent",
    cueStart: 258.929,
    says: "That is stochastic gradient descent.",
  },
  {
    question: "What does the RICE formula divide by?",
    course: "Product Management Essentials",
    lesson: "Prioritising with RICE",
    cueStart: 75.921,
    says: "The formula is Reach times Impact times Confidence, divided by Effort.",
  },
] as const;

let ctx: TestContext;
let index: RetrievalIndex;
const courseIds = new Map<string, string>();
const lessonIds = new Map<string, string>();

async function chunkIds(): Promise<Map<string, string[]>> {
  const { rows } = await execRows<{ id: string; lesson_id: string | null }>(
    ctx.database.db,
    sql`select id, lesson_id from content_chunks order by id`,
  );
  const byLesson = new Map<string, string[]>();
  for (const r of rows) {
    const key = r.lesson_id ?? "course";
    byLesson.set(key, [...(byLesson.get(key) ?? []), r.id]);
  }
  return byLesson;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword });
  index = createRetrievalIndex({ repo: createRetrievalRepo(ctx.database.db) });
  await index.indexAll();
  const { rows: cs } = await execRows<{ id: string; title: string }>(
    ctx.database.db,
    sql`select id, title from courses`,
  );
  for (const c of cs) courseIds.set(c.title, c.id);
  const { rows: ls } = await execRows<{ id: string; title: string }>(
    ctx.database.db,
    sql`select id, title from lessons`,
  );
  for (const l of ls) lessonIds.set(l.title, l.id);
});
afterAll(async () => ctx?.close());

describe("indexing the demo catalog", () => {
  it("indexes transcripts by cue groups, lesson markdown and course descriptions, each with a local embedding", async () => {
    const { rows } = await execRows<{ source: string; n: number; dims: number; model: string }>(
      ctx.database.db,
      sql`select source, count(*)::int as n, min(array_length(embedding, 1))::int as dims, min(embedding_model) as model
          from content_chunks group by source order by source`,
    );
    expect(rows.map((r) => r.source)).toEqual(["course", "lesson", "transcript"]);
    for (const r of rows) {
      expect(r.n).toBeGreaterThan(0);
      expect(r.dims).toBe(256);
      expect(r.model).toBe(LOCAL_EMBEDDING_MODEL);
    }
    const { rows: uncovered } = await execRows<{ title: string }>(
      ctx.database.db,
      sql`select title from lessons l where l.kind = 'video'
          and not exists (select 1 from content_chunks c where c.lesson_id = l.id and c.source = 'transcript')`,
    );
    expect(uncovered).toEqual([]);
    const { rows: transcript } = await execRows<{ cues: Array<{ start: number }>; start_seconds: number }>(
      ctx.database.db,
      sql`select cues, start_seconds from content_chunks where source = 'transcript'`,
    );
    for (const t of transcript) {
      expect(t.cues.length).toBeGreaterThanOrEqual(2);
      expect(t.cues.length).toBeLessThanOrEqual(4);
      expect(t.start_seconds).toBeCloseTo(t.cues[0]?.start ?? -1, 3);
    }
  });

  it("keeps the corpus's words with their stems for typo matching, without stop words or compounds", async () => {
    const terms = async (words: string[]) =>
      (
        await execRows<{ term: string; lexeme: string }>(
          ctx.database.db,
          sql`select term, lexeme from content_terms where term in ${words} order by term`,
        )
      ).rows;
    expect(await terms(["photosynthesis", "chloroplasts", "the", "and"])).toEqual([
      { term: "chloroplasts", lexeme: "chloroplast" },
      { term: "photosynthesis", lexeme: "photosynthesi" },
    ]);
    // Every word a typed query can be matched to comes from some chunk, and every chunk's words are there.
    const { rows: missing } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from content_chunks c, lumen_terms_of(c.heading || ' ' || c.text) t
          where not exists (select 1 from content_terms k where k.term = t.term)`,
    );
    expect(missing[0]?.n).toBe(0);
  });

  it("is idempotent: a second backfill indexes nothing and keeps every chunk", async () => {
    const before = await chunkIds();
    expect(await index.indexAll()).toEqual({ courses: 0, chunks: 0 });
    expect(await chunkIds()).toEqual(before);
  });

  it("ranks vectors in SQL exactly where pgvector is installed", async () => {
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from pg_extension where extname = 'vector'`,
    );
    expect(await index.usesPgvector()).toBe(rows[0]?.n === 1);
    if (ctx.database.kind === "pglite") expect(await index.usesPgvector()).toBe(true);
  });
});

describe("search", () => {
  it.each(DEMO_QUESTIONS)("finds the lesson and the moment: $question", async (q) => {
    const [top] = await index.search({ viewer: ADMIN, query: q.question, limit: 5 });
    expect(top?.lessonTitle).toBe(q.lesson);
    expect(top?.courseTitle).toBe(q.course);
    expect(top?.source).toBe("transcript");
    expect(top?.startSeconds ?? Number.NaN).toBeLessThanOrEqual(q.cueStart);
    expect(top?.endSeconds ?? Number.NaN).toBeGreaterThan(q.cueStart);
    const cue = top?.cues.find((c) => Math.abs(c.start - q.cueStart) < 0.001);
    expect(cue?.text).toContain(q.says);
  });

  it("keeps to the course it is scoped to", async () => {
    const photosynthesis = courseIds.get("Photosynthesis Essentials") as string;
    const sqlCourse = courseIds.get("SQL Querying with PostgreSQL") as string;
    const inPhotosynthesis = await index.search({
      viewer: ADMIN,
      query: "What is chemiosmosis?",
      courseId: photosynthesis,
      limit: 10,
    });
    expect(inPhotosynthesis.length).toBeGreaterThan(0);
    expect(inPhotosynthesis.every((r) => r.courseId === photosynthesis)).toBe(true);
    const inSql = await index.search({ viewer: ADMIN, query: "What is chemiosmosis?", courseId: sqlCourse, limit: 10 });
    expect(inSql.every((r) => r.courseId === sqlCourse)).toBe(true);
    expect(inSql.some((r) => r.text.includes("chemiosmosis"))).toBe(false);
  });

  it("boosts the learner's current lesson without hiding the rest of the course", async () => {
    const course = courseIds.get("Photosynthesis Essentials") as string;
    const query = "What is the stroma?";
    const plain = await index.search({ viewer: ADMIN, query, courseId: course, limit: 8 });
    // The best chunk of another lesson than the overall winner: the learner is on that lesson.
    const current = plain.find((r) => r.lessonId && r.lessonId !== plain[0]?.lessonId)?.lessonId as string;
    expect(current).toBeDefined();
    const boosted = await index.search({ viewer: ADMIN, query, courseId: course, lessonId: current, limit: 8 });
    expect(boosted[0]?.lessonId).toBe(current);
    expect(boosted.some((r) => r.lessonId !== current)).toBe(true);
    expect(boosted.map((r) => r.chunkId)).toContain(plain[0]?.chunkId);
  });

  it("returns the passage's citation data: lesson and course titles, heading, cue times", async () => {
    const [top] = await index.search({ viewer: ADMIN, query: "What does COALESCE return?", limit: 1 });
    expect(top).toMatchObject({
      lessonId: lessonIds.get("Joining tables"),
      courseId: courseIds.get("SQL Querying with PostgreSQL"),
      heading: "Joining tables",
    });
    expect(top?.score).toBeGreaterThan(0);
    expect(top?.signals.fullText).toBeGreaterThan(0);
    for (const cue of top?.cues ?? []) expect(cue.end).toBeGreaterThan(cue.start);
  });
});

describe("re-indexing", () => {
  it("rebuilds only the saved lesson: every other chunk keeps its id", async () => {
    const loops = lessonIds.get("Repeating work with loops") as string;
    const before = await chunkIds();
    const [lesson] = await ctx.database.db.select().from(lessons).where(eq(lessons.id, loops));
    const extra = "\n\n00:04:30.000 --> 00:04:35.000\nA nested loop is a loop inside the body of another loop.\n";
    await ctx.database.db
      .update(lessons)
      .set({ transcriptVtt: `${lesson?.transcriptVtt ?? ""}${extra}` })
      .where(eq(lessons.id, loops));

    await index.indexLesson(loops);

    const after = await chunkIds();
    for (const [lessonId, ids] of before) {
      if (lessonId === loops) continue;
      expect(after.get(lessonId), lessonId).toEqual(ids);
    }
    expect(after.get(loops)).not.toEqual(before.get(loops));
    const [top] = await index.search({ viewer: ADMIN, query: "What is a nested loop?", limit: 1 });
    expect(top?.lessonId).toBe(loops);
    expect(top?.cues.some((c) => c.start === 270)).toBe(true);
  });

  it("drops a deleted lesson's chunks with it", async () => {
    const greetings = lessonIds.get("Greetings and polite phrases") as string;
    await ctx.database.db.delete(lessons).where(eq(lessons.id, greetings));
    const after = await chunkIds();
    expect(after.has(greetings)).toBe(false);
    const results = await index.search({ viewer: ADMIN, query: "How do you say good afternoon in Spanish?", limit: 5 });
    expect(results.every((r) => r.lessonId !== greetings)).toBe(true);
  });
});

describe("quiz answer keys", () => {
  it("are never indexed, even for a lesson with a quiz", async () => {
    const rows = await ctx.database.db.select().from(quizzes);
    expect(rows.length).toBeGreaterThan(0);
    const { rows: chunks } = await execRows<{ lesson_id: string | null; text: string }>(
      ctx.database.db,
      sql`select lesson_id, heading || ' ' || text as text from content_chunks`,
    );
    for (const quiz of rows) {
      const own = chunks.filter((c) => c.lesson_id === quiz.lessonId).map((c) => c.text);
      expect(own.length, quiz.lessonId).toBeGreaterThan(0);
      for (const q of quiz.questions) {
        for (const text of [q.question, q.explanation]) {
          expect(
            own.some((c) => c.includes(text)),
            text,
          ).toBe(false);
        }
      }
    }
  });

  it("stay out after the lesson is re-indexed", async () => {
    const lessonId = lessonIds.get("The light-dependent reactions") as string;
    const [quiz] = await ctx.database.db.select().from(quizzes).where(eq(quizzes.lessonId, lessonId));
    expect(quiz).toBeDefined();
    const secret = "Zanzibar-quokka answer key";
    await ctx.database.db
      .update(quizzes)
      .set({
        questions: [
          ...(quiz?.questions ?? []),
          { id: "planted", type: "short_answer", question: secret, accepted_answers: [secret], explanation: secret },
        ],
      })
      .where(eq(quizzes.lessonId, lessonId));
    await index.indexLesson(lessonId);
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from content_chunks where text ilike '%quokka%' or heading ilike '%quokka%'`,
    );
    expect(rows[0]?.n).toBe(0);
    expect(
      (await index.search({ viewer: ADMIN, query: "Zanzibar quokka", limit: 5 })).some((r) =>
        r.text.includes("quokka"),
      ),
    ).toBe(false);
  });
});
