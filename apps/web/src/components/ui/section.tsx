import type { ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { errorText } from "@/lib/error-text";

/** One dashboard panel: a titled card that loads, fails and empties on its own. */
export function DashboardSection({
  id,
  title,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {action}
      </div>
      {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** One titled part of a full-width page (admin overview, course analytics): a heading, an optional line, content. */
export function PageSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-pretty text-muted">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Placeholder shapes while a section loads, announced once in words. */
export function SectionLoading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        {children}
      </div>
    </div>
  );
}

export function Bone({ className }: { className: string }) {
  return <div className={`rounded-lg bg-surface-muted ${className}`} />;
}

/** A section that failed to load: what happened, in words, and a way to try again. */
export function SectionError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-danger/25 bg-danger-soft px-4 py-4 text-sm">
      <p className="font-medium text-foreground">We couldn't load {what}.</p>
      <p className="mt-1 text-muted">{errorText(error)}</p>
      <button type="button" onClick={onRetry} className={`${buttonClasses("secondary", "sm")} mt-3`}>
        Try again
      </button>
    </div>
  );
}

/** A section with nothing in it yet: a friendly line and, usually, where to go next. */
export function SectionEmpty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
      <p>{children}</p>
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}
