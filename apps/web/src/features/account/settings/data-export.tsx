"use client";

import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { Spinner } from "@/components/ui/spinner";
import { errorText } from "@/lib/error-text";
import { exportData } from "./settings.api";

/** Saves everything Lumen holds about the user as a JSON file. */
export function DataExport() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const data = await exportData();
      const stamp = typeof data.exported_at === "string" ? data.exported_at.slice(0, 10) : "export";
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `lumen-data-${stamp}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file by the next task; the object URL can go then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      {failure && <FormAlert>{failure}</FormAlert>}
      <p className="text-muted">
        A JSON file with your account, enrollments and progress, quiz attempts, reviews, tutor conversations, payments
        and devices.
      </p>
      <button
        type="button"
        aria-disabled={busy || undefined}
        onClick={download}
        className={`${buttonClasses("secondary")} aria-disabled:cursor-progress`}
      >
        {busy && <Spinner />}
        {busy ? "Preparing your file…" : "Download my data"}
      </button>
      <span role="status" className="sr-only">
        {busy ? "Preparing your file…" : ""}
      </span>
    </div>
  );
}
