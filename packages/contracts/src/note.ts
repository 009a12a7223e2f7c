import { z } from "zod";

export const MAX_NOTE_LENGTH = 2000;
export const MAX_NOTE_SEARCH_LENGTH = 200;
/** A learner's notes and bookmarks per course; past this a new one is refused (409) until some are deleted. */
export const MAX_NOTES_PER_COURSE = 1000;
/** Twelve hours: longer than any lesson video, short enough to catch a milliseconds-for-seconds mix-up. */
export const MAX_NOTE_POSITION_SECONDS = 43_200;
export const MAX_NOTE_PARAGRAPH = 10_000;

export const noteKindSchema = z.enum(["note", "bookmark"], "kind must be note or bookmark");
export type NoteKind = z.infer<typeof noteKindSchema>;

const noteBody = z
  .string("body must be text")
  .trim()
  .max(MAX_NOTE_LENGTH, `A note must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`);

const positionSeconds = z
  .number("position_seconds must be a number of seconds")
  .min(0, "position_seconds cannot be negative")
  .max(MAX_NOTE_POSITION_SECONDS, `position_seconds can be at most ${MAX_NOTE_POSITION_SECONDS}`);

const paragraph = z
  .number("paragraph must be a paragraph number")
  .int("paragraph must be a whole number")
  .min(0, "paragraph cannot be negative")
  .max(MAX_NOTE_PARAGRAPH, `paragraph can be at most ${MAX_NOTE_PARAGRAPH}`);

/**
 * `POST /courses/:id/notes`: a note or bookmark pinned to a second of a video lesson (`position_seconds`) or to a
 * paragraph of a reading (`paragraph`, counted from 0 in the lesson's text). Exactly one anchor; a note needs a
 * body, a bookmark's body is an optional label.
 */
export const noteCreateSchema = z
  .object({
    lesson_id: z.uuid("lesson_id must be a lesson's id"),
    kind: noteKindSchema.default("note"),
    body: noteBody.default(""),
    position_seconds: positionSeconds.optional(),
    paragraph: paragraph.optional(),
  })
  .superRefine((value, ctx) => {
    const anchors = Number(value.position_seconds !== undefined) + Number(value.paragraph !== undefined);
    if (anchors !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["position_seconds"],
        message: "Pin a note to exactly one place: position_seconds (a video) or paragraph (a reading)",
      });
    }
    if (value.kind === "note" && value.body === "") {
      ctx.addIssue({ code: "custom", path: ["body"], message: "Write something in the note" });
    }
  });
export type NoteCreate = z.infer<typeof noteCreateSchema>;

/** `PATCH /courses/:id/notes/:noteId`: edits the text; the anchor stays where it was pinned. */
export const noteUpdateSchema = z.object({ body: noteBody });
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;

/** `GET /courses/:id/notes`: all of the caller's notes in the course, in course order, optionally filtered. */
export const noteListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_NOTE_SEARCH_LENGTH, `Search for at most ${MAX_NOTE_SEARCH_LENGTH} characters`)
    .optional()
    .describe("Only notes whose text contains this (case-insensitive)"),
  lesson_id: z.uuid("lesson_id must be a lesson's id").optional().describe("Only this lesson's notes"),
});
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;

export const noteSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  lesson_id: z.string(),
  lesson_title: z.string(),
  kind: noteKindSchema,
  body: z.string(),
  /** Set on video lessons' notes. */
  position_seconds: z.number().nullable(),
  /** Set on readings' notes. */
  paragraph: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListSchema = z.object({ items: z.array(noteSchema) });
export type NoteList = z.infer<typeof noteListSchema>;
