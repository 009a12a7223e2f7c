"use client";

import type { Role } from "@lumen/contracts";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useSession } from "@/features/auth/session";
import { ButtonLink } from "./button-link";
import { StatusPanel } from "./status-panel";

/**
 * Pages for signed-in people: waits for the session, sends guests to log in and back here afterwards. With
 * `roles`, people without one of them are told so in words (the API checks the role again on every call).
 */
export function RequireSession({
  children,
  fallback,
  roles,
}: {
  children: ReactNode;
  fallback: ReactNode;
  roles?: readonly Role[];
}) {
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
          {roles.includes("creator")
            ? "The creator studio is for creators and admins. Ask an admin to make your account a creator account."
            : "The admin console is for administrators only."}
        </StatusPanel>
      </div>
    );
  }
  return <>{children}</>;
}
