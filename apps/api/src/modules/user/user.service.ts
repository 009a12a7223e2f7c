import type { ProfileUpdate, User } from "@lumen/contracts";
import type { PublicReads } from "../../lib/cache-public.js";
import type { FieldCipher } from "../../lib/crypto.js";
import { unauthorized } from "../../lib/errors.js";
import { presentUser } from "./user.presenter.js";
import type { UserRepo } from "./user.repo.js";
import type { UserExport } from "./user-export.repo.js";

export function createUserService(deps: {
  users: Pick<UserRepo, "findById" | "updateProfile" | "coursesShowing">;
  exporter: UserExport;
  /** Catalog cards, course pages and reviews show a person's name: cached copies start over when it changes. */
  cache: Pick<PublicReads, "courseChanged">;
  cipher: FieldCipher;
  /** Writes the learner's buffered progress reports, so the export holds everything acknowledged. */
  flushProgress?: (userId: string) => Promise<void>;
}) {
  const { users, exporter, cipher } = deps;
  return {
    /** Name, bio, level and goals; an empty bio or no goals remove them, a null level lets the tutor judge. */
    async updateProfile(userId: string, input: ProfileUpdate): Promise<User> {
      const profile: Record<string, unknown> = {};
      if (input.bio !== undefined) profile.bio = input.bio === "" ? null : input.bio;
      if (input.skill_level !== undefined) profile.skill_level = input.skill_level;
      if (input.learning_goals !== undefined) {
        // The same goal twice, in any case, is one goal.
        const seen = new Set<string>();
        const goals = input.learning_goals.filter((g) => {
          const key = g.toLowerCase();
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        profile.learning_goals = goals.length > 0 ? goals : null;
      }
      const row = await users.updateProfile(userId, {
        ...(input.full_name !== undefined ? { fullName: input.full_name } : {}),
        profile,
      });
      if (!row) throw unauthorized("Account no longer exists");
      if (input.full_name !== undefined) await publicPagesChanged(deps, userId);
      return presentUser(row, cipher);
    },

    /** A JSON copy of everything held about the user (GDPR article 15 / 20). */
    async exportData(userId: string): Promise<{ filename: string; body: Record<string, unknown> }> {
      const row = await users.findById(userId);
      if (!row) throw unauthorized("Account no longer exists");
      const exportedAt = new Date();
      await deps.flushProgress?.(userId);
      const data = await exporter.collect(userId);
      return {
        filename: `lumen-data-${exportedAt.toISOString().slice(0, 10)}.json`,
        body: { exported_at: exportedAt.toISOString(), account: presentUser(row, cipher), ...data },
      };
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;

/** After a change to what the public sees of a person (name, picture): every cached page showing them. */
export async function publicPagesChanged(
  deps: { users: Pick<UserRepo, "coursesShowing">; cache: Pick<PublicReads, "courseChanged"> },
  userId: string,
): Promise<void> {
  for (const courseId of await deps.users.coursesShowing(userId)) await deps.cache.courseChanged(courseId);
}
