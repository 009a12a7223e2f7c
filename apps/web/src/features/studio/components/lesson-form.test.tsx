// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readDraft } from "../lesson-draft";
import {
  COURSE_ID,
  LESSON_1,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInCreator,
  studioLesson,
} from "../studio-test-support";
import { LessonForm } from "./lesson-form";

const PUT = `PUT /lessons/${LESSON_1}`;
const VTT =
  "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nLight arrives.\n\n00:00:04.000 --> 00:01:05.500\nLeaves catch it.\n";

function renderForm(lesson = studioLesson()) {
  const onSaved = vi.fn();
  const view = renderWithRouter(<LessonForm courseId={COURSE_ID} lesson={lesson} onSaved={onSaved} />);
  return { onSaved, ...view };
}

const transcriptBox = () => screen.getByLabelText("Transcript (WebVTT)") as HTMLTextAreaElement;
const markdownBox = () => screen.getByLabelText("Lesson text (Markdown)") as HTMLTextAreaElement;

beforeEach(() => {
  localStorage.clear();
  signInCreator();
});
afterEach(() => {
  cleanup();
  restoreApi();
  vi.useRealTimers();
});

describe("LessonForm", () => {
  it("checks a transcript cue by cue, says where it breaks, and won't save a broken one", async () => {
    const { callsTo } = serveApi({ [PUT]: ({ body }) => ok(studioLesson(body as object)) });
    const user = userEvent.setup();
    renderForm();

    fireEvent.change(transcriptBox(), { target: { value: "WEBVTT\n\n00:00:01.000 --> soon\nHello" } });
    expect(
      screen.getByText('This isn\'t valid WebVTT: line 3: invalid cue timing "00:00:01.000 --> soon"'),
    ).toBeTruthy();
    expect(transcriptBox().getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Save lesson" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("some fields need your attention"));
    expect(callsTo(PUT)).toHaveLength(0);

    fireEvent.change(transcriptBox(), { target: { value: VTT } });
    expect(await screen.findByText("2 cues, ending at 1:06.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save lesson" }));
    await waitFor(() => expect(callsTo(PUT)).toHaveLength(1));
    expect(callsTo(PUT)[0]?.body).toEqual({ transcript_vtt: VTT });
  });

  it("refuses a transcript file that isn't WebVTT, in words", async () => {
    serveApi({});
    // The file picker's `accept` is only a hint: people can still choose any file.
    const user = userEvent.setup({ applyAccept: false });
    renderForm();
    const srt = new File(["1\n00:00:01,000 --> 00:00:02,000\nHi\n"], "captions.srt", { type: "text/plain" });
    await user.upload(screen.getByLabelText("Upload a transcript (.vtt)"), srt);
    expect(await screen.findByText("captions.srt isn't a WebVTT file: its first line must be WEBVTT.")).toBeTruthy();
    expect(transcriptBox().value).toBe("");
  });

  it("keeps unsaved text as a local draft and offers it back on the next visit", async () => {
    serveApi({});
    // The draft is written once typing pauses: the test moves the clock past the pause instead of waiting it out.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const first = renderForm();
    fireEvent.change(markdownBox(), { target: { value: "# Light\n\nA long paragraph I haven't saved." } });
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    expect(readDraft(LESSON_1)).toBeNull();
    vi.runOnlyPendingTimers();
    expect(readDraft(LESSON_1)?.content_md).toBe("# Light\n\nA long paragraph I haven't saved.");
    first.unmount();
    vi.useRealTimers();

    const user = userEvent.setup();
    renderForm();
    expect(markdownBox().value).toBe("# Light\n\nPlants catch it.");
    await user.click(await screen.findByRole("button", { name: "Restore it" }));
    expect(markdownBox().value).toBe("# Light\n\nA long paragraph I haven't saved.");
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
  });

  it("sends only what changed, then forgets the draft", async () => {
    const { callsTo } = serveApi({
      [PUT]: ({ body }) => ok(studioLesson({ ...(body as object), updated_at: "2026-01-03T00:00:00.000Z" })),
    });
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    await user.click(screen.getByRole("checkbox", { name: /Free preview/ }));
    fireEvent.change(markdownBox(), { target: { value: "# Light\n\nNew words." } });
    await user.click(screen.getByRole("button", { name: "Save lesson" }));

    await waitFor(() => expect(screen.getByText("All changes saved")).toBeTruthy());
    expect(callsTo(PUT).map((c) => c.body)).toEqual([{ is_preview: true, content_md: "# Light\n\nNew words." }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ is_preview: true }));
    expect(readDraft(LESSON_1)).toBeNull();
  });
});
