"use client";

import type { FailedJob } from "@lumen/contracts";
import { useState } from "react";
import { Bone, SectionError, SectionLoading } from "@/components/ui/section";
import { useAuthResource } from "@/lib/use-auth-resource";
import { jobsOverview, retryJob } from "../../admin.api";
import { adminErrorText } from "../../admin-errors";
import { formatCount, formatDateTime } from "../../admin-format";
import { AdminPageHeader } from "../admin-page-header";
import { Badge } from "../badge";

const STATES = [
  ["waiting", "Waiting"],
  ["active", "Running"],
  ["delayed", "Delayed"],
  ["completed", "Completed"],
  ["failed", "Failed"],
] as const;

function FailedRow({ job, onRetried }: { job: FailedJob; onRetried: () => void }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function retry() {
    setState({ busy: true, error: null });
    try {
      await retryJob(job.id);
      onRetried();
    } catch (error) {
      setState({ busy: false, error: adminErrorText(error) });
    }
  }
  return (
    <li className="rounded-card border border-border border-l-4 border-l-danger bg-surface p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="font-medium">
            {job.name} <span className="text-sm font-normal text-muted">· {job.id}</span>
          </p>
          <p className="mt-1 break-words text-sm text-danger">{job.error || "No error message"}</p>
          <p className="mt-1 text-sm text-muted">
            {job.attempts} {job.attempts === 1 ? "attempt" : "attempts"}
            {job.failed_at ? ` · failed ${formatDateTime(job.failed_at)}` : ""}
          </p>
          {state.error && (
            <p role="alert" className="mt-2 text-sm text-danger">
              {state.error}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={retry}
          disabled={state.busy}
          className="inline-flex h-10 shrink-0 items-center rounded-lg border border-border-strong px-4 text-sm font-medium hover:bg-surface-muted disabled:opacity-60"
        >
          {state.busy ? "Retrying…" : "Retry"}
        </button>
      </div>
    </li>
  );
}

/** Background jobs: how many wait, run and failed, and the dead letters an admin can run again. */
export function JobsView() {
  const overview = useAuthResource(jobsOverview());
  return (
    <div>
      <AdminPageHeader
        title="Jobs"
        description="Background work: mail delivery, tutor re-indexing, security alerts and cleanups. A job that failed its last attempt stays here until you retry it."
        actions={
          <button
            type="button"
            onClick={overview.retry}
            className="inline-flex h-10 items-center rounded-lg border border-border-strong px-4 text-sm font-medium hover:bg-surface-muted"
          >
            Refresh
          </button>
        }
      />
      <div className="mt-8">
        {overview.status === "loading" && (
          <SectionLoading label="Loading jobs…">
            <Bone className="h-24 rounded-card" />
          </SectionLoading>
        )}
        {overview.status === "error" && (
          <SectionError what="the jobs" error={overview.error} onRetry={overview.retry} />
        )}
        {overview.status === "ready" && (
          <>
            <section aria-labelledby="job-counts">
              <h2 id="job-counts" className="text-sm font-medium text-muted">
                Jobs by state <Badge>{overview.data.driver === "bullmq" ? "Redis (BullMQ)" : "in-process"}</Badge>
              </h2>
              <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
                {STATES.map(([key, label]) => (
                  <div key={key} className="rounded-card border border-border bg-surface p-4">
                    <dt className="text-sm text-muted">{label}</dt>
                    <dd
                      className={`mt-1 text-2xl font-semibold ${key === "failed" && overview.data.counts.failed > 0 ? "text-danger" : ""}`}
                    >
                      {formatCount(overview.data.counts[key])}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <section aria-labelledby="failed-jobs" className="mt-10">
              <h2 id="failed-jobs" className="text-xl font-semibold tracking-tight">
                Failed jobs
              </h2>
              {overview.data.failed.length === 0 ? (
                <p className="mt-3 text-muted">No failed jobs. Every job finished or is still being retried.</p>
              ) : (
                <ul aria-label="Failed jobs" className="mt-4 space-y-3">
                  {overview.data.failed.map((job) => (
                    <FailedRow key={job.id} job={job} onRetried={overview.retry} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
    </div>
  );
}
