import { courses, type Executor, lessons, mediaAssets } from "@lumen/db";
import { and, eq, isNull, like } from "drizzle-orm";

export type MediaAssetRow = typeof mediaAssets.$inferSelect;

export function createMediaRepo(db: Executor) {
  return {
    async insert(values: typeof mediaAssets.$inferInsert): Promise<MediaAssetRow> {
      const [row] = await db.insert(mediaAssets).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    /** The asset and the creator of the course it was uploaded for (null without a course). */
    async find(id: string): Promise<(MediaAssetRow & { courseCreatorId: string | null }) | undefined> {
      const [row] = await db
        .select({ asset: mediaAssets, courseCreatorId: courses.creatorId })
        .from(mediaAssets)
        .leftJoin(courses, eq(courses.id, mediaAssets.courseId))
        .where(eq(mediaAssets.id, id))
        .limit(1);
      return row ? { ...row.asset, courseCreatorId: row.courseCreatorId } : undefined;
    },

    /** Deletes one of the owner's library uploads stored under `keyPrefix`; its storage key, or null if none. */
    async removeOwned(id: string, ownerId: string, keyPrefix: string): Promise<string | null> {
      const [row] = await db
        .delete(mediaAssets)
        .where(
          and(
            eq(mediaAssets.id, id),
            eq(mediaAssets.ownerId, ownerId),
            isNull(mediaAssets.courseId),
            like(mediaAssets.storageKey, `${keyPrefix}%`),
          ),
        )
        .returning({ key: mediaAssets.storageKey });
      return row?.key ?? null;
    },

    /** The courses some lesson of which plays this video (at most a few: enough to tell whose it is). */
    async coursesWithVideo(url: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ courseId: lessons.courseId })
        .from(lessons)
        .where(eq(lessons.videoUrl, url))
        .limit(8);
      return rows.map((r) => r.courseId);
    },

    /** Lessons whose video is this URL (the asset's stored reference). */
    async lessonIdsWithVideo(url: string): Promise<string[]> {
      const rows = await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.videoUrl, url));
      return rows.map((r) => r.id);
    },
  };
}
export type MediaRepo = ReturnType<typeof createMediaRepo>;
