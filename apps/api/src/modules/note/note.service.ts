import {
  MAX_NOTES_PER_COURSE,
  type Note,
  type NoteCreate,
  type NoteList,
  type NoteListQuery,
  type NoteUpdate,
} from "@lumen/contracts";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import { exportFileName, notesMarkdown } from "./note.export.js";
import { presentNote } from "./note.presenter.js";
import type { NoteRepo } from "./note.repo.js";

const invalid = (message: string, field: string, reason: string) =>
  new AppError("VALIDATION_ERROR", message, { in: "body", fields: { [field]: [reason] } });

/**
 * Notes and bookmarks: private to their author, for learners who may open the course's content (an active
 * enrollment and, on a paid course, an entitlement). Someone else's note answers 404, as a missing one does.
 */
export function createNoteService(deps: {
  notes: NoteRepo;
  access: Pick<AccessService, "enrolledCourse">;
  appUrl: string;
}) {
  const { notes, access, appUrl } = deps;

  async function list(auth: AuthContext, courseId: string, query: NoteListQuery): Promise<NoteList> {
    await access.enrolledCourse(auth, courseId);
    const rows = await notes.list({
      userId: auth.userId,
      courseId,
      lessonId: query.lesson_id,
      q: query.q || undefined,
    });
    return { items: rows.map(presentNote) };
  }

  return {
    list,

    async create(auth: AuthContext, courseId: string, input: NoteCreate): Promise<Note> {
      // Access to the course (enrolled, entitled) covers its lessons.
      await access.enrolledCourse(auth, courseId);
      const lesson = await notes.lessonInCourse(input.lesson_id, courseId);
      if (!lesson) throw invalid("The lesson is not part of this course", "lesson_id", "Not a lesson of this course");
      // The anchor follows the lesson: a second of a video, a paragraph of a reading.
      if (lesson.kind === "video" && input.position_seconds === undefined) {
        throw invalid("Pin a video lesson's note to a second", "position_seconds", "Required on a video lesson");
      }
      if (lesson.kind === "text" && input.paragraph === undefined) {
        throw invalid("Pin a reading's note to a paragraph", "paragraph", "Required on a reading");
      }
      if (
        input.position_seconds !== undefined &&
        lesson.durationSeconds > 0 &&
        input.position_seconds > lesson.durationSeconds + 1
      ) {
        throw invalid(
          "That moment is past the end of the video",
          "position_seconds",
          `The video is ${lesson.durationSeconds} s long`,
        );
      }
      if ((await notes.countInCourse(auth.userId, courseId)) >= MAX_NOTES_PER_COURSE) {
        throw new AppError(
          "CONFLICT",
          `You have ${MAX_NOTES_PER_COURSE} notes in this course: delete some to add more`,
          {
            limit: MAX_NOTES_PER_COURSE,
          },
        );
      }
      const id = await notes.insert({
        userId: auth.userId,
        courseId,
        lessonId: lesson.id,
        kind: input.kind,
        body: input.body,
        positionSeconds: input.position_seconds ?? null,
        paragraph: input.paragraph ?? null,
      });
      const row = await notes.findOwn(auth.userId, courseId, id);
      if (!row) throw notFound("Note");
      return presentNote(row);
    },

    async update(auth: AuthContext, courseId: string, noteId: string, input: NoteUpdate): Promise<Note> {
      await access.enrolledCourse(auth, courseId);
      const existing = await notes.findOwn(auth.userId, courseId, noteId);
      if (!existing) throw notFound("Note");
      if (existing.note.kind === "note" && input.body === "") {
        throw invalid("A note can't be empty: delete it instead", "body", "Write something in the note");
      }
      if (!(await notes.updateBody({ userId: auth.userId, courseId, noteId }, input.body))) throw notFound("Note");
      const row = await notes.findOwn(auth.userId, courseId, noteId);
      if (!row) throw notFound("Note");
      return presentNote(row);
    },

    async remove(auth: AuthContext, courseId: string, noteId: string): Promise<void> {
      await access.enrolledCourse(auth, courseId);
      if (!(await notes.delete({ userId: auth.userId, courseId, noteId }))) throw notFound("Note");
    },

    /** All the caller's notes in the course as a Markdown file. */
    async exportMarkdown(auth: AuthContext, courseId: string): Promise<{ filename: string; markdown: string }> {
      const { items } = await list(auth, courseId, {});
      const courseTitle = (await notes.courseTitle(courseId)) ?? "Course";
      return { filename: exportFileName(courseTitle), markdown: notesMarkdown({ courseTitle, appUrl, notes: items }) };
    },
  };
}
export type NoteService = ReturnType<typeof createNoteService>;
