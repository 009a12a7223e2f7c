"use client";

import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, type User } from "@lumen/contracts";
import { useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { Avatar } from "@/components/ui/avatar";
import { FormAlert } from "@/components/ui/form-alert";
import { Spinner } from "@/components/ui/spinner";
import { updateSessionUser } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { removeAvatar, uploadAvatar } from "./settings.api";

const MAX_MIB = AVATAR_MAX_BYTES / (1024 * 1024);

/** Checked here to save a wasted upload; the API checks again, from the bytes, whatever the browser says. */
function problemWith(file: File): string | null {
  if (!(AVATAR_CONTENT_TYPES as readonly string[]).includes(file.type)) return "Choose a PNG, JPEG or WebP picture.";
  if (file.size > AVATAR_MAX_BYTES) return `This picture is larger than ${MAX_MIB} MiB: choose a smaller one.`;
  return null;
}

/** The profile picture: upload one (replacing the last) or go back to initials. The header follows at once. */
export function AvatarPicker({ user }: { user: User }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"upload" | "remove" | null>(null);
  const [alert, setAlert] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const hasPicture = Boolean(user.profile.avatar_url);

  async function run(kind: "upload" | "remove", action: () => Promise<User>, done: string) {
    setBusy(kind);
    setAlert(null);
    try {
      updateSessionUser(await action());
      setAlert({ tone: "success", text: done });
    } catch (error) {
      setAlert({ tone: "danger", text: errorText(error) });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = "";
    }
  }

  function chosen(file: File | undefined) {
    if (!file || busy) return;
    const problem = problemWith(file);
    if (problem) {
      setAlert({ tone: "danger", text: problem });
      if (input.current) input.current.value = "";
      return;
    }
    void run("upload", () => uploadAvatar(file), "Picture saved.");
  }

  return (
    <div className="space-y-4">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <div className="flex flex-wrap items-center gap-4">
        <Avatar name={user.full_name} url={user.profile.avatar_url} size="md" />
        <div className="flex flex-wrap gap-3">
          {/* The label is the visible button; the input stays in the tab order for keyboards and screen readers. */}
          <label
            htmlFor={inputId}
            className={`${buttonClasses("secondary")} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-primary`}
          >
            {busy === "upload" && <Spinner />}
            {busy === "upload" ? "Uploading…" : hasPicture ? "Change picture" : "Upload a picture"}
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={AVATAR_CONTENT_TYPES.join(",")}
              aria-describedby={`${inputId}-hint`}
              onChange={(event) => chosen(event.target.files?.[0])}
              className="sr-only"
            />
          </label>
          {hasPicture && (
            <button
              type="button"
              aria-disabled={busy !== null || undefined}
              onClick={() => {
                if (!busy) void run("remove", removeAvatar, "Picture removed: your initials show instead.");
              }}
              className={`${buttonClasses("secondary")} aria-disabled:opacity-80`}
            >
              {busy === "remove" && <Spinner />}
              Remove picture
            </button>
          )}
        </div>
      </div>
      <p id={`${inputId}-hint`} className="text-sm text-muted">
        PNG, JPEG or WebP, up to {MAX_MIB} MiB. Shown in the header, on your instructor page if you teach, and beside
        your reviews.
      </p>
    </div>
  );
}
