"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { useSession } from "@/features/auth/session";

type Decision = "pending" | "guest" | "member";

/**
 * For the login and sign-up pages: someone already signed in when they arrive is sent on to `destination`.
 * The check is made once, on arrival; signing in on this very page is the form's business (it navigates, or,
 * after sign-up, first shows the "check your email" note).
 */
export function GuestOnly({ destination, children }: { destination: string; children: ReactNode }) {
  const status = useSession((s) => s.status);
  const router = useRouter();
  const [decision, setDecision] = useState<Decision>(() => (status === "anonymous" ? "guest" : "pending"));

  useEffect(() => {
    if (decision !== "pending" || status === "unknown") return;
    if (status === "authenticated") {
      setDecision("member");
      router.replace(destination);
    } else {
      setDecision("guest");
    }
  }, [decision, status, destination, router]);

  if (decision === "guest") return <>{children}</>;
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">
        {decision === "member" ? "You're already logged in. Taking you on…" : "Checking whether you're logged in…"}
      </span>
      <div aria-hidden="true" className="h-9 w-2/3 rounded-xl bg-surface-muted motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-4 w-full rounded-lg bg-surface-muted motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-11 w-full rounded-xl bg-surface-muted motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-11 w-full rounded-xl bg-surface-muted motion-safe:animate-pulse" />
    </div>
  );
}
