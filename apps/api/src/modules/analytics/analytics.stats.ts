import type { analyticsEvents, UserStats } from "@lumen/db";

export type AnalyticsEventType = (typeof analyticsEvents.$inferInsert)["type"];

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, `YYYY-MM-DD`: streaks count UTC days. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Seconds of lesson a completion adds to `minutes_learned`: its `duration_seconds`, when that is sane. */
export function learnedSeconds(type: AnalyticsEventType, data: Record<string, unknown> | undefined): number {
  if (type !== "lesson_completion") return 0;
  const seconds = data?.duration_seconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 86_400) : 0;
}

/**
 * A learner's stats after one event on `day`. Streaks: a second event on the same day changes nothing, the next
 * day extends the streak, a gap restarts it at 1 (an event dated before the last active day counts as that day).
 * `analytics.repo.ts` runs the same rule in SQL, atomically; tests hold the two together.
 */
export function nextUserStats(
  stats: UserStats,
  event: { completesLesson: boolean; durationSeconds: number },
  day: string,
): UserStats {
  const last = stats.last_active_date;
  const gap = last ? dayNumber(day) - dayNumber(last) : null;
  const current =
    gap === null ? 1 : gap <= 0 ? stats.current_streak_days : gap === 1 ? stats.current_streak_days + 1 : 1;
  return {
    lessons_completed: stats.lessons_completed + (event.completesLesson ? 1 : 0),
    minutes_learned: event.completesLesson
      ? Math.round((stats.minutes_learned + event.durationSeconds / 60) * 10) / 10
      : stats.minutes_learned,
    current_streak_days: current,
    best_streak_days: Math.max(stats.best_streak_days, current),
    last_active_date: last && gap !== null && gap < 0 ? last : day,
  };
}
