import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses.js";
import { users } from "./users.js";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/**
 * The daily review's recall cards: one key idea of a completed lesson (term → meaning, with the second it is said)
 * and the learner's FSRS memory state for it. Built by a job when the lesson is completed; one card per term per
 * lesson and learner, so a rebuild never duplicates.
 */
export const recallCards = pgTable(
  "recall_cards",
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
    cardKey: text("card_key").notNull(),
    kind: text("kind", { enum: ["definition", "key_idea"] }).notNull(),
    term: text("term").notNull(),
    meaning: text("meaning").notNull(),
    cueSeconds: real("cue_seconds"),
    /** FSRS state (ts-fsrs `Card`): when it is due next and what the scheduler knows of the learner's memory. */
    due: ts("due").notNull(),
    stability: real("stability").notNull().default(0),
    difficulty: real("difficulty").notNull().default(0),
    elapsedDays: integer("elapsed_days").notNull().default(0),
    scheduledDays: integer("scheduled_days").notNull().default(0),
    learningSteps: integer("learning_steps").notNull().default(0),
    reps: integer("reps").notNull().default(0),
    lapses: integer("lapses").notNull().default(0),
    /** 0 new, 1 learning, 2 review, 3 relearning. */
    state: smallint("state").notNull().default(0),
    lastReview: ts("last_review"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("recall_cards_user_lesson_key_uq").on(t.userId, t.lessonId, t.cardKey),
    index("recall_cards_user_due_idx").on(t.userId, t.due),
  ],
);

/**
 * One grading of a card. The client names each review with its own id, so a resent or double-clicked grade is
 * recognised (the primary key) and answered with the first outcome instead of scheduling the card twice.
 */
export const recallReviews = pgTable(
  "recall_reviews",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cardId: uuid("card_id")
      .notNull()
      .references(() => recallCards.id, { onDelete: "cascade" }),
    /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
    rating: smallint("rating").notNull(),
    dueBefore: ts("due_before").notNull(),
    dueAfter: ts("due_after").notNull(),
    reviewedAt: ts("reviewed_at").notNull(),
  },
  (t) => [index("recall_reviews_user_time_idx").on(t.userId, t.reviewedAt)],
);

/** A finished daily review (UTC day): recorded once, when it also counts toward the learner's streak. */
export const recallSessions = pgTable(
  "recall_sessions",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    cards: integer("cards").notNull(),
    completedAt: ts("completed_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
