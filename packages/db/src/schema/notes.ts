import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses.js";
import { users } from "./users.js";

/**
 * A learner's notes and bookmarks, each pinned to a second of a video lesson or to a paragraph of a reading.
 * Private to their author; keyed by user first, as every learner-owned row is.
 */
export const lessonNotes = pgTable(
  "lesson_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["note", "bookmark"] }).notNull(),
    body: text("body").notNull().default(""),
    positionSeconds: real("position_seconds"),
    paragraph: integer("paragraph"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("lesson_notes_user_course_idx").on(t.userId, t.courseId),
    index("lesson_notes_lesson_idx").on(t.lessonId),
    // Exactly one anchor: a second of a video or a paragraph of a reading.
    check("lesson_notes_one_anchor", sql`(${t.positionSeconds} is null) <> (${t.paragraph} is null)`),
  ],
);
