import type { ChatBody, ChatResult } from "@lumen/contracts";
import type { Citation } from "@lumen/db";
import { timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { Viewer } from "../access/access.repo.js";
import type { AccessService } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { EnrollmentRepo } from "../enrollment/enrollment.repo.js";
import { type AnswerCache, cacheKey } from "./ai.cache.js";
import {
  boundHistory,
  buildSystemPrompt,
  type LearnerContext,
  type Level,
  type Mode,
  type Passage,
  resolveCitations,
} from "./ai.context.js";
import { estimateCostUsd, type LlmProvider } from "./ai.provider.js";
import type { AiRepo, ConversationRow } from "./ai.repo.js";
import { blank } from "./offline/hint.js";
import { textLemmas } from "./offline/nlp.js";
import { overlap } from "./offline/scoring.js";

/** Longest question text kept with the analytics event: enough to read it, not a second copy of long pastes. */
const ANALYTICS_QUESTION_CHARS = 1000;

/** The retrieval index, as the tutor uses it: it only ever searches lessons `viewer` may read. */
export interface Retrieval {
  search(q: {
    query: string;
    viewer: Viewer;
    courseId?: string;
    lessonId?: string;
    home?: boolean;
    limit: number;
  }): Promise<Passage[]>;
}

/** The offline tutor: an answer composed from the best passages' sentences, each with its citation. */
export interface OfflineTutor {
  composeAnswer(input: {
    question: string;
    passages: Passage[];
    level: Level;
    mode: Mode;
    hintOnly: boolean;
    withhold?: readonly string[];
  }): {
    answer: string;
    citations: Citation[];
    grounded: boolean;
  };
}

export interface AiLimits {
  userDailyLimit: number;
  premiumDailyLimit: number;
  platformDailyLimit: number;
  cacheTtlSeconds: number;
}

const HISTORY_BUDGET_TOKENS = 1500;

const presentConversation = (c: ConversationRow) => ({
  id: c.id,
  title: c.title,
  course_id: c.courseId,
  lesson_id: c.lessonId,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
});
const PASSAGES = 6;
/** Share of lemmas a question must have in common with an open quiz's question to count as asking it. */
const QUIZ_QUESTION_MATCH = 0.5;

export const startOfUtcDay = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const nextUtcMidnight = (now = new Date()) => new Date(startOfUtcDay(now).getTime() + 86_400_000);

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

  /**
   * Passages for the question, from lessons the caller may read only (the access module's rule, applied in the
   * search's SQL): the course in scope (the current lesson first), or with no course in view, free courses and
   * the caller's enrollments.
   */
  async function retrieve(
    auth: AuthContext,
    question: string,
    courseId: string | null,
    lessonId: string | null,
  ): Promise<Passage[]> {
    const viewer = { userId: auth.userId, role: auth.role };
    if (courseId)
      return retrieval.search({
        query: question,
        viewer,
        courseId,
        ...(lessonId ? { lessonId } : {}),
        limit: PASSAGES,
      });
    return retrieval.search({ query: question, viewer, home: true, limit: PASSAGES });
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
      const mode: Mode = input.mode ?? "normal";
      const where = await scope(auth, input);
      let conversation = input.conversation_id ? await repo.findConversation(input.conversation_id) : undefined;
      // Another learner's conversation does not exist, as far as this caller can tell.
      if (input.conversation_id && (!conversation || conversation.userId !== auth.userId))
        throw notFound("Conversation");
      // Every quiz not yet submitted where the tutor may look: the whole course (a lesson's question searches its
      // course too), or with no course in view, the courses a scope-less question searches.
      const openQuizzes = await repo.openQuizzes(
        auth.userId,
        where.courseId ? { courseId: where.courseId } : { home: true },
      );

      // Everything the answer is built from is gathered before the cache is asked, so the key covers it all.
      const [{ learner, premium }, passages, history] = await Promise.all([
        learnerContext(auth, where.courseId, where.lessonTitle),
        retrieve(auth, input.message, where.courseId, where.lessonId),
        conversation
          ? repo.messages(conversation.id, 40).then((rows) => boundHistory(rows, HISTORY_BUDGET_TOKENS))
          : Promise.resolve([]),
      ]);
      // Hint mode whenever an open quiz is in play: the current lesson's, one whose lesson a passage comes from
      // (the answer would be built from it), or one whose question is what was asked. Its answers never leave.
      const asked = openQuizzes.length ? textLemmas(input.message) : [];
      const inPlay = openQuizzes.filter(
        (q) =>
          q.lessonId === where.lessonId ||
          passages.some((p) => p.lessonId === q.lessonId) ||
          q.questions.some((text) => overlap(asked, textLemmas(text)) >= QUIZ_QUESTION_MATCH),
      );
      const hintOnly = inPlay.length > 0;
      const withheld = hintOnly ? [...new Set(openQuizzes.flatMap((q) => q.answers))].sort() : [];
      const request = llm
        ? {
            system: buildSystemPrompt({ learner, passages, mode, hintOnly }),
            messages: [
              ...history.map((m) => ({ role: m.role, content: m.content })),
              { role: "user" as const, content: input.message },
            ],
          }
        : null;
      const key = cacheKey({
        question: input.message,
        provider,
        model,
        // With a model, the prompt holds the learner's own context (recent questions, the conversation):
        // only they may get that answer back. Offline answers are built from the passages alone.
        owner: llm ? auth.userId : null,
        // The recent-questions line is left out: it is the owner's own and changes with every question asked, so
        // with it no repeated question would ever hit.
        inputs: request
          ? {
              system: buildSystemPrompt({ learner: { ...learner, recentQuestions: [] }, passages, mode, hintOnly }),
              history: request.messages.slice(0, -1),
            }
          : {
              level: learner.level,
              mode,
              hintOnly,
              withheld,
              passages: passages.map((p) => [p.lessonId, p.startSeconds, p.heading, p.text]),
              history: history.map((m) => [m.role, m.content]),
            },
      });

      const finish = async (
        answer: { content: string; citations: Citation[]; grounded: boolean },
        cached: boolean,
      ): Promise<ChatResult> => {
        conversation ??= await repo.createConversation({
          userId: auth.userId,
          courseId: where.courseId,
          lessonId: where.lessonId,
          title: input.message.length > 80 ? `${input.message.slice(0, 77)}…` : input.message,
        });
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
          // A question on a lesson is kept in the learner's words (and the video second, when known) so the
          // creator can see where learners get stuck; the creator's view never includes who asked.
          data: {
            provider,
            cached,
            grounded: answer.grounded,
            ...(where.lessonId ? { question: input.message.slice(0, ANALYTICS_QUESTION_CHARS) } : {}),
            ...(where.videoSeconds !== null ? { position_seconds: where.videoSeconds } : {}),
          },
        });
        if (cached)
          await repo.recordCached({
            userId: auth.userId,
            kind: "chat",
            provider,
            model,
            latencyMs: Date.now() - started,
          });
        return {
          answer: answer.content,
          citations: answer.citations,
          conversation_id: conversation.id,
          cached,
          provider,
          model,
          grounded: answer.grounded,
        };
      };

      const hit = await cache.get<{ content: string; citations: Citation[]; grounded: boolean }>(key);
      if (hit) {
        onDelta?.(hit.content);
        return finish(hit, true);
      }

      const reserve = async () => {
        const reservation = await repo.reserve({
          userId: auth.userId,
          kind: "chat",
          provider,
          model,
          userLimit: premium ? limits.premiumDailyLimit : limits.userDailyLimit,
          platformLimit: limits.platformDailyLimit,
          since: startOfUtcDay(),
        });
        if (reservation.ok) return reservation.usageId;
        const resetsAt = nextUtcMidnight();
        const retryAfter = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
        throw new AppError(
          "AI_LIMIT_EXCEEDED",
          reservation.scope === "user"
            ? `You have used today's ${reservation.limit} AI requests. The budget resets at midnight UTC.`
            : "The platform's AI budget for today is used up. It resets at midnight UTC.",
          {
            scope: reservation.scope,
            limit: reservation.limit,
            used: reservation.used,
            resets_at: resetsAt.toISOString(),
          },
          { "retry-after": String(retryAfter) },
        );
      };
      const offlineAnswer = () => {
        const composed = offline.composeAnswer({
          question: input.message,
          passages,
          level: learner.level,
          mode,
          hintOnly,
          withhold: withheld,
        });
        return { content: composed.answer, citations: composed.citations, grounded: composed.grounded };
      };
      const stream = (text: string) => {
        if (onDelta) for (const piece of text.match(/\S+\s*/g) ?? []) onDelta(piece);
      };

      // Only answers count against the budget: a refusal, "not covered" or an error costs the learner nothing.
      if (!llm || !request || !passages.some((p) => p.lessonId)) {
        const answer = offlineAnswer();
        if (!answer.grounded) {
          stream(answer.content);
          return finish(answer, false);
        }
        const usageId = await reserve();
        await repo.settle(usageId, { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: Date.now() - started });
        stream(answer.content);
        await cache.set(key, answer, limits.cacheTtlSeconds);
        return finish(answer, false);
      }

      const usageId = await reserve();
      try {
        let text: string;
        let usage: { inputTokens: number; outputTokens: number };
        if (onDelta) {
          const streamed = llm.stream(request);
          for await (const delta of streamed.textStream) onDelta(delta);
          const done = await streamed.done;
          text = done.text;
          usage = done;
        } else {
          const result = await llm.generate(request);
          text = result.text;
          usage = result;
        }
        const resolved = resolveCitations(text, passages);
        // The model never sees the quiz's answers, but may still arrive at one: blank it out.
        if (hintOnly) resolved.answer = withheld.reduce((out, w) => blank(out, w), resolved.answer);
        const answer = {
          content: resolved.answer,
          citations: resolved.citations,
          grounded: resolved.citations.length > 0,
        };
        if (!answer.grounded) {
          // The model found nothing to cite: "not covered" is free for the learner (the row stays for the record).
          await repo.refund(usageId, Date.now() - started);
          return finish(answer, false);
        }
        await repo.settle(usageId, {
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          costUsd: estimateCostUsd(provider, model, usage),
          latencyMs: Date.now() - started,
        });
        await cache.set(key, answer, limits.cacheTtlSeconds);
        return finish(answer, false);
      } catch (err) {
        await repo.refund(usageId, Date.now() - started);
        throw err;
      }
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
