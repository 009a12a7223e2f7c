// @vitest-environment happy-dom
import type { Progress } from "@lumen/contracts";
import { act, cleanup, render } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProgressReport } from "./progress-tracker";
import { useLessonPlayback } from "./use-lesson-playback";

afterEach(() => {
  cleanup();
  // Restored here, not at the end of a test: a failed assertion would leave the clock fake for the next test.
  vi.useRealTimers();
});

function progress(): Progress {
  return {
    lesson_id: "l",
    course_id: "c",
    video_progress: { watch_percentage: 10, position_seconds: 0, resume_seconds: 0, is_completed: false },
    quiz_progress: null,
    completed_at: null,
    updated_at: "",
  };
}

function Player({
  report,
  startAt,
}: {
  report: (r: ProgressReport, urgent: boolean) => Promise<Progress>;
  startAt: number;
}) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const playback = useLessonPlayback(video, { startAt, report, intervalMs: 10_000 });
  return (
    <>
      {/* biome-ignore lint/a11y/useMediaCaption: a test double */}
      <video ref={setVideo} data-testid="video" />
      <output data-testid="time">{playback.currentTime}</output>
    </>
  );
}

/** Drives a real <video> element: sets its clock and fires the events a browser would. */
function driver(video: HTMLVideoElement) {
  let paused = true;
  let duration = 300;
  Object.defineProperty(video, "paused", { get: () => paused });
  Object.defineProperty(video, "duration", { get: () => duration });
  Object.defineProperty(video, "readyState", { get: () => 1, configurable: true });
  const fire = (type: string) => act(() => void video.dispatchEvent(new Event(type)));
  return {
    fire,
    setDuration(value: number) {
      duration = value;
    },
    play() {
      paused = false;
      fire("playing");
    },
    pause() {
      paused = true;
      fire("pause");
    },
    /** Plays for `seconds` of media time, 4 time updates per second. */
    advance(seconds: number) {
      for (let i = 0; i < seconds * 4; i++) {
        video.currentTime += 0.25;
        vi.advanceTimersByTime(250);
        fire("timeupdate");
      }
    },
  };
}

describe("useLessonPlayback", () => {
  it("resumes at the saved point and reports watched stretches in batches, not per frame", () => {
    vi.useFakeTimers();
    const report = vi.fn(async (_report: ProgressReport, _urgent: boolean) => progress());
    const { getByTestId } = render(<Player report={report} startAt={42} />);
    const video = getByTestId("video") as HTMLVideoElement;
    const d = driver(video);
    d.fire("loadedmetadata");
    expect(video.currentTime).toBe(42);

    d.play();
    d.advance(25);
    // 100 time updates → two reports (every 10 s).
    expect(report).toHaveBeenCalledTimes(2);
    expect(report.mock.calls[0]?.[0]).toEqual({ position_seconds: 52, segment: { from_seconds: 42, to_seconds: 52 } });

    d.pause();
    expect(report).toHaveBeenCalledTimes(3);
    expect(report.mock.calls[2]?.[0]).toEqual({ position_seconds: 67, segment: { from_seconds: 62, to_seconds: 67 } });
    expect(Number(getByTestId("time").textContent)).toBe(67);
  });

  it("reports what was watched when the learner leaves the page, with keepalive", () => {
    vi.useFakeTimers();
    const report = vi.fn(async (_report: ProgressReport, _urgent: boolean) => progress());
    const { getByTestId, unmount } = render(<Player report={report} startAt={0} />);
    const d = driver(getByTestId("video") as HTMLVideoElement);
    d.play();
    d.advance(4);
    act(() => void window.dispatchEvent(new Event("pagehide")));
    expect(report).toHaveBeenCalledWith({ position_seconds: 4, segment: { from_seconds: 0, to_seconds: 4 } }, true);
    unmount();
  });

  it("does not resume past the end of a video", () => {
    const report = vi.fn(async (_report: ProgressReport, _urgent: boolean) => progress());
    const { getByTestId } = render(<Player report={report} startAt={299.5} />);
    const video = getByTestId("video") as HTMLVideoElement;
    driver(video).fire("loadedmetadata");
    expect(video.currentTime).toBe(0);
  });
});
