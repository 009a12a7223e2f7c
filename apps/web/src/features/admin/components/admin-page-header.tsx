import type { ReactNode } from "react";

/** A console page's title and what it is for; `actions` sit beside the title on wide screens. */
export function AdminPageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="max-w-2xl">
        <h1 className="font-display text-3xl font-semibold tracking-tight text-balance">{title}</h1>
        <p className="mt-2 text-pretty text-muted">{description}</p>
      </div>
      {actions && <div className="shrink-0">{actions}</div>}
    </header>
  );
}
