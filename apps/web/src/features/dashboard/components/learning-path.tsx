"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ButtonLink } from "@/components/button-link";
import { Bone, DashboardSection, SectionEmpty, SectionError, SectionLoading } from "@/components/ui/section";
import type { Resource } from "@/lib/use-resource";
import type { LearningPathItem } from "../dashboard.api";
import { pathItemHref } from "../dashboard-format";

const KINDS: Record<LearningPathItem["kind"], { label: string; className: string }> = {
  resume: { label: "Pick up again", className: "bg-primary-soft text-primary" },
  review: { label: "Review", className: "bg-accent-soft text-accent" },
  continue: { label: "Next lesson", className: "bg-primary-soft text-primary" },
  next_course: { label: "New course", className: "bg-surface-muted text-foreground" },
};

const VISIBLE = 4;

/** The tutor's suggested next steps, each with why it is suggested. */
export function LearningPath({
  resource,
  onRetry,
}: {
  resource: Resource<{ items: LearningPathItem[] }>;
  onRetry: () => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const items = resource.status === "ready" ? resource.data.items : [];
  const shown = expanded ? items : items.slice(0, VISIBLE);

  return (
    <DashboardSection
      id="path-title"
      title="Your learning path"
      description="Suggested next steps, based on where you are in your courses and your quiz results."
    >
      {resource.status === "loading" && (
        <SectionLoading label="Loading your learning path…">
          <div className="space-y-4">
            {[0, 1, 2].map((i) => (
              <div key={i} className="space-y-2">
                <Bone className="h-4 w-20 rounded-full" />
                <Bone className="h-4 w-3/4" />
                <Bone className="h-3 w-full" />
              </div>
            ))}
          </div>
        </SectionLoading>
      )}
      {resource.status === "error" && (
        <SectionError what="your learning path" error={resource.error} onRetry={onRetry} />
      )}
      {resource.status === "ready" && items.length === 0 && (
        <SectionEmpty action={<ButtonLink href="/courses">Browse the catalog</ButtonLink>}>
          Your path fills in as you learn. Join a course and we'll suggest what to do next.
        </SectionEmpty>
      )}
      {resource.status === "ready" && items.length > 0 && (
        <>
          <ol id={listId} className="space-y-3">
            {shown.map((item) => {
              const kind = KINDS[item.kind];
              return (
                <li
                  key={`${item.kind}-${item.course_id}-${item.lesson_id ?? ""}`}
                  className="relative rounded-xl border border-border px-4 py-3 transition-colors hover:border-border-strong/60 hover:bg-surface-muted/60 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-focus"
                >
                  <p className="flex flex-wrap items-center gap-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${kind.className}`}>
                      {kind.label}
                    </span>
                  </p>
                  <h3 className="mt-1.5 font-medium leading-snug">
                    <Link
                      href={pathItemHref(item)}
                      className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-hidden"
                    >
                      {item.title}
                    </Link>
                  </h3>
                  <p className="mt-0.5 text-sm text-muted">{item.reason}</p>
                </li>
              );
            })}
          </ol>
          {items.length > VISIBLE && (
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded((v) => !v)}
              className="mt-3 text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              {expanded ? "Show fewer" : `Show all ${items.length} steps`}
            </button>
          )}
        </>
      )}
    </DashboardSection>
  );
}
