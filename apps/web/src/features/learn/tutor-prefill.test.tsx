// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TutorPanel } from "./tutor-panel";

afterEach(cleanup);

const LESSON = "11111111-1111-4111-8111-111111111111";
const COURSE = "33333333-3333-4333-8333-333333333333";

function panel(prefill: { id: number; text: string } | null, ask = vi.fn()) {
  return (
    <TutorPanel
      courseId={COURSE}
      lessonId={LESSON}
      history={{ conversationId: null, messages: [] }}
      ask={ask}
      onCite={vi.fn()}
      prefill={prefill}
    />
  );
}

describe("a prefilled tutor question", () => {
  it("lands in the question box with focus, for the learner to send or change; it never sends itself", async () => {
    const ask = vi.fn();
    const { rerender } = render(panel(null, ask));
    const box = screen.getByLabelText("Ask the tutor about this lesson") as HTMLTextAreaElement;
    expect(box.value).toBe("");

    rerender(panel({ id: 1, text: "Can you explain 1:10–1:35?" }, ask));
    expect(box.value).toBe("Can you explain 1:10–1:35?");
    expect(document.activeElement).toBe(box);
    expect(ask).not.toHaveBeenCalled();

    // The learner edits it; a re-render with the same prefill keeps their edit, a new one replaces it.
    const user = userEvent.setup();
    await user.clear(box);
    await user.paste("My own question");
    rerender(panel({ id: 1, text: "Can you explain 1:10–1:35?" }, ask));
    expect(box.value).toBe("My own question");
    rerender(panel({ id: 2, text: "Can you explain 3:00–3:20?" }, ask));
    expect(box.value).toBe("Can you explain 3:00–3:20?");
  });
});
