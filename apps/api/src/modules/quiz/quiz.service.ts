import { randomBytes } from "node:crypto";
import type {
  OwnerQuiz,
  Page,
  QuizAttemptBody,
  QuizAttemptResult,
  QuizAttemptSummary,
  QuizUpsert,
  QuizView,
} from "@lumen/contracts";
import type { PublicReads } from "../../lib/cache-public.js";
import { timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { CertificateService } from "../certificate/certificate.service.js";
import {
  presentAttemptResult,
  presentAttemptSummary,
  presentLearnerQuiz,
  presentOwnerQuiz,
  toQuestionRows,
} from "./quiz.presenter.js";
import type { QuizProgress, QuizRepo } from "./quiz.repo.js";
import { answerIssues, scoreAttempt } from "./quiz-scoring.js";

const NO_ATTEMPTS: QuizProgress = { attempts: 0, best_score: null, passed: false, last_attempt_at: null };

const randomQuestionId = () => `q-${randomBytes(5).toString("hex")}`;

/** What the service asks of the quiz repository (its transaction() included). */
export type QuizStore = Pick<
  QuizRepo,
  | "transaction"
  | "findByLesson"
  | "findQuizProgress"
  | "upsert"
  | "deleteByLesson"
  | "insertAttempt"
  | "recordQuizProgress"
  | "listAttempts"
>;

export function createQuizService(deps: {
  quizzes: QuizStore;
  access: Pick<AccessService, "canManage" | "managedLesson" | "readableLesson" | "enrolledLesson">;
  analytics: Pick<AnalyticsRecorder, "record">;
  newQuestionId?: () => string;
  /** The course's public outline flags lessons that have a quiz: adding or removing one bumps it. */
  cache: Pick<PublicReads, "courseChanged">;
  /** A passing attempt may complete the course: the certificate check runs once it has committed. */
  certificates: Pick<CertificateService, "completionMayHaveChanged">;
}) {
  const { quizzes, access, analytics, cache, certificates } = deps;
  const newQuestionId = deps.newQuestionId ?? randomQuestionId;

  async function quizOf(lessonId: string) {
    const quiz = await quizzes.findByLesson(lessonId);
    if (!quiz) throw notFound("Quiz");
    return quiz;
  }

  return {
    /** The owner and admins get the key; everyone who may read the lesson gets the questions without it. */
    async get(auth: AuthContext | null, lessonId: string): Promise<QuizView | null> {
      const ctx = await access.readableLesson(auth, lessonId);
      // A lesson without a quiz yet is an answer (null), not an error: the lesson editor asks before there is one.
      const quiz = await quizzes.findByLesson(lessonId);
      if (!quiz) return null;
      if (access.canManage(auth, ctx.course)) return presentOwnerQuiz(quiz);
      const quizProgress =
        auth && ctx.enrolled ? ((await quizzes.findQuizProgress(auth.userId, lessonId)) ?? NO_ATTEMPTS) : null;
      return presentLearnerQuiz(quiz, quizProgress);
    },

    async put(auth: AuthContext, lessonId: string, input: QuizUpsert): Promise<OwnerQuiz> {
      const ctx = await access.managedLesson(auth, lessonId);
      const quiz = await quizzes.upsert({
        lessonId,
        courseId: ctx.lesson.courseId,
        passMark: input.pass_mark,
        questions: toQuestionRows(input.questions, newQuestionId),
      });
      await cache.courseChanged(ctx.lesson.courseId);
      return presentOwnerQuiz(quiz);
    },

    async remove(auth: AuthContext, lessonId: string): Promise<void> {
      const ctx = await access.managedLesson(auth, lessonId);
      if (!(await quizzes.deleteByLesson(lessonId))) throw notFound("Quiz");
      await cache.courseChanged(ctx.lesson.courseId);
    },

    /** Scores on the server, stores the attempt, folds it into quiz progress and records the event, atomically. */
    async submit(auth: AuthContext, lessonId: string, body: QuizAttemptBody): Promise<QuizAttemptResult> {
      const ctx = await access.enrolledLesson(auth, lessonId);
      const quiz = await quizOf(lessonId);
      const issues = answerIssues(quiz.questions, body.answers);
      if (Object.keys(issues).length > 0) {
        throw new AppError("VALIDATION_ERROR", "Some answers don't match this quiz", { in: "body", fields: issues });
      }
      const scored = scoreAttempt(quiz.questions, body.answers, quiz.passMark);
      const at = new Date();
      const scope = { userId: auth.userId, courseId: ctx.lesson.courseId, lessonId };
      const { attempt, quizProgress } = await quizzes.transaction(async (tx) => {
        const attempt = await quizzes.insertAttempt(
          {
            ...scope,
            quizId: quiz.id,
            answers: body.answers,
            results: scored.results.map((r) => ({ question_id: r.question.id, correct: r.correct })),
            score: scored.score,
            passed: scored.passed,
            createdAt: at,
          },
          tx,
        );
        const quizProgress = await quizzes.recordQuizProgress(
          { ...scope, score: scored.score, passed: scored.passed, at },
          tx,
        );
        await analytics.record(
          { type: "quiz_submitted", ...scope, data: { score: scored.score, passed: scored.passed } },
          tx,
        );
        return { attempt, quizProgress };
      });
      if (scored.passed) await certificates.completionMayHaveChanged(auth.userId, scope.courseId, `quiz.${attempt.id}`);
      return presentAttemptResult(attempt, scored, quiz.passMark, quizProgress);
    },

    /** The caller's own attempts, newest first. */
    async listAttempts(
      auth: AuthContext,
      lessonId: string,
      page: { limit: number; after?: { t: string; id: string } | undefined },
    ): Promise<Page<QuizAttemptSummary>> {
      await access.enrolledLesson(auth, lessonId);
      await quizOf(lessonId);
      const rows = await quizzes.listAttempts({
        userId: auth.userId,
        lessonId,
        after: page.after,
        limit: page.limit + 1,
      });
      return timePage(rows, page.limit, presentAttemptSummary, (a) => ({ at: a.createdAt, id: a.id }));
    },
  };
}
export type QuizService = ReturnType<typeof createQuizService>;
