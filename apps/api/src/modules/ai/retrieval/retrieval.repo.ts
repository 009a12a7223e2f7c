import { contentChunks, courses, type Database, type Executor, lessons, modules } from "@lumen/db";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { transactions } from "../../../lib/sql.js";
import {
  enrolledCourseSql,
  freeCourseSql,
  readableLessonSql,
  type Viewer,
  visibleCourseSql,
} from "../../access/access.repo.js";
import type { ChunkCue, ChunkInput, ChunkSource } from "./chunker.js";

/** A chunk as search and quiz generation see it: its text, where it sits, and the seconds it spans. */
export interface ChunkRow {
  chunkId: string;
  courseId: string;
  lessonId: string | null;
  lessonTitle: string | null;
  courseTitle: string;
  source: ChunkSource;
  position: number;
  heading: string;
  text: string;
  cues: ChunkCue[];
  startSeconds: number | null;
  endSeconds: number | null;
}

/** One ranking's hit: a chunk id and that ranking's raw score (higher is better). */
export interface RankedHit {
  id: string;
  score: number;
}

/**
 * Which chunks a search may see. Always filtered to what `viewer` may read (lesson chunks through the access
 * module's one readable-lesson rule, course descriptions of courses they may see); then one course, the
 * viewer's "home" courses (free ones and their enrollments), or, with neither, everything they may read.
 */
export interface ChunkScope {
  viewer: Viewer;
  courseId?: string | undefined;
  home?: boolean | undefined;
}

export type EmbeddedChunk = ChunkInput & { embedding: number[] | null };

const c = contentChunks;
/** How many corpus words one typed word may stand for (its closest): bounds a short word's fan-out ("ion"). */
const TERMS_PER_WORD = 16;
/** How many candidate chunks get the exact (costly) trigram score. */
const RESCORED = 200;

function scopeOf(scope: ChunkScope): SQL | undefined {
  const readable = or(
    readableLessonSql(c.lessonId, scope.viewer),
    and(isNull(c.lessonId), visibleCourseSql(c.courseId, scope.viewer)),
  );
  if (scope.courseId) return and(eq(c.courseId, scope.courseId), readable);
  if (!scope.home) return readable;
  // Home: the viewer's enrollments (what they may read there), and free published courses, whose every lesson
  // is theirs for the asking.
  return or(freeCourseSql(c.courseId), and(enrolledCourseSql(c.courseId, scope.viewer), readable));
}

/** pgvector's text form; the `::vector` cast happens in SQL. */
const vectorLiteral = (v: readonly number[]) => `[${v.join(",")}]`;

const chunkColumns = {
  chunkId: c.id,
  courseId: c.courseId,
  lessonId: c.lessonId,
  lessonTitle: lessons.title,
  courseTitle: courses.title,
  source: c.source,
  position: c.position,
  heading: c.heading,
  text: c.text,
  cues: c.cues,
  startSeconds: c.startSeconds,
  endSeconds: c.endSeconds,
};

export function createRetrievalRepo(db: Database) {
  async function insertChunks(
    courseId: string,
    lessonId: string | null,
    chunks: EmbeddedChunk[],
    model: string,
    tx: Executor,
  ): Promise<void> {
    if (chunks.length === 0) return;
    await tx.insert(c).values(
      chunks.map((chunk) => ({
        courseId,
        lessonId,
        source: chunk.source,
        position: chunk.position,
        heading: chunk.heading,
        text: chunk.text,
        cues: chunk.cues,
        startSeconds: chunk.startSeconds,
        endSeconds: chunk.endSeconds,
        embedding: chunk.embedding,
        embeddingModel: chunk.embedding ? model : null,
      })),
    );
  }

  return {
    ...transactions(db),

    /** What the chunker reads of a lesson. The quiz table is never read here. */
    async findLesson(lessonId: string, tx: Executor = db) {
      const [row] = await tx
        .select({
          id: lessons.id,
          courseId: lessons.courseId,
          title: lessons.title,
          contentMd: lessons.contentMd,
          transcriptVtt: lessons.transcriptVtt,
        })
        .from(lessons)
        .where(eq(lessons.id, lessonId))
        .limit(1);
      return row;
    },

    async findCourse(courseId: string, tx: Executor = db) {
      const [row] = await tx
        .select({ id: courses.id, title: courses.title, subtitle: courses.subtitle, description: courses.description })
        .from(courses)
        .where(eq(courses.id, courseId))
        .limit(1);
      return row;
    },

    async lessonIdsOfCourse(courseId: string, tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .select({ id: lessons.id })
        .from(lessons)
        .where(eq(lessons.courseId, courseId))
        .orderBy(asc(lessons.position), asc(lessons.id));
      return rows.map((r) => r.id);
    },

    /** Courses with no chunks yet, or with chunks embedded by another model (their vectors can't be compared). */
    async courseIdsToIndex(model: string, tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(
          or(
            sql`NOT EXISTS (SELECT 1 FROM ${c} WHERE ${c.courseId} = ${courses.id})`,
            sql`EXISTS (SELECT 1 FROM ${c} WHERE ${c.courseId} = ${courses.id} AND ${c.embeddingModel} IS DISTINCT FROM ${model})`,
          ),
        )
        .orderBy(asc(courses.createdAt), asc(courses.id));
      return rows.map((r) => r.id);
    },

    /** Swaps one lesson's chunks; the caller runs it in a transaction so searches never see a half-indexed lesson. */
    async replaceLessonChunks(
      lesson: { id: string; courseId: string },
      chunks: EmbeddedChunk[],
      model: string,
      tx: Executor = db,
    ): Promise<void> {
      await tx.delete(c).where(eq(c.lessonId, lesson.id));
      await insertChunks(lesson.courseId, lesson.id, chunks, model, tx);
    },

    async replaceCourseChunks(courseId: string, chunks: EmbeddedChunk[], model: string, tx: Executor = db) {
      await tx.delete(c).where(and(eq(c.courseId, courseId), isNull(c.lessonId)));
      await insertChunks(courseId, null, chunks, model, tx);
    },

    async hasPgvector(tx: Executor = db): Promise<boolean> {
      const result = (await tx.execute(sql`SELECT 1 AS ok FROM pg_extension WHERE extname = 'vector'`)) as unknown as {
        rows: unknown[];
      };
      return result.rows.length > 0;
    },

    /**
     * Full text: the question as typed (`websearch_to_tsquery` ANDs its words) counts double, plus an OR of
     * its terms so a chunk holding only some of them still ranks. Rank normalisation 1 damps long chunks.
     */
    async fullTextHits(query: string, anyTerms: string, scope: ChunkScope, limit: number, tx: Executor = db) {
      const all = sql`websearch_to_tsquery('english', ${query})`;
      const any = sql`websearch_to_tsquery('english', ${anyTerms})`;
      const score = sql<number>`(2 * ts_rank_cd(${c.search}, ${all}, 1) + ts_rank_cd(${c.search}, ${any}, 1))::float8`;
      return tx
        .select({ id: c.id, score })
        .from(c)
        .where(and(scopeOf(scope), sql`${c.search} @@ ${any}`))
        .orderBy(desc(score), asc(c.id))
        .limit(limit) as Promise<RankedHit[]>;
    },

    /**
     * Typos: for each query word, its best pg_trgm `word_similarity` anywhere in the chunk, averaged over the
     * words ("photosynthesys" still meets "photosynthesis"); chunks below `minScore` are noise. Scoring every chunk
     * in scope that way cost ~0.4 ms a chunk (a catalog-wide question over 20,000 chunks: seconds), so candidates
     * come first, through indexes: each typed word meets its `TERMS_PER_WORD` closest words of the corpus
     * (`content_terms`, GIN trigram index, at `minScore` or better), the chunks holding those words come from the
     * full-text index, and only the `RESCORED` best of them by that word-level similarity get the exact score. A
     * chunk can only reach `minScore` by holding a word that close to a typed one, so on a course-sized scope the
     * result is what scoring every chunk gave. `%>` reads the transaction's `word_similarity_threshold`.
     */
    async trigramHits(words: string[], scope: ChunkScope, limit: number, minScore: number, tx: Executor = db) {
      if (words.length === 0) return [];
      const list = words.join(" ");
      const result = await tx.transaction(async (t) => {
        await t.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(minScore)}, true)`);
        return (await t.execute(sql`
          WITH matched AS (
            SELECT w.word, m.lexeme, quote_literal(m.lexeme)::tsquery AS query, max(m.similarity) AS similarity
            FROM unnest(string_to_array(${list}, ' ')) AS w(word)
            CROSS JOIN LATERAL (
              SELECT lexeme, word_similarity(w.word, term) AS similarity FROM content_terms
              WHERE term %> w.word
              ORDER BY similarity DESC, term
              LIMIT ${TERMS_PER_WORD}
            ) AS m
            GROUP BY w.word, m.lexeme
          ),
          typed AS (SELECT string_agg(DISTINCT quote_literal(lexeme), ' | ')::tsquery AS query FROM matched),
          candidates AS (
            SELECT ${c.id} AS id, ${c.heading} || ' ' || ${c.text} AS doc
            FROM ${c}, typed
            WHERE ${c.search} @@ typed.query AND ${scopeOf(scope) ?? sql`true`}
            ORDER BY (
              SELECT sum(best.similarity) FROM (
                SELECT max(matched.similarity) AS similarity FROM matched
                WHERE ${c.search} @@ matched.query GROUP BY matched.word
              ) AS best
            ) DESC, ts_rank_cd(${c.search}, typed.query, 1) DESC, ${c.id}
            LIMIT ${RESCORED}
          )
          SELECT id, (
            SELECT avg(word_similarity(w, doc)) FROM unnest(string_to_array(${list}, ' ')) AS w
          )::float8 AS score
          FROM candidates
          ORDER BY score DESC, id
          LIMIT ${limit}
        `)) as unknown as { rows: RankedHit[] };
      });
      return result.rows.filter((r) => r.score >= minScore);
    },

    /** pgvector only: cosine similarity of the stored `real[]` cast to `vector`, same model only. */
    async vectorHits(vector: number[], model: string, scope: ChunkScope, limit: number, tx: Executor = db) {
      const q = vectorLiteral(vector);
      const distance = sql`(${c.embedding}::vector <=> ${q}::vector)`;
      return tx
        .select({ id: c.id, score: sql<number>`(1 - ${distance})::float8` })
        .from(c)
        .where(and(scopeOf(scope), eq(c.embeddingModel, model), sql`${c.embedding} IS NOT NULL`))
        .orderBy(distance, asc(c.id))
        .limit(limit) as Promise<RankedHit[]>;
    },

    /** Stored embeddings of some chunks (same model), for ranking in code where pgvector is missing. */
    async embeddingsOf(ids: string[], model: string, tx: Executor = db): Promise<Map<string, number[]>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: c.id, embedding: c.embedding })
        .from(c)
        .where(and(inArray(c.id, ids), eq(c.embeddingModel, model)));
      return new Map(rows.filter((r) => r.embedding).map((r) => [r.id, r.embedding as number[]]));
    },

    async chunksByIds(ids: string[], tx: Executor = db): Promise<ChunkRow[]> {
      if (ids.length === 0) return [];
      return tx
        .select(chunkColumns)
        .from(c)
        .innerJoin(courses, eq(courses.id, c.courseId))
        .leftJoin(lessons, eq(lessons.id, c.lessonId))
        .where(inArray(c.id, ids));
    },

    /** Every chunk of a lesson, in order. */
    async chunksOfLesson(lessonId: string, tx: Executor = db): Promise<ChunkRow[]> {
      return tx
        .select(chunkColumns)
        .from(c)
        .innerJoin(courses, eq(courses.id, c.courseId))
        .leftJoin(lessons, eq(lessons.id, c.lessonId))
        .where(eq(c.lessonId, lessonId))
        .orderBy(asc(c.position));
    },

    /** Every chunk of a course: the description first, then lessons in course order. */
    async chunksOfCourse(courseId: string, tx: Executor = db): Promise<ChunkRow[]> {
      return tx
        .select(chunkColumns)
        .from(c)
        .innerJoin(courses, eq(courses.id, c.courseId))
        .leftJoin(lessons, eq(lessons.id, c.lessonId))
        .leftJoin(modules, eq(modules.id, lessons.moduleId))
        .where(eq(c.courseId, courseId))
        .orderBy(
          sql`${c.lessonId} IS NOT NULL`,
          asc(modules.position),
          asc(lessons.position),
          asc(c.lessonId),
          asc(c.position),
        );
    },
  };
}

export type RetrievalRepo = ReturnType<typeof createRetrievalRepo>;
