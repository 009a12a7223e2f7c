import { courses, type Executor, lessons, progress, recallCards, recallReviews, recallSessions } from "@lumen/db";
import { and, asc, count, eq, gte, lt, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";
import { readableLessonSql, type Viewer } from "../access/access.repo.js";
import type { RecallCardDraft } from "./recall.cards.js";

export type RecallCardRow = typeof recallCards.$inferSelect & { courseTitle: string; lessonTitle: string };
export type RecallReviewRow = typeof recallReviews.$inferSelect;
/** The FSRS part of a card row, as the scheduler reads and writes it. */
export type RecallMemory = Pick<
  typeof recallCards.$inferSelect,
  | "due"
  | "stability"
  | "difficulty"
  | "elapsedDays"
  | "scheduledDays"
  | "learningSteps"
  | "reps"
  | "lapses"
  | "state"
  | "lastReview"
>;

/** The only code that touches the recall tables. Cards are always read for their owner and through the access rule. */
export function createRecallRepo(db: Executor) {
  const withTitles = {
    id: recallCards.id,
    userId: recallCards.userId,
    courseId: recallCards.courseId,
    lessonId: recallCards.lessonId,
    cardKey: recallCards.cardKey,
    kind: recallCards.kind,
    term: recallCards.term,
    meaning: recallCards.meaning,
    cueSeconds: recallCards.cueSeconds,
    due: recallCards.due,
    stability: recallCards.stability,
    difficulty: recallCards.difficulty,
    elapsedDays: recallCards.elapsedDays,
    scheduledDays: recallCards.scheduledDays,
    learningSteps: recallCards.learningSteps,
    reps: recallCards.reps,
    lapses: recallCards.lapses,
    state: recallCards.state,
    lastReview: recallCards.lastReview,
    createdAt: recallCards.createdAt,
    courseTitle: courses.title,
    lessonTitle: lessons.title,
  };
  /** The owner's cards of lessons they may still read (a refund, lapsed Premium or left course hides them). */
  const mine = (viewer: NonNullable<Viewer>) =>
    and(eq(recallCards.userId, viewer.userId), readableLessonSql(recallCards.lessonId, viewer));

  return {
    ...transactions(db),
    /** What the card builder reads of a lesson: its text, transcript and course title. */
    async lessonContent(lessonId: string, tx: Executor = db) {
      const [row] = await tx
        .select({
          id: lessons.id,
          courseId: lessons.courseId,
          title: lessons.title,
          contentMd: lessons.contentMd,
          transcriptVtt: lessons.transcriptVtt,
          courseTitle: courses.title,
        })
        .from(lessons)
        .innerJoin(courses, eq(courses.id, lessons.courseId))
        .where(eq(lessons.id, lessonId))
        .limit(1);
      return row;
    },

    async isCompleted(userId: string, lessonId: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: progress.id })
        .from(progress)
        .where(and(eq(progress.userId, userId), eq(progress.lessonId, lessonId), eq(progress.isCompleted, true)))
        .limit(1);
      return Boolean(row);
    },

    /** Completed lessons with no card yet for their learner: the backfill's work list, in a stable order. */
    async completedWithoutCards(limit: number, tx: Executor = db) {
      return tx
        .select({ userId: progress.userId, lessonId: progress.lessonId })
        .from(progress)
        .where(
          and(
            eq(progress.isCompleted, true),
            sql`NOT EXISTS (SELECT 1 FROM ${recallCards} rc WHERE rc.user_id = ${progress.userId} AND rc.lesson_id = ${progress.lessonId})`,
          ),
        )
        .orderBy(asc(progress.lessonId), asc(progress.userId))
        .limit(limit);
    },

    /** Adds the lesson's cards for a learner, due at once; cards already there (same term) are kept as they are. */
    async insertCards(
      userId: string,
      lesson: { id: string; courseId: string },
      drafts: readonly RecallCardDraft[],
      due: Date,
      tx: Executor = db,
    ): Promise<number> {
      if (drafts.length === 0) return 0;
      const rows = await tx
        .insert(recallCards)
        .values(
          drafts.map((d) => ({
            userId,
            courseId: lesson.courseId,
            lessonId: lesson.id,
            cardKey: d.key,
            kind: d.kind,
            term: d.term,
            meaning: d.meaning,
            cueSeconds: d.cueSeconds,
            due,
          })),
        )
        .onConflictDoNothing({ target: [recallCards.userId, recallCards.lessonId, recallCards.cardKey] })
        .returning({ id: recallCards.id });
      return rows.length;
    },

    /** Cards due before `until`, the longest overdue first. */
    async due(viewer: NonNullable<Viewer>, until: Date, limit: number): Promise<RecallCardRow[]> {
      return db
        .select(withTitles)
        .from(recallCards)
        .innerJoin(lessons, eq(lessons.id, recallCards.lessonId))
        .innerJoin(courses, eq(courses.id, recallCards.courseId))
        .where(and(mine(viewer), lt(recallCards.due, until)))
        .orderBy(asc(recallCards.due), asc(recallCards.createdAt), asc(recallCards.id))
        .limit(limit);
    },

    async counts(viewer: NonNullable<Viewer>, until: Date, since: Date, tx: Executor = db) {
      const [due] = await tx
        .select({ n: count() })
        .from(recallCards)
        .where(and(mine(viewer), lt(recallCards.due, until)));
      const [total] = await tx.select({ n: count() }).from(recallCards).where(mine(viewer));
      const [done] = await tx
        .select({ n: count() })
        .from(recallReviews)
        .where(and(eq(recallReviews.userId, viewer.userId), gte(recallReviews.reviewedAt, since)));
      return { due: due?.n ?? 0, total: total?.n ?? 0, doneToday: done?.n ?? 0 };
    },

    /** The owner's card, locked for the grading transaction (two grades of one card run one after the other). */
    async lockCard(viewer: NonNullable<Viewer>, cardId: string, tx: Executor): Promise<RecallCardRow | undefined> {
      const [row] = await tx
        .select(withTitles)
        .from(recallCards)
        .innerJoin(lessons, eq(lessons.id, recallCards.lessonId))
        .innerJoin(courses, eq(courses.id, recallCards.courseId))
        .where(and(eq(recallCards.id, cardId), mine(viewer)))
        .for("update", { of: recallCards })
        .limit(1);
      return row;
    },

    async card(viewer: NonNullable<Viewer>, cardId: string, tx: Executor = db): Promise<RecallCardRow | undefined> {
      const [row] = await tx
        .select(withTitles)
        .from(recallCards)
        .innerJoin(lessons, eq(lessons.id, recallCards.lessonId))
        .innerJoin(courses, eq(courses.id, recallCards.courseId))
        .where(and(eq(recallCards.id, cardId), mine(viewer)))
        .limit(1);
      return row;
    },

    async findReview(reviewId: string, tx: Executor = db): Promise<RecallReviewRow | undefined> {
      const [row] = await tx.select().from(recallReviews).where(eq(recallReviews.id, reviewId)).limit(1);
      return row;
    },

    /** Stores a review and the card's new memory state; false when that review id was already taken. */
    async applyReview(review: typeof recallReviews.$inferInsert, memory: RecallMemory, tx: Executor): Promise<boolean> {
      const inserted = await tx
        .insert(recallReviews)
        .values(review)
        .onConflictDoNothing({ target: recallReviews.id })
        .returning({ id: recallReviews.id });
      if (inserted.length === 0) return false;
      await tx.update(recallCards).set(memory).where(eq(recallCards.id, review.cardId));
      return true;
    },

    /** Marks the day's review as finished; true only the first time for that learner and day. */
    async finishSession(userId: string, day: string, cards: number, at: Date, tx: Executor): Promise<boolean> {
      const rows = await tx
        .insert(recallSessions)
        .values({ userId, day, cards, completedAt: at })
        .onConflictDoNothing()
        .returning({ day: recallSessions.day });
      return rows.length > 0;
    },

    async sessionFinished(userId: string, day: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ day: recallSessions.day })
        .from(recallSessions)
        .where(and(eq(recallSessions.userId, userId), eq(recallSessions.day, day)))
        .limit(1);
      return Boolean(row);
    },
  };
}
export type RecallRepo = ReturnType<typeof createRecallRepo>;
