import type { ReactNode } from "react";
import { RequireSession } from "@/components/require-session";

// The admin console (/admin…): admins only. Every API call it makes checks the role again.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSession
      roles={["admin"]}
      fallback={
        <div className="mx-auto max-w-page px-4 py-12 sm:px-6 lg:px-8">
          <div className="h-9 w-64 animate-pulse rounded-xl bg-surface-muted" />
          <div className="mt-8 h-64 animate-pulse rounded-card bg-surface-muted" />
        </div>
      }
    >
      {children}
    </RequireSession>
  );
}
