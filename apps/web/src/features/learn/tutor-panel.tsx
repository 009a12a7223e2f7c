"use client";

import type { ChatBody, ChatResult, Citation } from "@lumen/contracts";
import { Fragment, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { formatClock } from "./format-time";

export interface TutorMessage {
  id: string;
  role: "user" | "assistant";
  content: string;
  citations: Citation[];
  streaming?: boolean;
  failed?: boolean;
}

export interface TutorPanelProps {
  courseId: string;
  lessonId: string;
  /** Earlier messages of this lesson's conversation. */
  history: { conversationId: string | null; messages: TutorMessage[] };
  ask: (body: ChatBody, onToken: (text: string) => void, signal: AbortSignal) => Promise<ChatResult>;
  /** A citation was chosen: seek this lesson's video, or open the cited lesson at that second. */
  onCite: (citation: Citation) => void;
  /**
   * Video lessons: where the video is now. Sent with each question so the creator's analytics can place it on
   * the lesson's timeline (never with who asked). Given only on video lessons, so the panel's copy says what a
   * source is (a moment of the video, or the lesson).
   */
  videoTime?: () => number | null;
  /**
   * A question put in the box for the learner to send or change (the confusion nudge's "explain this part"); a new
   * `id` puts it there again and moves focus to the box.
   */
  prefill?: { id: number; text: string } | null;
}

/**
 * Where a lesson video is, for `videoTime`: null while it sits unplayed at the start, so a question asked before
 * watching isn't placed at 0:00 on the creator's timeline (a resumed video that hasn't played yet shows its frame,
 * so that second counts).
 */
export function videoPlayhead(video: Pick<HTMLVideoElement, "currentTime" | "played"> | null): number | null {
  if (!video) return null;
  return video.currentTime > 0 || video.played.length > 0 ? video.currentTime : null;
}

/** The playhead as the API takes it: a finite, non-negative second to a tenth; nothing when unknown. */
function videoPosition(read: (() => number | null) | undefined): Pick<ChatBody, "position_seconds"> {
  const seconds = read?.();
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return {};
  return { position_seconds: Math.round(seconds * 10) / 10 };
}

const SUGGESTIONS = ["Summarise this lesson in three points", "What is the most important idea here?"];

/** Splits an answer into text and [n] markers, the markers becoming buttons for their citation. */
function withCitationMarkers(content: string, citations: Citation[], cite: (c: Citation) => void): ReactNode[] {
  const parts = content.split(/(\[\d{1,2}\])/g);
  let offset = 0;
  return parts.map((part) => {
    const key = `${offset}`;
    offset += part.length;
    const match = /^\[(\d{1,2})\]$/.exec(part);
    const citation = match ? citations[Number(match[1]) - 1] : undefined;
    if (!match || !citation) return <Fragment key={key}>{part}</Fragment>;
    return (
      <button
        key={key}
        type="button"
        onClick={() => cite(citation)}
        // The hit area reaches 32 px around the 20 px chip (::after), without moving the line it sits in.
        className="relative mx-0.5 inline-flex h-5 min-w-5 items-center justify-center rounded-md bg-primary-soft px-1 align-text-top after:absolute after:-inset-1.5 after:content-[''] font-mono text-[0.7rem] font-semibold text-primary hover:bg-primary hover:text-primary-foreground"
        aria-label={`Source ${match[1]}: ${citation.title}${citation.start_seconds !== undefined ? ` at ${formatClock(citation.start_seconds)}` : ""}`}
      >
        {match[1]}
      </button>
    );
  });
}

function CitationList({
  citations,
  onCite,
  currentLessonId,
}: {
  citations: Citation[];
  onCite: (c: Citation) => void;
  currentLessonId: string;
}) {
  if (citations.length === 0) return null;
  return (
    <ol aria-label="Sources" className="mt-3 space-y-1.5">
      {citations.map((citation, index) => {
        const here = citation.lesson_id === currentLessonId;
        const at = citation.start_seconds !== undefined ? formatClock(citation.start_seconds) : null;
        return (
          <li key={`${citation.lesson_id}-${citation.start_seconds ?? "text"}-${citation.excerpt.slice(0, 40)}`}>
            <button
              type="button"
              onClick={() => onCite(citation)}
              className="group flex w-full items-start gap-2.5 rounded-xl border border-border bg-background px-3 py-2 text-left text-sm transition-colors hover:border-primary"
            >
              <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-md bg-primary-soft font-mono text-[0.7rem] font-semibold text-primary">
                {index + 1}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-foreground">
                  {at
                    ? here
                      ? `Play from ${at}`
                      : `${citation.title} · ${at}`
                    : here
                      ? "This lesson"
                      : citation.title}
                </span>
                <span className="line-clamp-2 text-muted">{citation.excerpt}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Scrolls the log (only the log, never the page) to the start of the newest answer, or to the end when that
 * start is already in view: the panel opens, and an answer streams, at its first line rather than mid-answer.
 */
export function showNewestAnswer(log: HTMLElement): void {
  const answers = log.querySelectorAll<HTMLElement>("[data-answer]");
  const newest = answers[answers.length - 1];
  const end = log.scrollHeight - log.clientHeight;
  if (!newest) {
    log.scrollTop = end;
    return;
  }
  const top = newest.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop;
  // A little of what came before (the question) stays visible above the answer.
  log.scrollTop = Math.max(0, Math.min(end, top - 48));
}

/**
 * The AI tutor beside the lesson: answers stream in, sources are buttons that jump the video to the second
 * they come from, the conversation is kept per lesson, and any answer can be asked again more simply.
 */
export function TutorPanel({ courseId, lessonId, history, ask, onCite, videoTime, prefill }: TutorPanelProps) {
  const [messages, setMessages] = useState<TutorMessage[]>(history.messages);
  const [conversationId, setConversationId] = useState<string | null>(history.conversationId);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => () => abortRef.current?.abort(), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a prefill is applied once, when its id is new
  useEffect(() => {
    if (!prefill) return;
    setDraft(prefill.text);
    const input = inputRef.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    input.scrollIntoView?.({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  }, [prefill?.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever a message or a streamed token arrives
  useEffect(() => {
    const log = logRef.current;
    if (log) showNewestAnswer(log);
  }, [messages]);

  async function send(message: string, mode?: ChatBody["mode"]) {
    const text = message.trim();
    if (!text || busy) return;
    setError(null);
    setBusy(true);
    const stamp = Date.now().toString(36);
    const userMessage: TutorMessage = { id: `u-${stamp}`, role: "user", content: text, citations: [] };
    const answerId = `a-${stamp}`;
    setMessages((current) => [
      ...current,
      userMessage,
      { id: answerId, role: "assistant", content: "", citations: [], streaming: true },
    ]);
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const result = await ask(
        {
          message: text,
          course_id: courseId,
          lesson_id: lessonId,
          ...(conversationId ? { conversation_id: conversationId } : {}),
          ...(mode ? { mode } : {}),
          ...videoPosition(videoTime),
        },
        (token) =>
          setMessages((current) => current.map((m) => (m.id === answerId ? { ...m, content: m.content + token } : m))),
        controller.signal,
      );
      setConversationId(result.conversation_id);
      setMessages((current) =>
        current.map((m) =>
          m.id === answerId ? { ...m, content: result.answer, citations: result.citations, streaming: false } : m,
        ),
      );
      setDraft("");
    } catch (failure) {
      if (controller.signal.aborted) return;
      setMessages((current) => current.filter((m) => m.id !== answerId));
      setError(
        isApiError(failure) && failure.code === "AI_LIMIT_EXCEEDED"
          ? `${failure.message} Your progress and the lesson are unaffected.`
          : errorText(failure, "The tutor couldn't answer just now. Please try again."),
      );
      setDraft(text);
    } finally {
      setBusy(false);
    }
  }

  const lastAnswer = [...messages].reverse().find((m) => m.role === "assistant" && !m.streaming);

  return (
    <section aria-labelledby={`${inputId}-title`} className="flex h-full min-h-0 flex-col">
      <header className="flex items-center justify-between gap-3 pb-3">
        <h2 id={`${inputId}-title`} className="font-display text-lg font-semibold">
          AI tutor
        </h2>
        <span className="text-xs text-muted">Answers from this course, with sources</span>
      </header>

      <div
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-busy={busy}
        className="min-h-64 flex-1 space-y-4 overflow-y-auto pr-1 lg:min-h-24"
      >
        {messages.length === 0 && (
          <div className="rounded-2xl border border-dashed border-border p-4 text-sm text-muted">
            <p>
              {videoTime
                ? "Ask anything about this lesson. Answers cite the moment in the video they come from — select a source to jump there."
                : "Ask anything about this lesson. Answers cite the lessons they come from — select a source to open it."}
            </p>
            <ul className="mt-3 flex flex-wrap gap-2">
              {SUGGESTIONS.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    onClick={() => void send(s)}
                    className="rounded-full border border-border bg-surface px-3 py-1.5 text-xs font-medium text-foreground hover:border-primary"
                  >
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {messages.map((m) =>
          m.role === "user" ? (
            <div
              key={m.id}
              className="ml-8 rounded-2xl rounded-br-md bg-primary px-4 py-2.5 text-sm text-primary-foreground"
            >
              <span className="sr-only">You asked: </span>
              {m.content}
            </div>
          ) : (
            <div
              key={m.id}
              data-answer
              className="mr-2 rounded-2xl rounded-bl-md border border-border bg-surface px-4 py-3 text-sm leading-relaxed"
            >
              <span className="sr-only">Tutor: </span>
              {m.content === "" && m.streaming ? (
                <span className="text-muted">Thinking…</span>
              ) : (
                <p className="whitespace-pre-wrap">{withCitationMarkers(m.content, m.citations, onCite)}</p>
              )}
              {!m.streaming && <CitationList citations={m.citations} onCite={onCite} currentLessonId={lessonId} />}
            </div>
          ),
        )}
      </div>

      {error && (
        <p id={errorId} role="alert" className="mt-3 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}

      <form
        className="mt-3 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          void send(draft);
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          Ask the tutor about this lesson
        </label>
        <textarea
          id={inputId}
          ref={inputRef}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void send(draft);
            }
          }}
          rows={2}
          maxLength={4000}
          placeholder="Ask about this lesson…"
          aria-describedby={error ? errorId : undefined}
          className="block w-full resize-none rounded-2xl border border-border-strong/60 bg-background px-4 py-3 text-sm placeholder:text-muted"
        />
        <p className="text-xs text-muted">
          Only answers count towards your daily tutor questions: a question the course doesn't cover, or an error, is
          free.
        </p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <button
            type="button"
            disabled={busy || !lastAnswer}
            onClick={() => void send("Explain that more simply, please.", "simpler")}
            className="rounded-full border border-border px-3.5 py-2 text-xs font-medium text-foreground hover:border-primary disabled:cursor-not-allowed disabled:opacity-50"
          >
            Explain simpler
          </button>
          <button
            type="submit"
            disabled={busy || draft.trim() === ""}
            className="inline-flex h-9 items-center rounded-full bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary-hover disabled:cursor-not-allowed disabled:opacity-50"
          >
            {busy ? "Answering…" : "Ask"}
          </button>
        </div>
      </form>
    </section>
  );
}
