import type { ChatBody, ChatResult } from "@lumen/contracts";
import { timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { EnrollmentRepo } from "../enrollment/enrollment.repo.js";
import { type AiLimits, createChatBudget, nextUtcMidnight, startOfUtcDay } from "./ai.budget.js";
import { type AnswerCache, cacheKey } from "./ai.cache.js";
import { boundHistory, type LearnerContext, type Level } from "./ai.context.js";
import { closestQuizQuestion, hintTarget, quizGuard } from "./ai.hints.js";
import type { LlmProvider } from "./ai.provider.js";
import { answerWithModel, modelRequest, type OfflineTutor, offlineReply, type Reply } from "./ai.reply.js";
import type { AiRepo, ConversationRow } from "./ai.repo.js";
import { type AskPlan, findPassages, planAsk, type TutorIndex } from "./ai.retrieve.js";

export type { AiLimits } from "./ai.budget.js";
export { startOfUtcDay } from "./ai.budget.js";
export type { OfflineTutor } from "./ai.reply.js";

/** Longest question text kept with the analytics event: enough to read it, not a second copy of long pastes. */
const ANALYTICS_QUESTION_CHARS = 1000;

/** The retrieval index, as the tutor uses it: it only ever searches lessons the viewer may read. */
export type Retrieval = TutorIndex;

const HISTORY_BUDGET_TOKENS = 1500;

const presentConversation = (c: ConversationRow) => ({
  id: c.id,
  title: c.title,
  course_id: c.courseId,
  lesson_id: c.lessonId,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
});

/**
 * The second to keep for a question: only on a video lesson, to a tenth of a second, and never past the video's
 * end when its length is known (a player can report a little beyond it).
 */
export function videoPosition(
  seconds: number | undefined,
  lesson: { kind: "video" | "text"; durationSeconds: number },
): number | null {
  if (seconds === undefined || lesson.kind !== "video") return null;
  const bounded = lesson.durationSeconds > 0 ? Math.min(seconds, lesson.durationSeconds) : seconds;
  return Math.round(bounded * 10) / 10;
}

function levelOf(profileLevel: Level | undefined, lessonsCompleted: number): Level {
  if (profileLevel) return profileLevel;
  return lessonsCompleted >= 30 ? "advanced" : lessonsCompleted >= 8 ? "intermediate" : "beginner";
}

export function createChatService(deps: {
  repo: AiRepo;
  access: AccessService;
  enrollments: Pick<EnrollmentRepo, "listForUser">;
  retrieval: Retrieval;
  offline: OfflineTutor;
  llm: LlmProvider | null;
  cache: AnswerCache;
  analytics: AnalyticsRecorder;
  limits: AiLimits;
}) {
  const { repo, access, enrollments, retrieval, offline, llm, cache, analytics, limits } = deps;
  const provider = llm?.name ?? "offline";
  const model = llm?.model ?? "lumen-offline-1";

  /** Course and lesson in scope, checked against what the learner may read. */
  async function scope(auth: AuthContext, input: ChatBody) {
    if (input.position_seconds !== undefined && !input.lesson_id) {
      throw new AppError("VALIDATION_ERROR", "A video position needs the lesson it belongs to", {
        in: "body",
        fields: { position_seconds: ["Send lesson_id with position_seconds"] },
      });
    }
    if (input.lesson_id) {
      const ctx = await access.readableLesson(auth, input.lesson_id);
      if (input.course_id && input.course_id !== ctx.course.id) {
        throw new AppError("VALIDATION_ERROR", "The lesson is not part of that course", {
          in: "body",
          fields: { lesson_id: ["Not a lesson of course_id"] },
        });
      }
      return {
        courseId: ctx.course.id,
        lessonId: ctx.lesson.id,
        lessonTitle: ctx.lesson.title,
        videoSeconds: videoPosition(input.position_seconds, ctx.lesson),
      };
    }
    if (input.course_id) {
      const course = await access.visibleCourse(auth, input.course_id);
      if (!access.canManage(auth, course)) await access.enrolledCourse(auth, input.course_id);
      return { courseId: course.id, lessonId: null, lessonTitle: null, videoSeconds: null };
    }
    return { courseId: null, lessonId: null, lessonTitle: null, videoSeconds: null };
  }

  async function learnerContext(
    auth: AuthContext,
    courseId: string | null,
    lessonTitle: string | null,
  ): Promise<{ learner: LearnerContext; premium: boolean; courseIds: string[] }> {
    const [user, courses, recent] = await Promise.all([
      repo.findUser(auth.userId),
      enrollments.listForUser(auth.userId),
      repo.recentQuestions(auth.userId, 5),
    ]);
    const current = courses.find((c) => c.courseId === courseId);
    return {
      premium: Boolean(user?.premiumStatus),
      courseIds: courses.map((c) => c.courseId),
      learner: {
        level: levelOf(user?.profile.skill_level, user?.stats.lessons_completed ?? 0),
        completedCourses: courses.filter((c) => c.progressPercentage >= 100).map((c) => c.title),
        currentCourse: current?.title ?? null,
        currentLesson: lessonTitle,
        recentQuestions: recent,
      },
    };
  }

  const budget = createChatBudget({ repo, limits, provider, model });

  /** The caller's own conversation, or none; anyone else's does not exist, as far as this caller can tell. */
  async function ownConversation(auth: AuthContext, id: string | undefined) {
    if (!id) return undefined;
    const conversation = await repo.findConversation(id);
    if (!conversation || conversation.userId !== auth.userId) throw notFound("Conversation");
    return conversation;
  }

  /**
   * Everything an answer is built from: what the learner means (a question, a summary, a follow-up on the
   * conversation), the quiz question a hint should address, and the passages, from lessons the caller may read
   * only (the access module's rule, applied in the search's SQL): the course in scope (the current lesson
   * first), or with no course in view, free courses and the caller's enrollments.
   */
  async function gather(auth: AuthContext, input: ChatBody, where: Awaited<ReturnType<typeof scope>>) {
    const conversation = await ownConversation(auth, input.conversation_id);
    // Every quiz not yet submitted where the tutor may look: the whole course (a lesson's question searches its
    // course too), or with no course in view, the courses a scope-less question searches.
    const [context, history, openQuizzes] = await Promise.all([
      learnerContext(auth, where.courseId, where.lessonTitle),
      conversation
        ? repo.messages(conversation.id, 40).then((rows) => boundHistory(rows, HISTORY_BUDGET_TOKENS))
        : Promise.resolve([]),
      repo.openQuizzes(auth.userId, where.courseId ? { courseId: where.courseId } : { home: true }),
    ]);
    const plan = planAsk(input.message, input.mode ?? "normal", history, where.lessonId);
    // While a quiz is open, a hint addresses the quiz question closest to what was asked.
    const focus = closestQuizQuestion(openQuizzes, plan.question);
    const target = plan.intent === "summary" || plan.intent === "key-idea" ? null : hintTarget(focus, where.lessonId);
    const asked: AskPlan = target ? { ...plan, question: target } : plan;
    const passages = await findPassages(retrieval, asked, {
      viewer: { userId: auth.userId, role: auth.role },
      courseId: where.courseId,
      lessonId: where.lessonId,
    });
    const guard = quizGuard({
      openQuizzes,
      message: asked.question,
      focus,
      lessonId: where.lessonId,
      passages,
      history,
    });
    return { conversation, history, plan: asked, passages, guard, ...context };
  }

  type Gathered = Awaited<ReturnType<typeof gather>>;
  type Where = Awaited<ReturnType<typeof scope>>;

  const modelRequestFor = (g: Gathered, message: string, learner: LearnerContext = g.learner) =>
    modelRequest({ learner, passages: g.passages, plan: g.plan, guard: g.guard, history: g.history, message });

  /**
   * The answer cache's key: every input the answer depends on. With a model, the prompt holds the learner's own
   * context (recent questions, the conversation): only they may get that answer back. Offline answers are built
   * from the passages alone and are shared.
   */
  function answerKey(
    auth: AuthContext,
    message: string,
    where: Where,
    g: Gathered,
    request: ReturnType<typeof modelRequest> | null,
  ) {
    const { plan, guard, passages, history, learner } = g;
    return cacheKey({
      question: message,
      provider,
      model,
      owner: llm ? auth.userId : null,
      // The recent-questions line is left out: it is the owner's own and changes with every question asked, so
      // with it no repeated question would ever hit.
      inputs: request
        ? {
            system: modelRequestFor(g, message, { ...learner, recentQuestions: [] }).system,
            history: request.messages.slice(0, -1),
          }
        : {
            level: learner.level,
            intent: plan.intent,
            mode: plan.mode,
            // A follow-up is answered for the question it follows up on.
            asked: plan.question === message ? null : plan.question,
            lesson: where.lessonId,
            hintOnly: guard.hintOnly,
            hintStep: guard.step,
            withheld: guard.withheld,
            passages: passages.map((p) => [p.lessonId, p.startSeconds, p.heading, p.text]),
            history: history.map((m) => [m.role, m.content]),
          },
    });
  }

  /**
   * A fresh answer, offline or from the model, charged to the learner's daily budget. Only answers count: a
   * refusal, "not covered" or an error costs the learner nothing.
   */
  async function answerFresh(
    auth: AuthContext,
    where: Where,
    g: Gathered,
    request: ReturnType<typeof modelRequest> | null,
    started: number,
    onDelta?: (text: string) => void,
  ): Promise<Reply> {
    const { plan, passages, guard, learner, premium } = g;
    if (!llm || !request || !passages.some((p) => p.lessonId)) {
      const answer = offlineReply(offline, { plan, passages, level: learner.level, guard, lessonId: where.lessonId });
      if (answer.grounded) {
        const usageId = await budget.reserve(auth.userId, premium);
        await budget.settle(usageId, { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: Date.now() - started });
      }
      if (onDelta) for (const piece of answer.content.match(/\S+\s*/g) ?? []) onDelta(piece);
      return answer;
    }
    const usageId = await budget.reserve(auth.userId, premium);
    try {
      const { answer, usage } = await answerWithModel({ llm, request, passages, guard, onDelta });
      // The model found nothing to cite: "not covered" is free for the learner (the row stays for the record).
      if (answer.grounded) await budget.settle(usageId, { ...usage, latencyMs: Date.now() - started });
      else await budget.refund(usageId, Date.now() - started);
      return answer;
    } catch (err) {
      await budget.refund(usageId, Date.now() - started);
      throw err;
    }
  }

  /** Keeps the exchange in the caller's conversation (a new one for a first question) and the analytics event. */
  async function record(
    exchange: {
      auth: AuthContext;
      input: ChatBody;
      where: Where;
      conversation: ConversationRow | undefined;
      started: number;
    },
    answer: Reply,
    cached: boolean,
  ): Promise<ChatResult> {
    const { auth, input, where, started } = exchange;
    const conversation =
      exchange.conversation ??
      (await repo.createConversation({
        userId: auth.userId,
        courseId: where.courseId,
        lessonId: where.lessonId,
        title: input.message.length > 80 ? `${input.message.slice(0, 77)}…` : input.message,
      }));
    await repo.appendExchange(conversation.id, auth.userId, input.message, {
      content: answer.content,
      citations: answer.citations,
      provider,
      model,
      cached,
    });
    await analytics.record({
      type: "ai_chat",
      userId: auth.userId,
      courseId: where.courseId,
      lessonId: where.lessonId,
      // A question on a lesson is kept in the learner's words (and the video second, when known) so the creator
      // can see where learners get stuck; the creator's view never includes who asked.
      data: {
        provider,
        cached,
        grounded: answer.grounded,
        ...(where.lessonId ? { question: input.message.slice(0, ANALYTICS_QUESTION_CHARS) } : {}),
        ...(where.videoSeconds !== null ? { position_seconds: where.videoSeconds } : {}),
      },
    });
    if (cached) {
      await repo.recordCached({ userId: auth.userId, kind: "chat", provider, model, latencyMs: Date.now() - started });
    }
    return {
      answer: answer.content,
      citations: answer.citations,
      conversation_id: conversation.id,
      cached,
      provider,
      model,
      grounded: answer.grounded,
    };
  }

  return {
    provider,
    model,

    /**
     * Answers a question in the learner's context. `onDelta` receives the answer as it is produced (SSE);
     * the returned result carries the citations and the conversation id.
     */
    async chat(auth: AuthContext, input: ChatBody, onDelta?: (text: string) => void): Promise<ChatResult> {
      const started = Date.now();
      const where = await scope(auth, input);
      // Everything the answer is built from is gathered before the cache is asked, so the key covers it all.
      const gathered = await gather(auth, input, where);
      const request = llm ? modelRequestFor(gathered, input.message) : null;
      const key = answerKey(auth, input.message, where, gathered, request);
      const exchange = { auth, input, where, conversation: gathered.conversation, started };

      const hit = await cache.get<Reply>(key);
      if (hit) {
        onDelta?.(hit.content);
        return record(exchange, hit, true);
      }
      const answer = await answerFresh(auth, where, gathered, request, started, onDelta);
      if (answer.grounded) await cache.set(key, answer, limits.cacheTtlSeconds);
      return record(exchange, answer, false);
    },

    async conversations(auth: AuthContext, page: { limit: number; after?: { t: string; id: string } | undefined }) {
      const rows = await repo.listConversations(auth.userId, page.after, page.limit + 1);
      return timePage(rows, page.limit, presentConversation, (c) => ({ at: c.updatedAt, id: c.id }));
    },

    /** One of the caller's conversations with its messages; anyone else's is a 404. */
    async conversation(auth: AuthContext, id: string) {
      const row = await repo.findConversation(id);
      if (!row || row.userId !== auth.userId) throw notFound("Conversation");
      const messages = await repo.messages(id);
      return {
        ...presentConversation(row),
        messages: messages.map((m) => ({
          id: m.id,
          role: m.role,
          content: m.content,
          citations: m.citations,
          provider: m.provider,
          cached: m.cached,
          created_at: m.createdAt.toISOString(),
        })),
      };
    },

    async platformUsage(days: number) {
      const since = new Date(startOfUtcDay().getTime() - (days - 1) * 86_400_000);
      return { days: await repo.platformUsage(since) };
    },

    async usageToday(auth: AuthContext) {
      const user = await repo.findUser(auth.userId);
      const limit = user?.premiumStatus ? limits.premiumDailyLimit : limits.userDailyLimit;
      const used = await repo.usedToday(auth.userId, startOfUtcDay());
      return {
        date: startOfUtcDay().toISOString().slice(0, 10),
        used,
        limit,
        remaining: Math.max(0, limit - used),
        resets_at: nextUtcMidnight().toISOString(),
        premium: Boolean(user?.premiumStatus),
        provider,
        model,
      };
    },
  };
}
export type ChatService = ReturnType<typeof createChatService>;
