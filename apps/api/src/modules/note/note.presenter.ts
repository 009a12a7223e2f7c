import type { Note } from "@lumen/contracts";
import type { NoteWithLesson } from "./note.repo.js";

export function presentNote({ note, lessonTitle }: NoteWithLesson): Note {
  return {
    id: note.id,
    course_id: note.courseId,
    lesson_id: note.lessonId,
    lesson_title: lessonTitle,
    kind: note.kind,
    body: note.body,
    position_seconds: note.positionSeconds,
    paragraph: note.paragraph,
    created_at: note.createdAt.toISOString(),
    updated_at: note.updatedAt.toISOString(),
  };
}
