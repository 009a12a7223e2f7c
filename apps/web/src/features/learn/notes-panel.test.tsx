// @vitest-environment happy-dom
import type { Note } from "@lumen/contracts";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ApiRequest, failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";
import { COURSE_ID, FIRST, SECOND } from "./learn.test-support";
import { type NoteAnchor, NotesPanel } from "./notes-panel";

beforeEach(() => {
  signInAs(testUser({ email_verified: true }), "token-sam");
});

afterEach(() => {
  cleanup();
  restoreApi();
});

function note(overrides: Partial<Note>): Note {
  return {
    id: "n-1",
    course_id: COURSE_ID,
    lesson_id: FIRST,
    lesson_title: "Why plants",
    kind: "note",
    body: "Light drives it",
    position_seconds: 83,
    paragraph: null,
    created_at: "2026-12-04T10:00:00.000Z",
    updated_at: "2026-12-04T10:00:00.000Z",
    ...overrides,
  };
}

const NOTES_URL = `/courses/${COURSE_ID}/notes`;

/** A notes API holding `initial`, answering list (with ?q=), create, edit and delete like the real one. */
function notesApi(initial: Note[]) {
  let notes = [...initial];
  const api = serveApi({
    [`GET ${NOTES_URL}`]: ({ query }: ApiRequest) => {
      const q = query.get("q")?.toLowerCase();
      return ok({ items: q ? notes.filter((n) => n.body.toLowerCase().includes(q)) : notes });
    },
    [`POST ${NOTES_URL}`]: ({ body }: ApiRequest) => {
      const input = body as { kind: Note["kind"]; body?: string; position_seconds?: number; paragraph?: number };
      const created = note({
        id: `n-${notes.length + 1}`,
        kind: input.kind,
        body: input.body ?? "",
        position_seconds: input.position_seconds ?? null,
        paragraph: input.paragraph ?? null,
      });
      notes = [...notes, created];
      return ok(created, 201);
    },
    [`PATCH ${NOTES_URL}/n-1`]: ({ body }: ApiRequest) => {
      notes = notes.map((n) => (n.id === "n-1" ? { ...n, body: (body as { body: string }).body } : n));
      return ok(notes.find((n) => n.id === "n-1"));
    },
    [`DELETE ${NOTES_URL}/n-1`]: () => {
      notes = notes.filter((n) => n.id !== "n-1");
      return ok(null);
    },
  });
  return api;
}

function renderPanel(anchor: NoteAnchor | null = { position_seconds: 83.46 }) {
  const onJump = vi.fn();
  render(
    <>
      <button type="button">Player</button>
      <NotesPanel
        courseId={COURSE_ID}
        currentLessonId={FIRST}
        capture={{ lessonId: FIRST, anchor: () => anchor }}
        onJump={onJump}
      />
    </>,
  );
  return { onJump, user: userEvent.setup() };
}

describe("the notes panel", () => {
  it("lists the course's notes by lesson and jumps back to one", async () => {
    notesApi([note({}), note({ id: "n-2", lesson_id: SECOND, lesson_title: "Chlorophyll", position_seconds: 12 })]);
    const { onJump, user } = renderPanel();
    const here = await screen.findByRole("region", { name: "Why plants" });
    expect(here.textContent).toContain("(this lesson)");
    expect(within(here).getByText("Light drives it")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Play from 1:23" }));
    expect(onJump).toHaveBeenCalledWith(expect.objectContaining({ id: "n-1" }));
    await user.click(screen.getByRole("button", { name: "Open at 0:12: Chlorophyll" }));
    expect(onJump).toHaveBeenLastCalledWith(expect.objectContaining({ id: "n-2" }));
  });

  it("takes a note at the video's moment with N, and returns focus where it was", async () => {
    const api = notesApi([]);
    const { user } = renderPanel();
    await screen.findByText(/No notes yet/);
    const player = screen.getByRole("button", { name: "Player" });
    player.focus();
    await user.keyboard("n");
    const box = screen.getByLabelText("Note at 1:23");
    expect(document.activeElement).toBe(box);
    // Typing "n" in the note itself writes an n: the shortcut is off while typing.
    await user.keyboard("n");
    await user.paste("ote: the light reactions come first");
    await user.click(screen.getByRole("button", { name: "Save note" }));

    await screen.findByText("note: the light reactions come first");
    expect(api.callsTo(`POST ${NOTES_URL}`)[0]?.body).toEqual({
      lesson_id: FIRST,
      kind: "note",
      body: "note: the light reactions come first",
      position_seconds: 83.46,
    });
    expect(screen.getByRole("status").textContent).toBe("Note saved at 1:23.");
    expect(document.activeElement).toBe(player);
  });

  it("bookmarks the moment with B, and Escape closes a note without saving", async () => {
    const api = notesApi([]);
    const { user } = renderPanel({ paragraph: 2 });
    await screen.findByText(/No notes yet/);
    await user.keyboard("b");
    // The bookmark's badge in the list (the "Bookmark" button's own text matches the words too).
    await screen.findByText("Bookmark", { selector: "span" });
    expect(api.callsTo(`POST ${NOTES_URL}`)[0]?.body).toEqual({ lesson_id: FIRST, kind: "bookmark", paragraph: 2 });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Bookmark added at ¶ 3."));
    // B again at the same place adds no twin.
    await user.keyboard("b");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Already bookmarked at ¶ 3."));

    await user.keyboard("n");
    expect(document.activeElement).toBe(screen.getByLabelText("Note at ¶ 3"));
    await user.keyboard("{Escape}");
    expect(screen.queryByLabelText("Note at ¶ 3")).toBeNull();
    expect(api.callsTo(`POST ${NOTES_URL}`)).toHaveLength(1);
  });

  it("searches the notes through the API", async () => {
    const api = notesApi([note({}), note({ id: "n-2", body: "Sugar is stored", position_seconds: 90 })]);
    const { user } = renderPanel();
    await screen.findByText("Sugar is stored");
    await user.click(screen.getByRole("searchbox", { name: "Search your notes" }));
    await user.paste("sugar");
    await waitFor(() => expect(screen.queryByText("Light drives it")).toBeNull());
    expect(screen.getByText("Sugar is stored")).toBeTruthy();
    expect(api.callsTo(`GET ${NOTES_URL}`).at(-1)?.query.get("q")).toBe("sugar");
    await user.paste(" cane");
    expect(await screen.findByText("No notes match that search.")).toBeTruthy();
  });

  it("edits and deletes a note", async () => {
    notesApi([note({})]);
    const { user } = renderPanel();
    await user.click(await screen.findByRole("button", { name: "Edit note at 1:23" }));
    const box = screen.getByLabelText("Edit note at 1:23");
    await user.clear(box);
    await user.paste("Light drives the reactions");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Light drives the reactions")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Delete note at 1:23" }));
    expect(await screen.findByText(/No notes yet/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Note at 1:23 deleted.");
  });

  it("shows the API's refusal in words", async () => {
    serveApi({ [`GET ${NOTES_URL}`]: failure(403, "FORBIDDEN", "You are not enrolled in this course") });
    renderPanel();
    expect((await screen.findByRole("alert")).textContent).toContain("You are not enrolled in this course");
  });
});
