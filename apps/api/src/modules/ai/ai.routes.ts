import {
  aiUsageSchema,
  chatBodySchema,
  chatResultSchema,
  conversationDetailSchema,
  conversationListQuerySchema,
  conversationSchema,
  learningPathSchema,
  pageOf,
  platformUsageSchema,
  quizGenerateBodySchema,
  quizGenerateResultSchema,
} from "@lumen/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { toAppError } from "../../plugins/error-handler.js";
import type { ChatService } from "./ai.chat.service.js";
import type { PathService } from "./ai.path.service.js";
import type { QuizGenerator } from "./ai.quiz.service.js";

/** Server-sent events on the raw socket, started lazily so errors before the first token stay JSON envelopes. */
function sseWriter(reply: FastifyReply) {
  let open = false;
  const start = () => {
    if (open) return;
    open = true;
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
  };
  return {
    get open() {
      return open;
    },
    send(event: string, data: unknown) {
      start();
      reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      start();
      reply.raw.end();
    },
  };
}

export function aiRoutes(app: FastifyInstance, opts: { chat: ChatService; path: PathService; quiz: QuizGenerator }) {
  const { chat, path, quiz } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["ai"];
  const security = [{ bearerAuth: [] }];
  const signedIn = { config: { auth: {} } };

  // POST /ai/chat – grounded answer with citations to lesson + second; `Accept: text/event-stream` streams it
  // (events: `token` {text}…, then `done` with the full result, or `error` with the error envelope's error).
  r.post(
    "/ai/chat",
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "Ask the AI tutor",
        body: chatBodySchema,
        response: responds(chatResultSchema),
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      if (!String(request.headers.accept ?? "").includes("text/event-stream"))
        return ok(await chat.chat(auth, request.body));
      const sse = sseWriter(reply);
      try {
        const result = await chat.chat(auth, request.body, (text) => sse.send("token", { text }));
        sse.send("done", result);
        sse.end();
      } catch (err) {
        if (!sse.open) throw err;
        const appError = toAppError(err, request);
        sse.send("error", {
          code: appError.code,
          message: appError.message,
          ...(appError.details ? { details: appError.details } : {}),
        });
        sse.end();
      }
      return reply;
    },
  );

  // GET /ai/conversations – the caller's conversations, most recent first
  r.get(
    "/ai/conversations",
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "My tutor conversations",
        querystring: conversationListQuerySchema,
        response: responds(pageOf(conversationSchema)),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return ok(
        await chat.conversations(currentAuth(request), {
          limit,
          after: cursor ? decodeCursor(cursor, isTimeCursor) : undefined,
        }),
      );
    },
  );

  // GET /ai/conversations/:id – one of the caller's conversations (anyone else's is a 404)
  r.get(
    "/ai/conversations/:id",
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "A conversation with its messages",
        params: z.object({ id: z.uuid() }),
        response: responds(conversationDetailSchema),
      },
    },
    async (request) => ok(await chat.conversation(currentAuth(request), request.params.id)),
  );

  // GET /ai/usage/me – today's AI budget
  r.get(
    "/ai/usage/me",
    { ...signedIn, schema: { tags, security, summary: "My AI budget today", response: responds(aiUsageSchema) } },
    async (request) => ok(await chat.usageToday(currentAuth(request))),
  );

  // GET /ai/usage/platform – admins: requests, tokens and estimated cost per day
  r.get(
    "/ai/usage/platform",
    {
      config: { auth: { roles: ["admin"] } },
      schema: {
        tags,
        security,
        summary: "Platform AI usage per day",
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
        response: responds(platformUsageSchema),
      },
    },
    async (request) => ok(await chat.platformUsage(request.query.days)),
  );

  // GET /ai/learning-path – ordered next steps, each with its reason (ranking computed, provider-independent)
  r.get(
    "/ai/learning-path",
    { ...signedIn, schema: { tags, security, summary: "My learning path", response: responds(learningPathSchema) } },
    async (request) => ok(await path.forLearner(currentAuth(request))),
  );

  // POST /ai/quiz-generate – structured questions validated by Zod (one retry on invalid output); owners review
  // them and save with PUT /lessons/:id/quiz, enrolled learners use them as practice
  r.post(
    "/ai/quiz-generate",
    {
      ...signedIn,
      schema: {
        tags,
        security,
        summary: "Generate quiz questions from a lesson",
        body: quizGenerateBodySchema,
        response: responds(quizGenerateResultSchema),
      },
    },
    async (request) => ok(await quiz.generate(currentAuth(request), request.body)),
  );
}
