import type { ReactNode } from "react";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

/** Account pages: one centred card under the site header, roomy on a desk, edge to edge on a phone. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-32 -z-10 h-[28rem] bg-[radial-gradient(50%_60%_at_50%_20%,var(--color-primary-soft),transparent_70%)]"
      />
      <div className="mx-auto flex w-full max-w-md flex-col px-4 pt-8 pb-4 sm:px-0 sm:pt-16">
        <div className="rounded-card border border-border bg-surface px-5 py-7 shadow-card sm:px-8 sm:py-9">
          {children}
        </div>
      </div>
    </div>
  );
}
