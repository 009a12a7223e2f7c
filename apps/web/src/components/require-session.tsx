"use client";

import type { Role } from "@lumen/contracts";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useSession } from "@/features/auth/session";
import { ButtonLink } from "./button-link";
import { StatusPanel } from "./status-panel";

/** A page's heading and a panel, in outline, while the session is checked. */
const PAGE_SKELETON = (
  <div className="mx-auto max-w-page px-4 py-12 sm:px-6 lg:px-8">
    <div className="h-9 w-64 animate-pulse rounded-xl bg-surface-muted" />
    <div className="mt-8 h-64 animate-pulse rounded-card bg-surface-muted" />
  </div>
);

/** An area for some roles only: which ones, and why it is closed to the others, in words. */
type RoleGate = { roles?: undefined; denied?: undefined } | { roles: readonly Role[]; denied: string };

/**
 * Pages for signed-in people: waits for the session, sends guests to log in and back here afterwards. With
 * `roles`, people without one of them are told `denied` (the API checks the role again on every call).
 */
export function RequireSession({
  children,
  fallback = PAGE_SKELETON,
  roles,
  denied,
}: {
  children: ReactNode;
  fallback?: ReactNode;
} & RoleGate) {
  const status = useSession((s) => s.status);
  const role = useSession((s) => s.user?.role);
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (status === "anonymous") {
      const query = typeof window === "undefined" ? "" : window.location.search;
      router.replace(`/login?next=${encodeURIComponent(`${pathname}${query}`)}`);
    }
  }, [status, router, pathname]);

  if (status !== "authenticated") {
    return (
      <div role="status" aria-live="polite">
        <span className="sr-only">{status === "anonymous" ? "Redirecting to log in…" : "Loading your session…"}</span>
        {fallback}
      </div>
    );
  }
  if (roles && (!role || !roles.includes(role))) {
    return (
      <div className="px-4 py-16 sm:px-6">
        <StatusPanel
          role="alert"
          headingLevel={1}
          title="This area isn't open to your account"
          actions={<ButtonLink href="/dashboard">Go to my learning</ButtonLink>}
        >
          {denied}
        </StatusPanel>
      </div>
    );
  }
  return <>{children}</>;
}
