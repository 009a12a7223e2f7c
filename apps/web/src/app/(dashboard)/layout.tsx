import type { ReactNode } from "react";
import { RequireSession } from "@/components/require-session";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSession
      fallback={
        <div className="mx-auto max-w-page px-4 py-12 sm:px-6 lg:px-8">
          <div className="h-9 w-64 animate-pulse rounded-xl bg-surface-muted" />
          <div className="mt-8 grid gap-4 sm:grid-cols-3">
            <div className="h-28 animate-pulse rounded-card bg-surface-muted" />
            <div className="h-28 animate-pulse rounded-card bg-surface-muted" />
            <div className="h-28 animate-pulse rounded-card bg-surface-muted" />
          </div>
        </div>
      }
    >
      {children}
    </RequireSession>
  );
}
