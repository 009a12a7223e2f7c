import { Meter } from "@/components/ui/meter";
import { Bone, DashboardSection, SectionError, SectionLoading } from "@/components/ui/section";
import type { Resource } from "@/lib/use-resource";
import type { AiUsage } from "../dashboard.api";
import { formatRelativeTime, plural } from "../dashboard-format";

const clock = new Intl.DateTimeFormat("en", { hour: "numeric", minute: "2-digit" });

/** Today's allowance of AI tutor answers and generated quizzes, as a meter, and when it renews. */
export function AiBudget({ resource, onRetry, now }: { resource: Resource<AiUsage>; onRetry: () => void; now?: Date }) {
  return (
    <DashboardSection id="ai-budget-title" title="Today's AI tutor budget">
      {resource.status === "loading" && (
        <SectionLoading label="Loading today's AI budget…">
          <div className="space-y-3">
            <Bone className="h-6 w-24" />
            <Bone className="h-3 w-full rounded-full" />
            <Bone className="h-3 w-2/3" />
          </div>
        </SectionLoading>
      )}
      {resource.status === "error" && (
        <SectionError what="today's AI budget" error={resource.error} onRetry={onRetry} />
      )}
      {resource.status === "ready" && <BudgetMeter usage={resource.data} now={now} />}
    </DashboardSection>
  );
}

function BudgetMeter({ usage, now }: { usage: AiUsage; now?: Date | undefined }) {
  const remaining = Math.max(0, usage.remaining);
  const resetsAt = new Date(usage.resets_at);
  const resets = `${clock.format(resetsAt)} (${formatRelativeTime(usage.resets_at, now)})`;
  return (
    <>
      <p className="flex items-baseline gap-1.5">
        <span className="text-2xl font-semibold tracking-tight">{usage.used}</span>
        <span className="text-sm text-muted">of {usage.limit} used today</span>
      </p>
      <Meter
        value={usage.used}
        max={usage.limit}
        label="AI requests used today"
        valueText={`${usage.used} of ${usage.limit} used, ${remaining} left`}
        className="mt-2"
      />
      <p className="mt-3 text-sm text-muted">
        {remaining > 0 ? (
          <>
            <span className="font-medium text-foreground">{plural(remaining, "request")} left.</span> Each tutor answer
            or practice quiz uses one; answers served again from the cache, refusals, “not covered” replies and errors
            are free.
          </>
        ) : (
          <span className="font-medium text-foreground">You've used today's AI requests.</span>
        )}{" "}
        {remaining > 0 ? "Renews" : "More"} at <time dateTime={usage.resets_at}>{resets}</time>.
      </p>
      {usage.premium && <p className="mt-2 text-xs font-medium text-accent">Premium: a larger daily allowance.</p>}
    </>
  );
}
