// @vitest-environment happy-dom
import type { Note } from "@lumen/contracts";
import { act, cleanup, renderHook, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { useConfusionNudge } from "./confusion-nudge";
import { COURSE_ID, FIRST, roomLesson, roomRoutes, SECOND } from "./learn.test-support";
import { LearningRoom } from "./learning-room";

beforeEach(() => {
  signInAs(testUser({ email_verified: true }), "token-sam");
});

afterEach(() => {
  cleanup();
  restoreApi();
  vi.useRealTimers();
});

const elsewhere: Note = {
  id: "n-9",
  course_id: COURSE_ID,
  lesson_id: SECOND,
  lesson_title: "Chlorophyll",
  kind: "note",
  body: "Absorbs red and blue",
  position_seconds: 42.7,
  paragraph: null,
  created_at: "2026-12-04T10:00:00.000Z",
  updated_at: "2026-12-04T10:00:00.000Z",
};

describe("notes in the learning room", () => {
  it("pins a reading's bookmark to a numbered paragraph, and opens another lesson's note at its second", async () => {
    const lesson = roomLesson({ content_md: "Plants make sugar.\n\nThey need light." });
    const api = serveApi({
      ...roomRoutes(lesson),
      [`GET /courses/${COURSE_ID}/notes`]: ok({ items: [elsewhere] }),
      [`POST /courses/${COURSE_ID}/notes`]: ok({ ...elsewhere, id: "n-10", lesson_id: FIRST, kind: "bookmark" }, 201),
    });
    const { user, router } = renderWithRouter(<LearningRoom courseId={COURSE_ID} lessonId={FIRST} startAt={null} />);

    await screen.findByText("Absorbs red and blue");
    expect(document.getElementById("p-1")?.textContent).toBe("They need light.");
    await user.keyboard("b");
    await screen.findByText(/Bookmark added/);
    expect(api.callsTo(`POST /courses/${COURSE_ID}/notes`)[0]?.body).toEqual({
      lesson_id: FIRST,
      kind: "bookmark",
      paragraph: 0,
    });

    await user.click(screen.getByRole("button", { name: "Open at 0:42: Chlorophyll" }));
    expect(router.push).toHaveBeenCalledWith(`/learn/${COURSE_ID}/${SECOND}?t=42`);
  });
});

describe("the confusion nudge's wiring to the video", () => {
  function play(video: HTMLVideoElement, seconds: number) {
    video.currentTime = seconds;
    video.dispatchEvent(new Event("timeupdate"));
  }
  function rewind(video: HTMLVideoElement, to: number) {
    video.currentTime = to;
    video.dispatchEvent(new Event("seeking"));
  }

  it("offers the stretch after two rewinds onto it, a short while apart", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const video = document.createElement("video");
    const { result } = renderHook(() => useConfusionNudge(video, true));

    act(() => {
      play(video, 95);
      rewind(video, 70);
    });
    vi.advanceTimersByTime(20_000);
    act(() => {
      play(video, 92);
      rewind(video, 74);
    });
    expect(result.current.offer).toEqual({ start: 70, end: 95 });
    act(() => result.current.dismiss());
    expect(result.current.offer).toBeNull();
  });

  it("watches nothing when switched off", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const video = document.createElement("video");
    const { result } = renderHook(() => useConfusionNudge(video, false));
    act(() => {
      play(video, 95);
      rewind(video, 70);
    });
    vi.advanceTimersByTime(20_000);
    act(() => {
      play(video, 92);
      rewind(video, 74);
    });
    expect(result.current.offer).toBeNull();
  });
});
