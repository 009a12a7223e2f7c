import {
  aiConversations,
  aiMessages,
  aiUsage,
  type Citation,
  type Database,
  type Executor,
  quizAttempts,
  quizzes,
  users,
} from "@lumen/db";
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { qualified } from "../../lib/sql.js";
import { enrolledCourseSql, freeCourseSql } from "../access/access.repo.js";

/** A quiz the learner has not submitted yet: while it is open the tutor only hints at its answers. */
export interface OpenQuiz {
  lessonId: string;
  questions: string[];
  answers: string[];
}

export type ConversationRow = typeof aiConversations.$inferSelect;
export type MessageRow = typeof aiMessages.$inferSelect;
export type UsageKind = (typeof aiUsage.$inferInsert)["kind"];

/** One lock for every reservation: the platform-wide count must not be raced past its limit. */
const QUOTA_LOCK = 726_354_202;

export function createAiRepo(db: Database) {
  return {
    /**
     * Reserves one request against today's per-user and platform limits, atomically. Returns the usage id,
     * or which limit was hit. Cached answers never reserve.
     */
    async reserve(input: {
      userId: string;
      kind: UsageKind;
      provider: string;
      model: string;
      userLimit: number;
      platformLimit: number;
      since: Date;
    }) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${QUOTA_LOCK})`);
        const counted = and(
          gte(aiUsage.createdAt, input.since),
          eq(aiUsage.cached, false),
          inArray(aiUsage.status, ["reserved", "ok"]),
        );
        const [row] = await tx
          .select({
            mine: sql<number>`count(*) filter (where ${aiUsage.userId} = ${input.userId})::int`,
            all: sql<number>`count(*)::int`,
          })
          .from(aiUsage)
          .where(counted);
        const mine = row?.mine ?? 0;
        const all = row?.all ?? 0;
        if (mine >= input.userLimit)
          return { ok: false as const, scope: "user" as const, used: mine, limit: input.userLimit };
        if (all >= input.platformLimit)
          return { ok: false as const, scope: "platform" as const, used: all, limit: input.platformLimit };
        const [inserted] = await tx
          .insert(aiUsage)
          .values({
            userId: input.userId,
            kind: input.kind,
            provider: input.provider,
            model: input.model,
            status: "reserved",
          })
          .returning({ id: aiUsage.id });
        return { ok: true as const, usageId: inserted?.id as string, used: mine + 1, limit: input.userLimit };
      });
    },

    async settle(
      usageId: string,
      values: { inputTokens: number; outputTokens: number; costUsd: number; latencyMs: number },
    ) {
      await db
        .update(aiUsage)
        .set({ ...values, status: "ok" })
        .where(eq(aiUsage.id, usageId));
    },

    /** A failed provider call gives the request back: the row stays for the record, but no longer counts. */
    async refund(usageId: string, latencyMs: number) {
      await db.update(aiUsage).set({ status: "failed", latencyMs }).where(eq(aiUsage.id, usageId));
    },

    async recordCached(input: { userId: string; kind: UsageKind; provider: string; model: string; latencyMs: number }) {
      await db.insert(aiUsage).values({ ...input, cached: true, status: "ok" });
    },

    async usedToday(userId: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(aiUsage)
        .where(
          and(
            eq(aiUsage.userId, userId),
            gte(aiUsage.createdAt, since),
            eq(aiUsage.cached, false),
            inArray(aiUsage.status, ["reserved", "ok"]),
          ),
        );
      return row?.n ?? 0;
    },

    /** Platform usage per UTC day (admins). */
    async platformUsage(since: Date) {
      return db
        .select({
          date: sql<string>`to_char(date_trunc('day', ${aiUsage.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
          requests: sql<number>`count(*) filter (where ${aiUsage.status} = 'ok')::int`,
          cached: sql<number>`count(*) filter (where ${aiUsage.cached})::int`,
          failed: sql<number>`count(*) filter (where ${aiUsage.status} = 'failed')::int`,
          input_tokens: sql<number>`coalesce(sum(${aiUsage.inputTokens}), 0)::int`,
          output_tokens: sql<number>`coalesce(sum(${aiUsage.outputTokens}), 0)::int`,
          cost_usd: sql<number>`round(coalesce(sum(${aiUsage.costUsd}), 0)::numeric, 4)::float8`,
        })
        .from(aiUsage)
        .where(gte(aiUsage.createdAt, since))
        .groupBy(sql`1`)
        .orderBy(sql`1`);
    },

    async findUser(userId: string) {
      const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
      return row;
    },

    /**
     * The quizzes the learner has not submitted yet anywhere in the tutor's scope: one lesson, one course, or
     * (no scope) the courses a scope-less question searches, free ones and their enrollments. Each with its
     * lesson, its questions' text and its answers (the tutor then only gives hints and blanks these out).
     */
    async openQuizzes(
      userId: string,
      scope: { lessonId: string } | { courseId: string } | { home: true },
    ): Promise<OpenQuiz[]> {
      const where =
        "lessonId" in scope
          ? eq(quizzes.lessonId, scope.lessonId)
          : "courseId" in scope
            ? eq(quizzes.courseId, scope.courseId)
            : or(freeCourseSql(quizzes.courseId), enrolledCourseSql(quizzes.courseId, { userId, role: "student" }));
      const rows = await db
        .select({ lessonId: quizzes.lessonId, questions: quizzes.questions })
        .from(quizzes)
        .where(
          and(
            where,
            sql`NOT EXISTS (SELECT 1 FROM ${quizAttempts} a WHERE a.quiz_id = ${qualified(quizzes.id)} AND a.user_id = ${userId})`,
          ),
        );
      return rows.map((row) => ({
        lessonId: row.lessonId,
        questions: row.questions.map((q) => q.question),
        answers: row.questions.flatMap((q) => {
          if (q.type === "single_choice") return q.options[q.correct] ?? [];
          if (q.type === "multiple_choice") return q.correct.map((i) => q.options[i] ?? "").filter(Boolean);
          if (q.type === "short_answer") return q.accepted_answers;
          return [];
        }),
      }));
    },

    async createConversation(values: {
      userId: string;
      courseId: string | null;
      lessonId: string | null;
      title: string;
    }): Promise<ConversationRow> {
      const [row] = await db.insert(aiConversations).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async findConversation(id: string): Promise<ConversationRow | undefined> {
      const [row] = await db.select().from(aiConversations).where(eq(aiConversations.id, id)).limit(1);
      return row;
    },

    async listConversations(
      userId: string,
      after: { t: string; id: string } | undefined,
      limit: number,
    ): Promise<ConversationRow[]> {
      const where: SQL[] = [eq(aiConversations.userId, userId)];
      if (after) {
        const t = new Date(after.t);
        where.push(
          or(
            lt(aiConversations.updatedAt, t),
            and(eq(aiConversations.updatedAt, t), lt(aiConversations.id, after.id)),
          ) as SQL,
        );
      }
      return db
        .select()
        .from(aiConversations)
        .where(and(...where))
        .orderBy(desc(aiConversations.updatedAt), desc(aiConversations.id))
        .limit(limit);
    },

    async messages(conversationId: string, limit = 200): Promise<MessageRow[]> {
      const rows = await db
        .select()
        .from(aiMessages)
        .where(eq(aiMessages.conversationId, conversationId))
        .orderBy(desc(aiMessages.createdAt))
        .limit(limit);
      return rows.reverse();
    },

    /** The learner's latest questions across conversations (context: what they have been wondering about). */
    async recentQuestions(userId: string, limit: number): Promise<string[]> {
      const rows = await db
        .select({ content: aiMessages.content })
        .from(aiMessages)
        .where(and(eq(aiMessages.userId, userId), eq(aiMessages.role, "user")))
        .orderBy(desc(aiMessages.createdAt))
        .limit(limit);
      return rows.map((r) => r.content);
    },

    async appendExchange(
      conversationId: string,
      userId: string,
      question: string,
      answer: { content: string; citations: Citation[]; provider: string; model: string; cached: boolean },
      tx: Executor = db,
    ) {
      await tx.insert(aiMessages).values({ conversationId, userId, role: "user", content: question });
      await tx
        .insert(aiMessages)
        .values({ conversationId, userId, role: "assistant", ...answer, createdAt: new Date(Date.now() + 1) });
      await tx.update(aiConversations).set({ updatedAt: new Date() }).where(eq(aiConversations.id, conversationId));
    },
  };
}
export type AiRepo = ReturnType<typeof createAiRepo>;
