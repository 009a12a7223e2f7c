import type { InstructorProfile } from "@lumen/contracts";
import { notFound } from "../../lib/errors.js";
import { publicAvatarUrl } from "../user/user.presenter.js";
import type { InstructorRepo, InstructorRow } from "./instructor.repo.js";

export function createInstructorService(deps: { instructors: Pick<InstructorRepo, "findPublic"> }) {
  return {
    /** 404 alike for unknown ids, learners, disabled accounts and creators with nothing published. */
    async profile(id: string): Promise<InstructorProfile> {
      const row = await deps.instructors.findPublic(id);
      if (!row) throw notFound("Instructor");
      return presentInstructor(row);
    },
  };
}

export type InstructorService = ReturnType<typeof createInstructorService>;

export function presentInstructor(row: InstructorRow): InstructorProfile {
  const avatar = row.profile.avatar_url;
  return {
    id: row.id,
    full_name: row.fullName,
    bio: row.profile.bio?.trim() ?? "",
    avatar_url: publicAvatarUrl(avatar),
    teaching_since: row.teachingSince.toISOString(),
    stats: {
      course_count: row.courseCount,
      learner_count: row.learnerCount,
      review_count: row.reviewCount,
      rating_avg: Math.round(row.ratingAvg * 100) / 100,
    },
  };
}
