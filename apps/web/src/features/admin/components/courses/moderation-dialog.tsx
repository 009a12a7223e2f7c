"use client";

import type { AdminCourse } from "@lumen/contracts";
import { useId, useState } from "react";
import { ConfirmDialog, DialogField } from "@/components/ui/confirm-dialog";
import { inputClasses } from "@/components/ui/form-field";
import { moderateCourse } from "../../admin.api";
import { type ModerationAction, moderationConsequences, moderationErrorText } from "./moderation";

const MAX_REASON = 500;

/**
 * Asks before a course changes status, with an optional reason for the security log. The change is saved while
 * the dialog waits: a refusal is explained inside it, so the admin can adjust and retry or cancel.
 */
export function ModerationDialog({
  course,
  action,
  onDone,
  onCancel,
}: {
  course: AdminCourse;
  action: ModerationAction;
  onDone: (course: AdminCourse) => void;
  onCancel: () => void;
}) {
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmed = reason.trim();
      onDone(await moderateCourse(course.id, { status: action.to, ...(trimmed ? { reason: trimmed } : {}) }));
    } catch (failure) {
      setError(moderationErrorText(course, action.to, failure));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={`${action.label} “${course.title}”?`}
      confirmLabel={action.label}
      busyLabel="Saving…"
      tone={action.to === "published" ? "primary" : "danger"}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{moderationConsequences(course, action.to)}</p>
      <p>
        The change is recorded in the security log against {course.creator.full_name} ({course.creator.email}).
      </p>
      <DialogField>
        <label htmlFor={reasonId} className="text-sm font-medium">
          Reason <span className="font-normal text-muted">(optional, for the log)</span>
        </label>
        <textarea
          id={reasonId}
          value={reason}
          maxLength={MAX_REASON}
          rows={3}
          aria-describedby={`${reasonId}-count`}
          onChange={(event) => setReason(event.target.value)}
          className={`${inputClasses} mt-1.5 h-auto py-2.5`}
        />
        <p id={`${reasonId}-count`} className="mt-1 text-right text-xs text-muted">
          {reason.length} of {MAX_REASON} characters
        </p>
      </DialogField>
    </ConfirmDialog>
  );
}
