import type { AuthContext } from "../auth/auth.service.js";
import type { PathRepo } from "./ai.path.repo.js";

export interface PathItem {
  kind: "resume" | "review" | "continue" | "next_course";
  course_id: string;
  lesson_id?: string;
  title: string;
  reason: string;
}

const LEVEL_NAME: Record<string, string> = { beginner: "beginner", intermediate: "intermediate", advanced: "advanced" };

/**
 * The learning path: resume what is half-watched, review what a quiz showed is shaky, continue each course,
 * then courses that fit what the learner has done. The ranking is computed, so it is the same on every
 * provider; each reason says why the step is there.
 */
export function createPathService(
  repo: PathRepo,
  /** Writes the learner's buffered progress reports first, so a lesson just watched is where they resume. */
  flushProgress?: (userId: string) => Promise<void>,
) {
  return {
    async forLearner(auth: AuthContext): Promise<{ items: PathItem[] }> {
      await flushProgress?.(auth.userId);
      const [started, failed, next, courses] = await Promise.all([
        repo.inProgress(auth.userId),
        repo.failedQuizzes(auth.userId),
        repo.nextLessons(auth.userId),
        repo.recommendedCourses(auth.userId),
      ]);
      const items: PathItem[] = [];
      const seenLessons = new Set<string>();
      const push = (item: PathItem) => {
        if (item.lesson_id && seenLessons.has(item.lesson_id)) return;
        if (item.lesson_id) seenLessons.add(item.lesson_id);
        items.push(item);
      };
      for (const s of started) {
        const pct = Math.round(Number(s.watch_percentage));
        push({
          kind: "resume",
          course_id: s.course_id,
          lesson_id: s.lesson_id,
          title: s.lesson_title,
          reason:
            pct > 0
              ? `You are ${pct}% through this lesson of ${s.course_title}: pick up where you stopped.`
              : `You opened this lesson of ${s.course_title} but haven't finished it.`,
        });
      }
      for (const f of failed) {
        push({
          kind: "review",
          course_id: f.course_id,
          lesson_id: f.lesson_id,
          title: f.lesson_title,
          reason: `Your last quiz on this lesson missed ${f.missed} of ${f.total} questions (best score ${Math.round(Number(f.best_score))}%). Review it, then try the quiz again.`,
        });
      }
      for (const n of next) {
        push({
          kind: "continue",
          course_id: n.course_id,
          lesson_id: n.lesson_id,
          title: n.lesson_title,
          reason: `The next lesson in ${n.course_title}.`,
        });
      }
      for (const c of courses) {
        const reason = c.goal
          ? `Matches your goal “${c.goal}”: a ${LEVEL_NAME[c.level]} course in ${c.category}.`
          : c.taken_category
            ? c.taken_level && c.taken_level !== c.level
              ? `A ${LEVEL_NAME[c.level]} ${c.category} course: a step on from the ${LEVEL_NAME[c.taken_level]} ${c.category} course you took.`
              : `More ${c.category} at the ${LEVEL_NAME[c.level]} level, like the course you took.`
            : c.co_learners > 0
              ? `Popular with ${c.co_learners} learner${c.co_learners === 1 ? "" : "s"} who take the same courses as you.`
              : `A well-rated ${LEVEL_NAME[c.level]} course in ${c.category} to start with.`;
        items.push({ kind: "next_course", course_id: c.course_id, title: c.title, reason });
      }
      return { items: items.slice(0, 12) };
    },
  };
}
export type PathService = ReturnType<typeof createPathService>;
