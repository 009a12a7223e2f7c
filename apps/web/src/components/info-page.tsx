import type { ReactNode } from "react";

export interface InfoSection {
  id: string;
  title: string;
  body: ReactNode;
}

/**
 * The layout of the site's reading pages (about, help, terms, privacy): a title and a lead, a contents list that
 * jumps to each section, and the sections in the lesson's reading style.
 */
export function InfoPage({
  title,
  lead,
  updated,
  sections,
  children,
}: {
  title: string;
  lead: ReactNode;
  /** ISO date of the last change, shown for policies. */
  updated?: string;
  sections: InfoSection[];
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-page px-4 py-12 sm:px-6 sm:py-16 lg:px-8">
      <header className="max-w-3xl">
        <h1 className="font-display text-4xl font-semibold tracking-tight text-foreground sm:text-5xl">{title}</h1>
        <p className="mt-4 text-lg leading-relaxed text-muted">{lead}</p>
        {updated ? (
          <p className="mt-3 text-sm text-muted">
            Last updated <time dateTime={updated}>{formatUpdated(updated)}</time>
          </p>
        ) : null}
      </header>
      <div className="mt-10 grid gap-10 lg:grid-cols-[14rem_minmax(0,1fr)]">
        {sections.length > 2 ? (
          <nav aria-label="On this page" className="lg:sticky lg:top-24 lg:self-start">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted">On this page</p>
            <ol className="mt-3 space-y-2 text-sm">
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`} className="text-muted underline-offset-4 hover:text-foreground hover:underline">
                    {s.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        ) : (
          <div aria-hidden="true" className="hidden lg:block" />
        )}
        <div className="min-w-0 space-y-12">
          {sections.map((s) => (
            <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="scroll-mt-24">
              <h2 id={`${s.id}-title`} className="font-display text-2xl font-semibold tracking-tight text-foreground">
                {s.title}
              </h2>
              <div className="lesson-prose mt-4 text-foreground">{s.body}</div>
            </section>
          ))}
          {children}
        </div>
      </div>
    </div>
  );
}

function formatUpdated(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}
