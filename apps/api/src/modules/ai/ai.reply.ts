import type { Citation } from "@lumen/db";
import {
  buildSystemPrompt,
  type LearnerContext,
  type Level,
  type Mode,
  type Passage,
  resolveCitations,
} from "./ai.context.js";
import type { QuizGuard } from "./ai.hints.js";
import { estimateCostUsd, type LlmProvider, type LlmRequest } from "./ai.provider.js";
import type { AskPlan } from "./ai.retrieve.js";
import { blank } from "./offline/hint.js";

/** The offline tutor: answers and lesson summaries composed from the passages' sentences, each cited. */
export interface OfflineTutor {
  composeAnswer(input: {
    question: string;
    passages: Passage[];
    level: Level;
    mode: Mode;
    hintOnly: boolean;
    withhold?: readonly string[];
    currentLessonId?: string | null;
    hintStep?: number;
  }): { answer: string; citations: Citation[]; grounded: boolean };
  composeSummary(input: { question: string; passages: Passage[]; keyIdea: boolean; withhold?: readonly string[] }): {
    answer: string;
    citations: Citation[];
    grounded: boolean;
  };
}

/** An answer as it is stored, cached and returned. */
export interface Reply {
  content: string;
  citations: Citation[];
  grounded: boolean;
}

/**
 * The offline tutor's reply to a plan: a lesson summary (or its key idea), or an answer composed for the
 * question in the plan's mode; while a quiz is in play, a hint on the ladder's next rung.
 */
export function offlineReply(
  offline: OfflineTutor,
  input: { plan: AskPlan; passages: Passage[]; level: Level; guard: QuizGuard; lessonId: string | null },
): Reply {
  const { plan, passages, guard } = input;
  const withhold = guard.hintOnly ? guard.withheld : [];
  const composed =
    plan.intent === "summary" || plan.intent === "key-idea"
      ? offline.composeSummary({ question: plan.question, passages, keyIdea: plan.intent === "key-idea", withhold })
      : offline.composeAnswer({
          question: plan.question,
          passages,
          level: input.level,
          mode: plan.mode,
          hintOnly: guard.hintOnly,
          withhold,
          currentLessonId: input.lessonId,
          hintStep: guard.step,
        });
  return { content: composed.answer, citations: composed.citations, grounded: composed.grounded };
}

/**
 * The model's request: the same passages and learner context as the offline tutor, the passages as delimited
 * data in the system prompt, the conversation as turns. A summary asks for the lesson's key points.
 */
export function modelRequest(input: {
  learner: LearnerContext;
  passages: Passage[];
  plan: AskPlan;
  guard: QuizGuard;
  history: ReadonlyArray<{ role: "user" | "assistant"; content: string }>;
  message: string;
}): LlmRequest {
  const { plan } = input;
  const task =
    plan.intent === "summary"
      ? "\nThe learner asks for a summary of the current lesson: give its 3–5 key points as a numbered list, each cited."
      : plan.intent === "key-idea"
        ? "\nThe learner asks for the current lesson's most important idea: state it in one or two sentences, cited."
        : "";
  return {
    system: `${buildSystemPrompt({
      learner: input.learner,
      passages: input.passages,
      mode: plan.mode,
      hintOnly: input.guard.hintOnly,
    })}${task}`,
    messages: [
      ...input.history.map((m) => ({ role: m.role, content: m.content })),
      { role: "user" as const, content: input.message },
    ],
  };
}

/**
 * Asks the model (streaming when `onDelta` is given), maps its `[n]` citations back to lessons and seconds
 * (dropping ids that weren't provided), and blanks an open quiz's answers should the model arrive at one.
 */
export async function answerWithModel(input: {
  llm: LlmProvider;
  request: LlmRequest;
  passages: Passage[];
  guard: QuizGuard;
  onDelta?: ((text: string) => void) | undefined;
}): Promise<{ answer: Reply; usage: { inputTokens: number; outputTokens: number; costUsd: number } }> {
  const { llm, request, passages, guard, onDelta } = input;
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
  if (guard.hintOnly) resolved.answer = guard.withheld.reduce((out, w) => blank(out, w), resolved.answer);
  return {
    answer: { content: resolved.answer, citations: resolved.citations, grounded: resolved.citations.length > 0 },
    usage: {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd: estimateCostUsd(llm.name, llm.model, usage),
    },
  };
}
