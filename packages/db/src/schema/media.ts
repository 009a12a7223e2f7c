import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { courses } from "./courses.js";
import { users } from "./users.js";

/**
 * An uploaded file (lesson video, course image). The bytes live in the storage driver under `storage_key`;
 * this row is what the API trusts: the type was sniffed from the content, never taken from the client.
 * Assets are immutable (a new upload is a new id), so `sha256` is a strong HTTP validator forever.
 */
export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** The course it was uploaded for; null = the uploader's own library. */
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["video", "image"] }).notNull(),
    contentType: text("content_type").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull().unique(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("media_assets_owner_idx").on(t.ownerId), index("media_assets_course_idx").on(t.courseId)],
);
