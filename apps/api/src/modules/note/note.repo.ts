import { courses, type Executor, lessonNotes, lessons, modules } from "@lumen/db";
import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";

export type NoteRow = typeof lessonNotes.$inferSelect;
export type NoteWithLesson = { note: NoteRow; lessonTitle: string };

const withLesson = { note: lessonNotes, lessonTitle: lessons.title };

/** `%text%` for ILIKE, with the pattern's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createNoteRepo(db: Executor) {
  /** One note with its lesson's title, if it is the user's and in the course. */
  async function findOwn(userId: string, courseId: string, noteId: string, tx: Executor = db) {
    const [row] = await tx
      .select(withLesson)
      .from(lessonNotes)
      .innerJoin(lessons, eq(lessons.id, lessonNotes.lessonId))
      .where(and(eq(lessonNotes.id, noteId), eq(lessonNotes.userId, userId), eq(lessonNotes.courseId, courseId)))
      .limit(1);
    return row;
  }

  return {
    findOwn,

    /** The lesson if it belongs to the course: what a note's anchor is checked against. */
    async lessonInCourse(lessonId: string, courseId: string, tx: Executor = db) {
      const [row] = await tx
        .select({ id: lessons.id, kind: lessons.kind, durationSeconds: lessons.durationSeconds })
        .from(lessons)
        .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, courseId)))
        .limit(1);
      return row;
    },

    async courseTitle(courseId: string, tx: Executor = db): Promise<string | undefined> {
      const [row] = await tx.select({ title: courses.title }).from(courses).where(eq(courses.id, courseId)).limit(1);
      return row?.title;
    },

    /** The user's notes in a course in the order the course is taught: module, lesson, then place in the lesson. */
    async list(
      filter: { userId: string; courseId: string; lessonId?: string | undefined; q?: string | undefined },
      tx: Executor = db,
    ): Promise<NoteWithLesson[]> {
      const where: SQL[] = [eq(lessonNotes.userId, filter.userId), eq(lessonNotes.courseId, filter.courseId)];
      if (filter.lessonId) where.push(eq(lessonNotes.lessonId, filter.lessonId));
      if (filter.q) where.push(ilike(lessonNotes.body, containing(filter.q)));
      return tx
        .select(withLesson)
        .from(lessonNotes)
        .innerJoin(lessons, eq(lessons.id, lessonNotes.lessonId))
        .innerJoin(modules, eq(modules.id, lessons.moduleId))
        .where(and(...where))
        .orderBy(
          asc(modules.position),
          asc(lessons.position),
          asc(lessonNotes.positionSeconds),
          asc(lessonNotes.paragraph),
          asc(lessonNotes.createdAt),
          asc(lessonNotes.id),
        );
    },

    async countInCourse(userId: string, courseId: string, tx: Executor = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(lessonNotes)
        .where(and(eq(lessonNotes.userId, userId), eq(lessonNotes.courseId, courseId)));
      return row?.n ?? 0;
    },

    async insert(
      values: {
        userId: string;
        courseId: string;
        lessonId: string;
        kind: "note" | "bookmark";
        body: string;
        positionSeconds: number | null;
        paragraph: number | null;
      },
      tx: Executor = db,
    ): Promise<string> {
      const [row] = await tx.insert(lessonNotes).values(values).returning({ id: lessonNotes.id });
      if (!row) throw new Error("insert returned no row");
      return row.id;
    },

    /** Edits the user's own note; false when there is no such note of theirs in the course. */
    async updateBody(
      key: { userId: string; courseId: string; noteId: string },
      body: string,
      tx: Executor = db,
    ): Promise<boolean> {
      const rows = await tx
        .update(lessonNotes)
        .set({ body, updatedAt: new Date() })
        .where(
          and(
            eq(lessonNotes.id, key.noteId),
            eq(lessonNotes.userId, key.userId),
            eq(lessonNotes.courseId, key.courseId),
          ),
        )
        .returning({ id: lessonNotes.id });
      return rows.length > 0;
    },

    async delete(key: { userId: string; courseId: string; noteId: string }, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .delete(lessonNotes)
        .where(
          and(
            eq(lessonNotes.id, key.noteId),
            eq(lessonNotes.userId, key.userId),
            eq(lessonNotes.courseId, key.courseId),
          ),
        )
        .returning({ id: lessonNotes.id });
      return rows.length > 0;
    },
  };
}
export type NoteRepo = ReturnType<typeof createNoteRepo>;
