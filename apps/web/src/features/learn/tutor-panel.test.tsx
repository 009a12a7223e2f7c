// @vitest-environment happy-dom
import type { ChatBody, ChatResult } from "@lumen/contracts";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api-client";
import { TutorPanel, videoPlayhead } from "./tutor-panel";

afterEach(cleanup);

const LESSON = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const COURSE = "33333333-3333-4333-8333-333333333333";

function result(overrides: Partial<ChatResult> = {}): ChatResult {
  return {
    answer: "Chlorophyll absorbs red and blue light [1]. The Calvin cycle uses it later [2].",
    citations: [
      { lesson_id: LESSON, title: "Light reactions", start_seconds: 63, excerpt: "absorbs best at 680 nm" },
      { lesson_id: OTHER, title: "The Calvin cycle", start_seconds: 12, excerpt: "fixes carbon" },
    ],
    conversation_id: "c-1",
    cached: false,
    provider: "offline",
    model: "m",
    grounded: true,
    ...overrides,
  };
}

function setup(
  ask: (body: ChatBody, onToken: (t: string) => void, signal: AbortSignal) => Promise<ChatResult>,
  videoTime?: () => number | null,
) {
  const onCite = vi.fn();
  const askSpy = vi.fn(ask);
  render(
    <TutorPanel
      courseId={COURSE}
      lessonId={LESSON}
      history={{ conversationId: null, messages: [] }}
      ask={askSpy}
      onCite={onCite}
      videoTime={videoTime}
    />,
  );
  return { onCite, askSpy, user: userEvent.setup() };
}

describe("TutorPanel", () => {
  it("streams the answer in, then shows its sources; a source seeks to its second", async () => {
    let release: (r: ChatResult) => void = () => undefined;
    const { onCite, askSpy, user } = setup(
      (_body, onToken) =>
        new Promise((resolve) => {
          onToken("Chlorophyll ");
          onToken("absorbs…");
          release = resolve;
        }),
    );
    await user.type(screen.getByLabelText("Ask the tutor about this lesson"), "What does chlorophyll absorb?");
    await user.click(screen.getByRole("button", { name: "Ask" }));

    expect(askSpy.mock.calls[0]?.[0]).toEqual({
      message: "What does chlorophyll absorb?",
      course_id: COURSE,
      lesson_id: LESSON,
    });
    expect(await screen.findByText("Chlorophyll absorbs…")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Sources" })).toBeNull();

    release(result());
    const sources = await screen.findByRole("list", { name: "Sources" });
    const first = within(sources).getAllByRole("button")[0] as HTMLElement;
    expect(first.textContent).toContain("Play from 1:03");
    await user.click(first);
    expect(onCite).toHaveBeenCalledWith(expect.objectContaining({ lesson_id: LESSON, start_seconds: 63 }));

    // The inline [2] marker opens the other lesson's source.
    await user.click(screen.getByRole("button", { name: /Source 2: The Calvin cycle at 0:12/ }));
    expect(onCite).toHaveBeenLastCalledWith(expect.objectContaining({ lesson_id: OTHER, start_seconds: 12 }));
  });

  it("continues the conversation and asks again more simply", async () => {
    const { askSpy, user } = setup(async () => result());
    await user.type(screen.getByLabelText("Ask the tutor about this lesson"), "Why red light?");
    await user.click(screen.getByRole("button", { name: "Ask" }));
    await screen.findByRole("list", { name: "Sources" });

    await user.click(screen.getByRole("button", { name: "Explain simpler" }));
    expect(askSpy.mock.calls[1]?.[0]).toMatchObject({ conversation_id: "c-1", mode: "simpler", lesson_id: LESSON });
  });

  it("shows a refused question in words, keeps the draft, and lets the learner retry", async () => {
    const { user } = setup(async () => {
      throw new ApiError(
        "AI_LIMIT_EXCEEDED",
        "You have used today's 50 tutor questions. They reset at 00:00 UTC.",
        429,
      );
    });
    const input = screen.getByLabelText("Ask the tutor about this lesson");
    await user.type(input, "One more question");
    await user.click(screen.getByRole("button", { name: "Ask" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("today's 50 tutor questions");
    expect((input as HTMLTextAreaElement).value).toBe("One more question");
    expect(screen.queryByText("Thinking…")).toBeNull();
  });

  it("sends the second the video is at with each question, and nothing when it is unknown", async () => {
    let now: number | null = 42.37;
    const { askSpy, user } = setup(
      async () => result(),
      () => now,
    );
    await user.type(screen.getByLabelText("Ask the tutor about this lesson"), "Why red light?");
    await user.click(screen.getByRole("button", { name: "Ask" }));
    expect(askSpy.mock.calls[0]?.[0]).toEqual({
      message: "Why red light?",
      course_id: COURSE,
      lesson_id: LESSON,
      position_seconds: 42.4,
    });
    await screen.findByRole("list", { name: "Sources" });

    now = Number.NaN; // no metadata loaded yet
    await user.click(screen.getByRole("button", { name: "Explain simpler" }));
    expect(askSpy.mock.calls[1]?.[0]).not.toHaveProperty("position_seconds");
  });

  it("reads no position from a video that hasn't played yet from the start", () => {
    const played = (length: number) => ({ length }) as TimeRanges;
    expect(videoPlayhead(null)).toBeNull();
    expect(videoPlayhead({ currentTime: 0, played: played(0) })).toBeNull();
    expect(videoPlayhead({ currentTime: 0, played: played(1) })).toBe(0);
    expect(videoPlayhead({ currentTime: 95.2, played: played(0) })).toBe(95.2);
  });

  it("says what a source is on a text lesson and on a video, and what counts towards the daily budget", async () => {
    setup(async () => result());
    expect(screen.getByText(/Answers cite the lessons they come from/)).toBeTruthy();
    expect(screen.queryByText(/moment in the video/)).toBeNull();
    expect(screen.getByText(/Only answers count towards your daily tutor questions/)).toBeTruthy();
    cleanup();
    setup(
      async () => result(),
      () => 3,
    );
    expect(screen.getByText(/Answers cite the moment in the video/)).toBeTruthy();
  });

  it("does not send an empty question", async () => {
    const { askSpy, user } = setup(async () => result());
    const ask = screen.getByRole("button", { name: "Ask" }) as HTMLButtonElement;
    expect(ask.disabled).toBe(true);
    await user.type(screen.getByLabelText("Ask the tutor about this lesson"), "   {Enter}");
    expect(askSpy).not.toHaveBeenCalled();
  });
});
