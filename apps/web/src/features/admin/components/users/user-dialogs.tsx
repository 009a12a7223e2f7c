import type { Role } from "@lumen/contracts";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AdminUser } from "../../admin.api";
import { ROLE_LABELS, roleWithArticle } from "../../admin-format";

/** What a role change gives or takes away, said before it happens. */
function roleConsequences(from: Role, to: Role): string {
  if (to === "admin") {
    return "They get the whole admin console: every account, every course and the security log. Only make admins of people you trust.";
  }
  if (from === "admin") {
    return to === "creator"
      ? "They lose the admin console and keep the creator studio."
      : "They lose the admin console and the creator studio; courses they made stay as they are.";
  }
  if (to === "creator") return "They can create courses, upload lessons and publish them in the creator studio.";
  return "They lose the creator studio. The courses they made stay as they are, and their learners keep access.";
}

export function RoleDialog({
  user,
  role,
  onConfirm,
  onCancel,
}: {
  user: AdminUser;
  role: Role;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Make ${user.full_name} ${roleWithArticle(role)}?`}
      confirmLabel={`Make ${ROLE_LABELS[role].toLowerCase()}`}
      busyLabel="Saving…"
      tone={role === "admin" ? "danger" : "primary"}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {user.email} is {roleWithArticle(user.role)} now. {roleConsequences(user.role, role)}
      </p>
      <p>The new role applies to their next request, and the change is recorded in the security log.</p>
    </ConfirmDialog>
  );
}

export function DisableDialog({
  user,
  onConfirm,
  onCancel,
}: {
  user: AdminUser;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  if (user.disabled) {
    return (
      <ConfirmDialog
        title={`Enable ${user.full_name}?`}
        confirmLabel="Enable account"
        busyLabel="Enabling…"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>
          {user.email} can sign in again with their password, and finds their courses and progress as they left them.
        </p>
        <p>The change is recorded in the security log.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Disable ${user.full_name}?`}
      confirmLabel="Disable account"
      busyLabel="Disabling…"
      tone="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Every session of {user.email} ends at once, on every device, and they can't sign in until an admin enables the
        account again.
      </p>
      <p>
        Nothing is deleted: their courses, progress and reviews are kept. The change is recorded in the security log.
      </p>
    </ConfirmDialog>
  );
}
