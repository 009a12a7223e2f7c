import { type Executor, progress, type QuizProgress, type QuizQuestionRow, quizAttempts, quizzes } from "@lumen/db";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";

export type { QuizProgress, QuizQuestionRow };
export type QuizRow = typeof quizzes.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;

export function createQuizRepo(db: Executor) {
  return {
    ...transactions(db),
    async findByLesson(lessonId: string, tx: Executor = db): Promise<QuizRow | undefined> {
      const [row] = await tx.select().from(quizzes).where(eq(quizzes.lessonId, lessonId)).limit(1);
      return row;
    },

    /** Creates the lesson's quiz or replaces its questions and pass mark. */
    async upsert(
      values: { lessonId: string; courseId: string; passMark: number; questions: QuizQuestionRow[] },
      tx: Executor = db,
    ): Promise<QuizRow> {
      const [row] = await tx
        .insert(quizzes)
        .values(values)
        .onConflictDoUpdate({
          target: quizzes.lessonId,
          set: { passMark: values.passMark, questions: values.questions, updatedAt: new Date() },
        })
        .returning();
      if (!row) throw new Error("upsert returned no row");
      return row;
    },

    /** True when there was a quiz to delete (its attempts go with it). */
    async deleteByLesson(lessonId: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx.delete(quizzes).where(eq(quizzes.lessonId, lessonId)).returning({ id: quizzes.id });
      return rows.length > 0;
    },

    async insertAttempt(values: typeof quizAttempts.$inferInsert, tx: Executor = db): Promise<QuizAttemptRow> {
      const [row] = await tx.insert(quizAttempts).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    /**
     * Folds one attempt into the learner's quiz progress in a single statement, so concurrent attempts can't
     * lose an update: ON CONFLICT works on the latest committed row. Creates the progress row when missing.
     */
    async recordQuizProgress(
      attempt: { userId: string; courseId: string; lessonId: string; score: number; passed: boolean; at: Date },
      tx: Executor = db,
    ): Promise<QuizProgress> {
      const first: QuizProgress = {
        attempts: 1,
        best_score: attempt.score,
        passed: attempt.passed,
        last_attempt_at: attempt.at.toISOString(),
      };
      const [row] = await tx
        .insert(progress)
        .values({ userId: attempt.userId, courseId: attempt.courseId, lessonId: attempt.lessonId, quizProgress: first })
        .onConflictDoUpdate({
          target: [progress.userId, progress.lessonId],
          set: {
            // ISO timestamps of one format order correctly as bytes, hence COLLATE "C".
            quizProgress: sql`jsonb_build_object(
              'attempts', coalesce((progress.quiz_progress->>'attempts')::int, 0) + 1,
              'best_score', greatest((progress.quiz_progress->>'best_score')::numeric, (excluded.quiz_progress->>'best_score')::numeric),
              'passed', coalesce((progress.quiz_progress->>'passed')::boolean, false) or (excluded.quiz_progress->>'passed')::boolean,
              'last_attempt_at', greatest(progress.quiz_progress->>'last_attempt_at' collate "C", excluded.quiz_progress->>'last_attempt_at' collate "C")
            )`,
            updatedAt: attempt.at,
          },
        })
        .returning({ quizProgress: progress.quizProgress });
      if (!row?.quizProgress) throw new Error("upsert returned no quiz progress");
      return row.quizProgress;
    },

    async findQuizProgress(userId: string, lessonId: string, tx: Executor = db): Promise<QuizProgress | null> {
      const [row] = await tx
        .select({ quizProgress: progress.quizProgress })
        .from(progress)
        .where(and(eq(progress.userId, userId), eq(progress.lessonId, lessonId)))
        .limit(1);
      return row?.quizProgress ?? null;
    },

    /** A learner's attempts at one lesson's quiz, newest first, after the keyset position. */
    async listAttempts(
      filter: { userId: string; lessonId: string; after?: { t: string; id: string } | undefined; limit: number },
      tx: Executor = db,
    ): Promise<QuizAttemptRow[]> {
      const where: SQL[] = [eq(quizAttempts.userId, filter.userId), eq(quizAttempts.lessonId, filter.lessonId)];
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(
          or(
            lt(quizAttempts.createdAt, t),
            and(eq(quizAttempts.createdAt, t), lt(quizAttempts.id, filter.after.id)),
          ) as SQL,
        );
      }
      return tx
        .select()
        .from(quizAttempts)
        .where(and(...where))
        .orderBy(desc(quizAttempts.createdAt), desc(quizAttempts.id))
        .limit(filter.limit);
    },
  };
}
export type QuizRepo = ReturnType<typeof createQuizRepo>;
