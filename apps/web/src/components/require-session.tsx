"use client";

import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useSession } from "@/features/auth/session";

/** Pages for signed-in people: waits for the session, sends guests to log in and back here afterwards. */
export function RequireSession({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const status = useSession((s) => s.status);
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
  return <>{children}</>;
}
