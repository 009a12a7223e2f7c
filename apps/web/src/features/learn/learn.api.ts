import {
  type ChatBody,
  type ChatResult,
  chatResultSchema,
  conversationDetailSchema,
  conversationSchema,
  courseDetailSchema,
  courseProgressSchema,
  errorBodySchema,
  lessonQuizSchema,
  lessonSchema,
  pageOf,
  progressSchema,
  type QuizAttemptBody,
  quizAttemptResultSchema,
} from "@lumen/contracts";
import type { z } from "zod";
import { authRequest, currentAccessToken, sessionReady } from "@/features/auth/session";
import { ApiError, type ApiRequestOptions, api, isApiError } from "@/lib/api-client";
import type { ProgressReport } from "./progress-tracker";

/** As the signed-in user when there is one, else as a guest (preview lessons and public outlines). */
async function asViewer<S extends z.ZodType>(path: string, schema: S, options: ApiRequestOptions = {}) {
  const session = await sessionReady();
  return session.status === "authenticated" ? authRequest(path, schema, options) : api.request(path, schema, options);
}

export const loadCourse = (courseId: string) => asViewer(`/courses/${courseId}`, courseDetailSchema);
export const loadLesson = (lessonId: string) => asViewer(`/lessons/${lessonId}`, lessonSchema);

/** The caller's progress on a course's lessons, keyed by lesson; empty for guests and non-enrolled callers. */
export async function loadCourseProgress(courseId: string) {
  const session = await sessionReady();
  if (session.status !== "authenticated") return new Map<string, z.infer<typeof progressSchema>>();
  try {
    const result = await authRequest(`/courses/${courseId}/progress`, courseProgressSchema);
    return new Map(result.lessons.map((p) => [p.lesson_id, p]));
  } catch (error) {
    if (isApiError(error) && (error.status === 403 || error.status === 404)) return new Map();
    throw error;
  }
}

export const startLesson = (lessonId: string) =>
  authRequest(`/lessons/${lessonId}/start`, progressSchema, { method: "POST" });

/** One batched player report; `urgent` ones survive the page closing (keepalive). */
export const reportProgress = (lessonId: string, report: ProgressReport, urgent: boolean) =>
  authRequest(`/lessons/${lessonId}/progress`, progressSchema, { method: "PUT", body: report, keepalive: urgent });

export const completeLesson = (lessonId: string) =>
  authRequest(`/lessons/${lessonId}/complete`, progressSchema, { method: "POST" });

/** The lesson's quiz for the viewer, or null when it has none yet. */
export const loadQuiz = (lessonId: string) => asViewer(`/lessons/${lessonId}/quiz`, lessonQuizSchema);

export const submitQuizAttempt = (lessonId: string, body: QuizAttemptBody) =>
  authRequest(`/lessons/${lessonId}/quiz/attempts`, quizAttemptResultSchema, { method: "POST", body });

const conversationPage = pageOf(conversationSchema);

/** The most recent tutor conversation about this lesson, with its messages, or null. */
export async function loadLessonConversation(lessonId: string) {
  const page = await authRequest("/ai/conversations", conversationPage, { query: { limit: 20 } });
  const latest = page.items.find((c) => c.lesson_id === lessonId);
  return latest ? authRequest(`/ai/conversations/${latest.id}`, conversationDetailSchema) : null;
}

function parseSseBlock(block: string): { event: string; data: string } | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return data.length ? { event, data: data.join("\n") } : null;
}

/**
 * Asks the tutor and streams the answer: `onToken` gets each piece of text as it arrives; resolves with the
 * complete result (citations included). Errors arrive as ApiError, whether before or during the stream.
 */
export async function streamChat(
  body: ChatBody,
  onToken: (text: string) => void,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<ChatResult> {
  const token = await currentAccessToken();
  if (!token) throw new ApiError("UNAUTHORIZED", "Sign in to ask the tutor.", 401);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)("/api/v1/ai/chat", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw Object.assign(new ApiError("NETWORK_ERROR", "The tutor could not be reached.", 0), { cause });
  }
  if (!response.ok || !response.body || !response.headers.get("content-type")?.includes("text/event-stream")) {
    const failure = errorBodySchema.safeParse(await response.json().catch(() => undefined));
    if (failure.success) {
      const { code, message, details } = failure.data.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError("INVALID_RESPONSE", "The tutor sent an answer we couldn't read.", response.status);
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value.replace(/\r\n/g, "\n");
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const message = parseSseBlock(buffer.slice(0, boundary));
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf("\n\n");
      if (!message) continue;
      const payload: unknown = JSON.parse(message.data);
      if (message.event === "token") onToken((payload as { text: string }).text);
      else if (message.event === "done") {
        const result = chatResultSchema.safeParse(payload);
        if (!result.success) throw new ApiError("INVALID_RESPONSE", "The tutor's answer was incomplete.", 200);
        return result.data;
      } else if (message.event === "error") {
        const {
          code,
          message: text,
          details,
        } = payload as { code: ApiError["code"]; message: string; details?: Record<string, unknown> };
        throw new ApiError(code, text, 200, details);
      }
    }
    if (done) break;
  }
  throw new ApiError("NETWORK_ERROR", "The answer was cut off. Please ask again.", 0);
}
