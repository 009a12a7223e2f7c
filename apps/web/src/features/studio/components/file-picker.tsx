"use client";

import { useRef } from "react";

/**
 * A native file input (keyboard and screen-reader friendly as it is), styled like the app's buttons. It is
 * emptied after each pick so choosing the same file again (after a failure) fires again.
 */
export function FilePicker({
  id,
  accept,
  disabled,
  onPick,
  describedBy,
  invalid,
}: {
  id: string;
  accept: string;
  disabled?: boolean;
  onPick: (file: File) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <input
      ref={ref}
      id={id}
      type="file"
      accept={accept}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onPick(file);
        if (ref.current) ref.current.value = "";
      }}
      className="block w-full max-w-md text-sm text-muted file:mr-3 file:h-9 file:cursor-pointer file:rounded-full file:border file:border-border-strong/50 file:bg-surface file:px-4 file:text-sm file:font-medium file:text-foreground hover:file:bg-surface-muted disabled:opacity-60"
    />
  );
}
