"use client";

import { MAX_NOTE_LENGTH, type Note } from "@lumen/contracts";
import { useId, useState } from "react";
import { formatClock } from "./format-time";
import { touchButton } from "./note-anchors";

/** Where a note is pinned, as the list shows it: "1:23" or "¶ 2". */
export function noteAnchorLabel(note: Pick<Note, "position_seconds" | "paragraph">): string {
  // The second it falls in, as the player's clock shows it (never rounded up past the moment).
  return note.position_seconds !== null
    ? formatClock(Math.floor(note.position_seconds))
    : `¶ ${(note.paragraph ?? 0) + 1}`;
}

/** What the jump button says to a screen reader. */
function jumpName(note: Note, here: boolean): string {
  const where =
    note.position_seconds !== null
      ? `${here ? "Play from" : "Open at"} ${noteAnchorLabel(note)}`
      : `${here ? "Go to" : "Open at"} paragraph ${(note.paragraph ?? 0) + 1}`;
  return here ? where : `${where}: ${note.lesson_title}`;
}

/** Groups notes (already in course order) by lesson, keeping that order. */
export function byLesson(notes: Note[]): Array<{ lessonId: string; title: string; notes: Note[] }> {
  const groups: Array<{ lessonId: string; title: string; notes: Note[] }> = [];
  for (const note of notes) {
    const last = groups[groups.length - 1];
    if (last?.lessonId === note.lesson_id) last.notes.push(note);
    else groups.push({ lessonId: note.lesson_id, title: note.lesson_title, notes: [note] });
  }
  return groups;
}

// Phones: every control is at least 44 px tall and wide.
const SMALL_BUTTON =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-full px-3 text-sm font-medium text-muted hover:bg-surface-muted hover:text-foreground sm:min-h-9";

function NoteItem({
  note,
  here,
  onJump,
  onSave,
  onDelete,
}: {
  note: Note;
  here: boolean;
  onJump: (note: Note) => void;
  onSave: (note: Note, body: string) => Promise<boolean>;
  onDelete: (note: Note) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const label = note.kind === "bookmark" ? "Bookmark" : "Note";

  if (editing) {
    return (
      <li className="rounded-xl border border-border bg-background p-3">
        <form
          className="space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaving(true);
            const saved = await onSave(note, draft);
            setSaving(false);
            if (saved) setEditing(false);
          }}
        >
          <label htmlFor={inputId} className="block text-sm font-medium">
            Edit {label.toLowerCase()} at {noteAnchorLabel(note)}
          </label>
          <textarea
            id={inputId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setEditing(false);
            }}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            // biome-ignore lint/a11y/noAutofocus: the learner just asked to edit this note
            autoFocus
            className="block w-full rounded-xl border border-border-strong/60 bg-surface px-3 py-2 text-sm"
          />
          <div className="flex gap-2">
            <button type="submit" disabled={saving} className={touchButton("primary")}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)} className={touchButton("ghost")}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="flex items-start gap-2 rounded-xl px-1 py-1.5">
      <button
        type="button"
        onClick={() => onJump(note)}
        aria-label={jumpName(note, here)}
        className="inline-flex min-h-11 min-w-14 shrink-0 items-center justify-center rounded-lg bg-primary-soft px-2 font-mono text-xs font-semibold text-primary tabular-nums hover:bg-primary hover:text-primary-foreground sm:min-h-8"
      >
        {noteAnchorLabel(note)}
      </button>
      <p className="min-w-0 flex-1 pt-1.5 text-sm whitespace-pre-wrap break-words">
        {note.kind === "bookmark" && (
          <span className="mr-1.5 rounded bg-accent-soft px-1.5 py-0.5 text-xs font-medium">Bookmark</span>
        )}
        {note.body}
      </p>
      <span className="flex shrink-0">
        <button
          type="button"
          onClick={() => {
            setDraft(note.body);
            setEditing(true);
          }}
          aria-label={`Edit ${label.toLowerCase()} at ${noteAnchorLabel(note)}`}
          className={SMALL_BUTTON}
        >
          Edit
        </button>
        <button
          type="button"
          onClick={() => onDelete(note)}
          aria-label={`Delete ${label.toLowerCase()} at ${noteAnchorLabel(note)}`}
          className={SMALL_BUTTON}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

/** A course's notes under a heading per lesson; the current lesson's group is marked. */
export function NoteList({
  notes,
  currentLessonId,
  onJump,
  onSave,
  onDelete,
  headingLevel = 3,
}: {
  notes: Note[];
  currentLessonId?: string;
  onJump: (note: Note) => void;
  onSave: (note: Note, body: string) => Promise<boolean>;
  onDelete: (note: Note) => void;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-4">
      {byLesson(notes).map((group) => {
        const here = group.lessonId === currentLessonId;
        return (
          <section key={group.lessonId} aria-label={group.title}>
            <Heading className="mb-1 text-sm font-semibold">
              {group.title}
              {here && <span className="ml-2 text-xs font-normal text-muted">(this lesson)</span>}
            </Heading>
            <ul className="space-y-0.5">
              {group.notes.map((note) => (
                <NoteItem key={note.id} note={note} here={here} onJump={onJump} onSave={onSave} onDelete={onDelete} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
