"use client";

import type { NotificationPreferencesUpdate, NotificationPreferences as Preferences } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { getNotificationPreferences, updateNotificationPreferences } from "./notifications.api";

const CHECKBOX = "size-5 accent-(--color-primary)";

/** Account settings: per kind, in-app and email; and the weekly progress email. Each change is saved at once. */
export function NotificationPreferences() {
  const loaded = useResource("notification-preferences", (signal) => getNotificationPreferences(signal));
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<{ tone: "danger" | "success"; text: string } | null>(null);

  // What was loaded seeds the form once; later answers (each save) replace it.
  const initial = loaded.status === "ready" ? loaded.data : null;
  useEffect(() => {
    if (initial) setPrefs(initial);
  }, [initial]);

  async function save(change: NotificationPreferencesUpdate) {
    if (saving) return;
    setSaving(true);
    setAlert(null);
    try {
      setPrefs(await updateNotificationPreferences(change));
      setAlert({ tone: "success", text: "Notification settings saved." });
    } catch (error) {
      setAlert({ tone: "danger", text: errorText(error) });
    } finally {
      setSaving(false);
    }
  }

  if (loaded.status === "error")
    return (
      <FormAlert>
        {errorText(loaded.error)}{" "}
        <button type="button" className="font-medium underline" onClick={loaded.retry}>
          Try again
        </button>
      </FormAlert>
    );
  if (!prefs) return <div className="h-24 animate-pulse rounded-xl bg-surface-muted" />;

  return (
    <div className="space-y-4">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <table className="w-full text-sm">
        <caption className="sr-only">Notifications by kind</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="py-2 font-medium">
              Notify me about
            </th>
            <th scope="col" className="w-20 py-2 text-center font-medium">
              In app
            </th>
            <th scope="col" className="w-20 py-2 text-center font-medium">
              Email
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {prefs.kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row" className="py-2 pr-2 text-left font-normal">
                {k.label}
                {!k.email_available && <span className="block text-xs text-muted">Receipts are always emailed.</span>}
              </th>
              <td className="py-2 text-center">
                <label className="inline-flex size-11 items-center justify-center">
                  <span className="sr-only">{`${k.label}: in app`}</span>
                  <input
                    type="checkbox"
                    className={CHECKBOX}
                    checked={k.in_app}
                    disabled={saving}
                    onChange={(e) => void save({ kinds: [{ kind: k.kind, in_app: e.target.checked }] })}
                  />
                </label>
              </td>
              <td className="py-2 text-center">
                {k.email_available && (
                  <label className="inline-flex size-11 items-center justify-center">
                    <span className="sr-only">{`${k.label}: email`}</span>
                    <input
                      type="checkbox"
                      className={CHECKBOX}
                      checked={k.email}
                      disabled={saving}
                      onChange={(e) => void save({ kinds: [{ kind: k.kind, email: e.target.checked }] })}
                    />
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          className={CHECKBOX}
          checked={prefs.weekly_progress_email}
          disabled={saving}
          onChange={(e) => void save({ weekly_progress_email: e.target.checked })}
        />
        <span>
          Weekly progress email
          <span className="block text-xs text-muted">A summary of your week's learning, every seven days.</span>
        </span>
      </label>
    </div>
  );
}
