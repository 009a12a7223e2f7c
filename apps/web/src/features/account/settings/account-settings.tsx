"use client";

import type { ReactNode } from "react";
import { useState } from "react";
import { useSession } from "@/features/auth/session";
import { NotificationPreferences } from "@/features/notifications/notification-preferences";
import { AvatarPicker } from "./avatar-picker";
import { DataExport } from "./data-export";
import { DeleteAccount } from "./delete-account";
import { EmailForm } from "./email-form";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { SessionsPanel } from "./sessions-panel";

function Card({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-card border border-border bg-surface p-6 shadow-card">
      <h2 id={id} className="font-display text-xl font-semibold">
        {title}
      </h2>
      {lead && <p className="mt-1 text-sm text-muted">{lead}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}

/** /account: profile, email, password, devices, data and deletion, one card each. */
export function AccountSettings() {
  const user = useSession((s) => s.user);
  // A password change signs the other devices out: the devices list loads again.
  const [passwordChanges, setPasswordChanges] = useState(0);
  if (!user) return null;
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-12 sm:px-6 lg:px-8">
      <div>
        <h1 className="font-display text-3xl font-semibold">Account settings</h1>
        <p className="mt-2 text-muted wrap-break-word">Signed in as {user.email}</p>
      </div>
      <Card id="settings-profile" title="Profile">
        <div className="space-y-8">
          <AvatarPicker user={user} />
          <ProfileForm user={user} />
        </div>
      </Card>
      <Card id="settings-email" title="Email" lead={`You sign in with ${user.email}.`}>
        <EmailForm user={user} />
      </Card>
      <Card id="settings-password" title="Password" lead="Changing it signs out every other device.">
        <PasswordForm onChanged={() => setPasswordChanges((n) => n + 1)} />
      </Card>
      <Card
        id="settings-notifications"
        title="Notifications"
        lead="What the bell shows and what we email you. Every email has a one-click unsubscribe link."
      >
        <NotificationPreferences />
      </Card>
      <Card id="settings-devices" title="Where you're signed in">
        <SessionsPanel reloadKey={passwordChanges} />
      </Card>
      <Card id="settings-data" title="Your data">
        <DataExport />
      </Card>
      <Card
        id="settings-delete"
        title="Delete your account"
        lead="Your name, email, profile, picture and tutor chats are erased and you can't sign in again. Your reviews stay, signed “Deleted learner”; anonymous learning statistics and receipts are kept. Premium is cancelled."
      >
        <DeleteAccount />
      </Card>
    </div>
  );
}
