"use client";

import { MAX_NOTE_LENGTH, type Note } from "@lumen/contracts";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { errorText } from "@/lib/error-text";
import { touchButton } from "./note-anchors";
import { NoteList, noteAnchorLabel } from "./note-list";
import { createNote, deleteNote, fetchNotesExport, loadNotes, saveTextFile, updateNote } from "./notes.api";

export type NoteAnchor = { position_seconds: number } | { paragraph: number };

export interface NoteCapture {
  lessonId: string;
  /** Where a note taken now is pinned: the video's second, or the reading's paragraph in view. */
  anchor: () => NoteAnchor | null;
}

const SEARCH_DELAY_MS = 250;

/** True when a key press belongs to something the learner is typing in, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const anchorOf = (anchor: NoteAnchor) =>
  "position_seconds" in anchor
    ? { position_seconds: Math.round(anchor.position_seconds * 10) / 10, paragraph: null }
    : { position_seconds: null, paragraph: anchor.paragraph };

/**
 * A course's notes and bookmarks: search, jump back, edit, delete, download as Markdown. In the learning room
 * (`capture`) it also takes new ones, from its buttons or the keys N (a note) and B (a bookmark) anywhere on the
 * page except while typing.
 */
export function NotesPanel({
  courseId,
  currentLessonId,
  capture,
  onJump,
  allNotesHref,
  headingLevel = 2,
}: {
  courseId: string;
  currentLessonId?: string;
  capture?: NoteCapture;
  onJump: (note: Note) => void;
  allNotesHref?: string;
  headingLevel?: 1 | 2;
}) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [composing, setComposing] = useState<NoteAnchor | null>(null);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const searchId = useId();
  const composerId = useId();
  const Heading = headingLevel === 1 ? "h1" : "h2";

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads after an edit
  useEffect(() => {
    let cancelled = false;
    const q = query.trim();
    const timer = setTimeout(
      () => {
        loadNotes(courseId, { q }).then(
          (items) => {
            if (cancelled) return;
            setNotes(items);
            setError(null);
          },
          (failure: unknown) => !cancelled && setError(errorText(failure, "Your notes couldn't be loaded.")),
        );
      },
      q ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [courseId, query, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const startNote = useCallback(() => {
    const anchor = capture?.anchor();
    if (!anchor) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDraft("");
    setComposing(anchor);
  }, [capture]);

  const addBookmark = useCallback(async () => {
    const anchor = capture?.anchor();
    if (!capture || !anchor) return;
    setError(null);
    // A second press at the same moment (the same second, or paragraph) would only add an identical bookmark.
    const at = anchorOf(anchor);
    const same = notes?.find(
      (n) =>
        n.kind === "bookmark" &&
        n.lesson_id === capture.lessonId &&
        (at.position_seconds !== null
          ? n.position_seconds !== null && Math.floor(n.position_seconds) === Math.floor(at.position_seconds)
          : n.paragraph === at.paragraph),
    );
    if (same) {
      setAnnouncement(`Already bookmarked at ${noteAnchorLabel(same)}.`);
      return;
    }
    try {
      const note = await createNote(courseId, { lesson_id: capture.lessonId, kind: "bookmark", ...anchor });
      setAnnouncement(`Bookmark added at ${noteAnchorLabel(note)}.`);
      reload();
    } catch (failure) {
      setError(errorText(failure, "The bookmark couldn't be saved."));
    }
  }, [capture, courseId, reload, notes]);

  useEffect(() => {
    if (composing) composerRef.current?.focus();
  }, [composing]);

  useEffect(() => {
    if (!capture) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "n") {
        event.preventDefault();
        startNote();
      } else if (key === "b") {
        event.preventDefault();
        void addBookmark();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [capture, startNote, addBookmark]);

  function closeComposer() {
    setComposing(null);
    returnFocus.current?.focus();
  }

  async function saveNew() {
    if (!capture || !composing || draft.trim() === "") return;
    setBusy(true);
    setError(null);
    try {
      const note = await createNote(courseId, { lesson_id: capture.lessonId, kind: "note", body: draft, ...composing });
      setAnnouncement(`Note saved at ${noteAnchorLabel(note)}.`);
      closeComposer();
      reload();
    } catch (failure) {
      setError(errorText(failure, "The note couldn't be saved."));
    } finally {
      setBusy(false);
    }
  }

  async function save(note: Note, body: string): Promise<boolean> {
    setError(null);
    try {
      await updateNote(courseId, note.id, { body });
      setAnnouncement("Saved.");
      reload();
      return true;
    } catch (failure) {
      setError(errorText(failure, "The change couldn't be saved."));
      return false;
    }
  }

  async function remove(note: Note) {
    setError(null);
    try {
      await deleteNote(courseId, note.id);
      setNotes((current) => current?.filter((n) => n.id !== note.id) ?? null);
      setAnnouncement(`${note.kind === "bookmark" ? "Bookmark" : "Note"} at ${noteAnchorLabel(note)} deleted.`);
    } catch (failure) {
      setError(errorText(failure, "It couldn't be deleted."));
    }
  }

  async function download() {
    setError(null);
    try {
      const { filename, markdown } = await fetchNotesExport(courseId);
      saveTextFile(filename, markdown);
    } catch (failure) {
      setError(errorText(failure, "The download couldn't start."));
    }
  }

  const searching = query.trim() !== "";

  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <Heading id={titleId} className="font-display text-lg font-semibold">
          Notes &amp; bookmarks
        </Heading>
        <span className="flex flex-wrap gap-1">
          {allNotesHref && (
            <Link href={allNotesHref} className={touchButton("ghost")}>
              All notes
            </Link>
          )}
          <button type="button" onClick={() => void download()} className={touchButton("ghost")}>
            Download .md
          </button>
        </span>
      </header>

      {capture && !composing && (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={startNote} aria-keyshortcuts="N" className={touchButton("secondary")}>
            Add note <kbd className="text-xs text-muted">N</kbd>
          </button>
          <button
            type="button"
            onClick={() => void addBookmark()}
            aria-keyshortcuts="B"
            className={touchButton("secondary")}
          >
            Bookmark <kbd className="text-xs text-muted">B</kbd>
          </button>
        </div>
      )}

      {composing && (
        <form
          className="space-y-2 rounded-xl border border-border bg-background p-3"
          onSubmit={(event) => {
            event.preventDefault();
            void saveNew();
          }}
        >
          <label htmlFor={composerId} className="block text-sm font-medium">
            Note at {noteAnchorLabel(anchorOf(composing))}
          </label>
          <textarea
            id={composerId}
            ref={composerRef}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") closeComposer();
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void saveNew();
            }}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            className="block w-full rounded-xl border border-border-strong/60 bg-surface px-3 py-2 text-sm"
          />
          <div className="flex gap-2">
            <button type="submit" disabled={busy || draft.trim() === ""} className={touchButton("primary")}>
              Save note
            </button>
            <button type="button" onClick={closeComposer} className={touchButton("ghost")}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <div>
        <label htmlFor={searchId} className="sr-only">
          Search your notes
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search your notes…"
          maxLength={200}
          className="block h-11 w-full rounded-full border border-border-strong/60 bg-background px-4 text-sm placeholder:text-muted"
        />
      </div>

      <p role="status" className="sr-only">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}

      {notes === null ? (
        !error && <p className="text-sm text-muted">Loading your notes…</p>
      ) : notes.length === 0 ? (
        <p className="text-sm text-muted">
          {searching
            ? "No notes match that search."
            : capture
              ? "No notes yet. Press N to note this moment, or B to bookmark it."
              : "No notes in this course yet."}
        </p>
      ) : (
        <NoteList
          notes={notes}
          currentLessonId={currentLessonId}
          onJump={onJump}
          onSave={save}
          onDelete={(note) => void remove(note)}
          headingLevel={headingLevel === 1 ? 2 : 3}
        />
      )}
    </section>
  );
}
