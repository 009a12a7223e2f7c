import { courses, type Executor, lessons, modules, quizzes } from "@lumen/db";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";

export type LessonRow = typeof lessons.$inferSelect;
export type ModuleRow = typeof modules.$inferSelect;

const uuidArray = (ids: string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

export function createLessonRepo(db: Executor) {
  return {
    ...transactions(db),
    /**
     * Locks the course row for the rest of the transaction and counts its modules and lessons: two concurrent
     * creations can't both pass a cap at its last free place.
     */
    async lockCourseCounts(courseId: string, tx: Executor = db): Promise<{ modules: number; lessons: number }> {
      await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for("update");
      const [row] = await tx
        .select({
          modules: sql<number>`(select count(*) from ${modules} where ${modules.courseId} = ${courseId})::int`,
          lessons: sql<number>`(select count(*) from ${lessons} where ${lessons.courseId} = ${courseId})::int`,
        })
        .from(sql`(select 1) as one`);
      return { modules: Number(row?.modules ?? 0), lessons: Number(row?.lessons ?? 0) };
    },

    async findModule(id: string, tx: Executor = db): Promise<ModuleRow | undefined> {
      const [row] = await tx.select().from(modules).where(eq(modules.id, id)).limit(1);
      return row;
    },

    async moduleIds(courseId: string, tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .select({ id: modules.id })
        .from(modules)
        .where(eq(modules.courseId, courseId))
        .orderBy(asc(modules.position));
      return rows.map((r) => r.id);
    },

    /** Appends, or inserts at `position` shifting the following modules down. */
    async insertModule(
      courseId: string,
      title: string,
      position: number | undefined,
      tx: Executor = db,
    ): Promise<ModuleRow> {
      const [{ next } = { next: 0 }] = await tx
        .select({ next: sql<number>`coalesce(max(${modules.position}) + 1, 0)::int` })
        .from(modules)
        .where(eq(modules.courseId, courseId));
      const at = position === undefined ? next : Math.min(position, next);
      if (at < next) {
        await tx
          .update(modules)
          .set({ position: sql`${modules.position} + 1` })
          .where(and(eq(modules.courseId, courseId), gte(modules.position, at)));
      }
      const [row] = await tx.insert(modules).values({ courseId, title, position: at }).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async updateModule(id: string, title: string, tx: Executor = db): Promise<ModuleRow | undefined> {
      const [row] = await tx
        .update(modules)
        .set({ title, updatedAt: new Date() })
        .where(eq(modules.id, id))
        .returning();
      return row;
    },

    async deleteModule(id: string, tx: Executor = db): Promise<void> {
      await tx.delete(modules).where(eq(modules.id, id));
    },

    /** Positions follow the order of `ids` (0, 1, 2…), in one statement. */
    async reorderModules(courseId: string, ids: string[], tx: Executor = db): Promise<void> {
      await tx.execute(sql`
        UPDATE ${modules} SET position = v.pos - 1, updated_at = now()
        FROM unnest(${uuidArray(ids)}) WITH ORDINALITY AS v(id, pos)
        WHERE ${modules.id} = v.id AND ${modules.courseId} = ${courseId}`);
    },

    async findLesson(id: string, tx: Executor = db) {
      const [row] = await tx
        .select({ lesson: lessons, hasQuiz: sql<boolean>`${quizzes.id} IS NOT NULL` })
        .from(lessons)
        .leftJoin(quizzes, eq(quizzes.lessonId, lessons.id))
        .where(eq(lessons.id, id))
        .limit(1);
      return row;
    },

    async lessonIds(moduleId: string, tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .select({ id: lessons.id })
        .from(lessons)
        .where(eq(lessons.moduleId, moduleId))
        .orderBy(asc(lessons.position));
      return rows.map((r) => r.id);
    },

    async insertLesson(
      values: Omit<typeof lessons.$inferInsert, "position">,
      position: number | undefined,
      tx: Executor = db,
    ): Promise<LessonRow> {
      const [{ next } = { next: 0 }] = await tx
        .select({ next: sql<number>`coalesce(max(${lessons.position}) + 1, 0)::int` })
        .from(lessons)
        .where(eq(lessons.moduleId, values.moduleId));
      const at = position === undefined ? next : Math.min(position, next);
      if (at < next) {
        await tx
          .update(lessons)
          .set({ position: sql`${lessons.position} + 1` })
          .where(and(eq(lessons.moduleId, values.moduleId), gte(lessons.position, at)));
      }
      const [row] = await tx
        .insert(lessons)
        .values({ ...values, position: at })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    /** Moving to another module appends the lesson at that module's end. */
    async updateLesson(
      id: string,
      values: Partial<typeof lessons.$inferInsert>,
      tx: Executor = db,
    ): Promise<LessonRow | undefined> {
      const moving = values.moduleId
        ? {
            position: sql`(select coalesce(max(l2.position) + 1, 0) from ${lessons} l2 where l2.module_id = ${values.moduleId} and l2.id <> ${id})`,
          }
        : {};
      const [row] = await tx
        .update(lessons)
        .set({ ...values, ...moving, updatedAt: new Date() })
        .where(eq(lessons.id, id))
        .returning();
      return row;
    },

    async deleteLesson(id: string, tx: Executor = db): Promise<void> {
      await tx.delete(lessons).where(eq(lessons.id, id));
    },

    async reorderLessons(moduleId: string, ids: string[], tx: Executor = db): Promise<void> {
      await tx.execute(sql`
        UPDATE ${lessons} SET position = v.pos - 1, updated_at = now()
        FROM unnest(${uuidArray(ids)}) WITH ORDINALITY AS v(id, pos)
        WHERE ${lessons.id} = v.id AND ${lessons.moduleId} = ${moduleId}`);
    },
  };
}
export type LessonRepo = ReturnType<typeof createLessonRepo>;
