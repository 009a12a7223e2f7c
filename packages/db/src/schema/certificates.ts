import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { courses } from "./courses.js";
import { users } from "./users.js";

/**
 * Certificates of completion: one per learner and course, issued once every lesson is complete and every lesson
 * quiz passed. The names and the title are copied at issue time (a certificate states what was true then; a later
 * rename of the learner, the course or its creator doesn't rewrite it). `code` is the public, unguessable
 * verification code (base32); a refund revokes the certificate, which keeps its row so its link says "revoked".
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    learnerName: text("learner_name").notNull(),
    courseTitle: text("course_title").notNull(),
    creatorName: text("creator_name").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    // One certificate per learner and course: concurrent issuers meet here (ON CONFLICT DO NOTHING).
    uniqueIndex("certificates_user_course_key").on(t.userId, t.courseId),
    uniqueIndex("certificates_code_key").on(t.code),
    index("certificates_course_idx").on(t.courseId),
    check("certificates_code_format", sql`${t.code} ~ '^[A-Z2-7]{16}$'`),
  ],
);
