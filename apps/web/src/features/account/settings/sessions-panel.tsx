"use client";

import type { AccountSession } from "@lumen/contracts";
import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { listSessions, revokeOtherSessions, revokeSession } from "./settings.api";

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Where the account is signed in, with a way to sign any other device out, or all of them. */
export function SessionsPanel({ reloadKey = 0 }: { reloadKey?: number }) {
  const [attempt, setAttempt] = useState(0);
  const sessions = useResource(`sessions:${reloadKey}:${attempt}`, (signal) => listSessions(signal));
  const [busy, setBusy] = useState<string | null>(null);
  const [alert, setAlert] = useState<{ tone: "danger" | "success"; text: string } | null>(null);

  async function run(key: string, action: () => Promise<string>) {
    if (busy) return;
    setBusy(key);
    setAlert(null);
    try {
      setAlert({ tone: "success", text: await action() });
      setAttempt((n) => n + 1);
    } catch (error) {
      setAlert({ tone: "danger", text: errorText(error) });
    } finally {
      setBusy(null);
    }
  }

  if (sessions.status === "loading") return <div className="h-24 animate-pulse rounded-xl bg-surface-muted" />;
  if (sessions.status === "error")
    return (
      <FormAlert>
        {errorText(sessions.error)}{" "}
        <button type="button" className="font-medium underline" onClick={sessions.retry}>
          Try again
        </button>
      </FormAlert>
    );

  const list: AccountSession[] = sessions.data;
  const others = list.filter((s) => !s.current);
  return (
    <div className="space-y-4">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <ul className="divide-y divide-border rounded-xl border border-border">
        {list.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0">
              <p className="font-medium">
                {s.device}
                {s.current && (
                  <span className="ml-2 rounded-full bg-primary-soft px-2 py-0.5 text-xs font-semibold text-primary">
                    This device
                  </span>
                )}
              </p>
              <p className="text-sm text-muted">
                Signed in {when(s.created_at)} · last active {when(s.last_used_at)}
              </p>
            </div>
            {!s.current && (
              <button
                type="button"
                aria-disabled={busy !== null || undefined}
                aria-label={`Sign out ${s.device}, last active ${when(s.last_used_at)}`}
                className={buttonClasses("secondary", "sm")}
                onClick={() =>
                  run(s.id, async () => {
                    await revokeSession(s.id);
                    return `${s.device} was signed out.`;
                  })
                }
              >
                {busy === s.id ? "Signing out…" : "Sign out"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          aria-disabled={busy !== null || undefined}
          className={buttonClasses("secondary")}
          onClick={() =>
            run("others", async () => {
              const n = await revokeOtherSessions();
              return n === 1 ? "1 other device was signed out." : `${n} other devices were signed out.`;
            })
          }
        >
          {busy === "others" ? "Signing out other devices…" : "Sign out other devices"}
        </button>
      ) : (
        <p className="text-sm text-muted">You aren't signed in anywhere else.</p>
      )}
    </div>
  );
}
