// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { revealVideo } from "./learning-room";
import { showNewestAnswer, TutorPanel } from "./tutor-panel";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Gives `el` a box `top` px below the viewport's top and `height` px tall (happy-dom has no layout). */
function place(el: HTMLElement, top: number, height: number) {
  el.getBoundingClientRect = () => ({ top, bottom: top + height, height }) as DOMRect;
}

/** A 300 px log scrolled to `scrollTop`, whose content is `content` px tall. */
function log(content: number, scrollTop = 0) {
  const el = document.createElement("div");
  Object.defineProperty(el, "scrollHeight", { value: content });
  Object.defineProperty(el, "clientHeight", { value: 300 });
  el.scrollTop = scrollTop;
  place(el, 100, 300);
  return el;
}

function answer(into: HTMLElement, topInViewport: number) {
  const el = document.createElement("div");
  el.dataset.answer = "";
  place(el, topInViewport, 900);
  into.append(el);
  return el;
}

describe("the tutor's message log", () => {
  it("opens at the start of the newest long answer, not mid-answer", () => {
    const el = log(2000);
    answer(el, 150);
    answer(el, 900); // 800 px into the content
    showNewestAnswer(el);
    expect(el.scrollTop).toBe(800 - 48);
  });

  it("goes to the end when the newest answer starts within the last screen", () => {
    const el = log(1000, 0);
    answer(el, 1050); // 950 px in: past the end of the scroll range (700)
    showNewestAnswer(el);
    expect(el.scrollTop).toBe(700);
    const empty = log(500);
    showNewestAnswer(empty);
    expect(empty.scrollTop).toBe(200);
  });

  it("is taller than 160 px and marks each answer for the scroll", () => {
    render(
      <TutorPanel
        courseId="c-1"
        lessonId="l-1"
        history={{
          conversationId: "conv-1",
          messages: [
            { id: "m-1", role: "user", content: "Why?", citations: [] },
            { id: "m-2", role: "assistant", content: "Because light.", citations: [] },
          ],
        }}
        ask={async () => {
          throw new Error("not asked");
        }}
        onCite={() => undefined}
      />,
    );
    const messages = screen.getByRole("log");
    // min-h-64 is 16rem = 256 px (min-h-40, 160 px, was too small to read an answer in) in the phone's fixed-height
    // card; beside the outline on a wide screen the log grows with the window and may shrink to 6rem in a short one,
    // so the question box never slides under the outline.
    expect(messages.classList.contains("min-h-64")).toBe(true);
    expect(messages.classList.contains("lg:min-h-24")).toBe(true);
    expect(messages.querySelectorAll("[data-answer]")).toHaveLength(1);
  });
});

describe("the tutor's empty state", () => {
  const panel = (videoTime?: () => number | null) => (
    <TutorPanel
      courseId="c-1"
      lessonId="l-1"
      history={{ conversationId: null, messages: [] }}
      ask={async () => {
        throw new Error("not asked");
      }}
      onCite={() => undefined}
      {...(videoTime ? { videoTime } : {})}
    />
  );

  it("promises moments in the video only on a video lesson", () => {
    const { unmount } = render(panel(() => 12));
    expect(screen.getByText(/cite the moment in the video/)).toBeTruthy();
    unmount();
    render(panel());
    expect(screen.queryByText(/in the video/)).toBeNull();
    expect(screen.getByText(/cite the lessons they come from/)).toBeTruthy();
  });
});

describe("a source tapped on a phone", () => {
  it("scrolls the video into view when it is off screen, and leaves it alone when it is in view", () => {
    const video = document.createElement("video");
    const scroll = vi.fn();
    video.scrollIntoView = scroll;
    place(video, -1500, 200);
    revealVideo(video);
    expect(scroll).toHaveBeenCalledTimes(1);
    place(video, 10, 200);
    revealVideo(video);
    expect(scroll).toHaveBeenCalledTimes(1);
  });
});
