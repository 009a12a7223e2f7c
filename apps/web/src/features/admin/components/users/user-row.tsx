"use client";

import { ROLES, type Role } from "@lumen/contracts";
import { useId } from "react";
import { buttonClasses } from "@/components/button-link";
import type { AdminUser } from "../../admin.api";
import { formatDate, ROLE_LABELS } from "../../admin-format";
import { Badge } from "../badge";

export type UserAction =
  | { kind: "role"; role: Role }
  | { kind: "premium"; premium: boolean }
  | { kind: "disabled"; disabled: boolean };

/**
 * One account: who it is, its state, and the three changes an admin can make. While a change is being saved the
 * row shows it already (optimistically) and its controls wait; a refused change comes back with `error`.
 */
export function UserRow({
  user,
  isSelf,
  pending,
  error,
  onAction,
}: {
  user: AdminUser;
  isSelf: boolean;
  pending: boolean;
  error: string | null;
  onAction: (action: UserAction) => void;
}) {
  const roleId = useId();
  const selfNoteId = useId();
  const name = user.full_name;

  return (
    <li
      aria-busy={pending || undefined}
      className={`rounded-card border bg-surface p-4 shadow-card sm:p-5 ${
        user.disabled ? "border-danger/30" : "border-border"
      }`}
    >
      <div className="flex flex-col gap-4 lg:flex-row lg:items-center lg:justify-between">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base font-semibold">
            <span className="break-words">{name}</span>
            {isSelf && <Badge tone="primary">You</Badge>}
          </h2>
          <p className="mt-0.5 text-sm break-all text-muted">{user.email}</p>
          <ul aria-label={`About ${name}`} className="mt-2.5 flex flex-wrap items-center gap-2">
            <li>
              {user.email_verified ? <Badge>Email verified</Badge> : <Badge tone="accent">Email not verified</Badge>}
            </li>
            {user.premium_status && (
              <li>
                <Badge tone="primary">Premium</Badge>
              </li>
            )}
            {user.disabled && (
              <li>
                <Badge tone="danger">Disabled: can't sign in</Badge>
              </li>
            )}
            <li className="text-xs text-muted">
              Joined <time dateTime={user.created_at}>{formatDate(user.created_at)}</time>
            </li>
            {pending && (
              <li className="text-xs font-medium text-primary" role="status">
                Saving…
              </li>
            )}
          </ul>
        </div>

        {/* On a phone: the role on its own line, the two buttons side by side under it. */}
        <div className="grid grid-cols-2 items-end gap-2.5 sm:flex sm:flex-wrap sm:gap-3">
          <div className="col-span-2">
            <label htmlFor={roleId} className="block text-xs font-medium text-muted">
              Role<span className="sr-only"> of {name}</span>
            </label>
            <select
              id={roleId}
              value={user.role}
              disabled={pending || isSelf}
              aria-describedby={isSelf ? selfNoteId : undefined}
              onChange={(event) => {
                const role = ROLES.find((r) => r === event.target.value);
                if (role && role !== user.role) onAction({ kind: "role", role });
              }}
              className="mt-1 block h-9 w-full rounded-full sm:w-32 border border-border-strong/60 bg-surface pr-8 pl-3.5 text-sm text-foreground transition-colors hover:border-border-strong disabled:opacity-60"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={pending}
            onClick={() => onAction({ kind: "premium", premium: !user.premium_status })}
            className={`${buttonClasses("secondary", "sm")} disabled:opacity-60`}
          >
            {user.premium_status ? "Remove premium" : "Grant premium"}
            <span className="sr-only">
              {" "}
              {user.premium_status ? "from" : "to"} {name}
            </span>
          </button>
          <button
            type="button"
            disabled={pending || isSelf}
            aria-describedby={isSelf ? selfNoteId : undefined}
            onClick={() => onAction({ kind: "disabled", disabled: !user.disabled })}
            className={`${buttonClasses("secondary", "sm")} disabled:opacity-60`}
          >
            {user.disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {name}</span>
          </button>
        </div>
      </div>
      {isSelf && (
        <p id={selfNoteId} className="mt-3 text-sm text-muted">
          This is your own account: you can't remove your own admin role or disable it. Another admin can.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 rounded-xl border border-danger/25 bg-danger-soft px-4 py-3 text-sm">
          {error}
        </p>
      )}
    </li>
  );
}
