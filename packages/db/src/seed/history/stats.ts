import type { UserStats } from "../../schema/index.js";
import type { ActivityPlan } from "./plan.js";

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/**
 * Each learner's `stats` after all their events, folded in time order by the recorder's rule
 * (`nextUserStats` in the API's analytics module, which the history test holds this to): lessons completed,
 * minutes learned from the completed lessons' lengths, and streaks of consecutive UTC days with any event.
 */
export function statsFromEvents(events: ActivityPlan["events"]): Map<string, UserStats> {
  const stats = new Map<string, UserStats>();
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    const before = stats.get(event.userId) ?? {
      lessons_completed: 0,
      minutes_learned: 0,
      current_streak_days: 0,
      best_streak_days: 0,
      last_active_date: null,
    };
    const completes = event.type === "lesson_completion";
    const duration = completes ? learnedSeconds(event.data.duration_seconds) : 0;
    const day = new Date(event.at).toISOString().slice(0, 10);
    const gap = before.last_active_date ? dayNumber(day) - dayNumber(before.last_active_date) : null;
    const current =
      gap === null ? 1 : gap <= 0 ? before.current_streak_days : gap === 1 ? before.current_streak_days + 1 : 1;
    stats.set(event.userId, {
      lessons_completed: before.lessons_completed + (completes ? 1 : 0),
      minutes_learned: completes
        ? Math.round((before.minutes_learned + duration / 60) * 10) / 10
        : before.minutes_learned,
      current_streak_days: current,
      best_streak_days: Math.max(before.best_streak_days, current),
      last_active_date: before.last_active_date && gap !== null && gap < 0 ? before.last_active_date : day,
    });
  }
  return stats;
}

function learnedSeconds(seconds: unknown): number {
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 86_400) : 0;
}
