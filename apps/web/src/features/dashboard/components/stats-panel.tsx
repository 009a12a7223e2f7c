import type { User } from "@lumen/contracts";
import { DashboardSection } from "@/components/ui/section";
import { formatMinutes, plural } from "../dashboard-format";

function Stat({ label, value, accent = false }: { label: string; value: string; accent?: boolean }) {
  return (
    <div className="rounded-xl bg-surface-muted px-4 py-3">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tracking-tight ${accent ? "text-accent" : "text-foreground"}`}>
        {value}
      </dd>
    </div>
  );
}

/** Streaks, time spent and lessons done, from the learner's own record. */
export function StatsPanel({ stats }: { stats: User["stats"] }) {
  return (
    <DashboardSection id="stats-title" title="Your progress">
      <dl className="grid grid-cols-2 gap-3">
        <Stat label="Current streak" value={plural(stats.current_streak_days, "day")} accent />
        <Stat label="Best streak" value={plural(stats.best_streak_days, "day")} />
        <Stat label="Time learning" value={formatMinutes(stats.minutes_learned)} />
        <Stat label="Lessons completed" value={String(stats.lessons_completed)} />
      </dl>
    </DashboardSection>
  );
}
