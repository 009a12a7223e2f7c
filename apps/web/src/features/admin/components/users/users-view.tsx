"use client";

import { ROLES } from "@lumen/contracts";
import { useState } from "react";
import { useSession } from "@/features/auth/session";
import { useKeysetList } from "@/lib/use-keyset-list";
import { type AdminUser, listUsers, type UserChange, updateUser } from "../../admin.api";
import { adminErrorText } from "../../admin-errors";
import { ROLE_LABELS, roleWithArticle } from "../../admin-format";
import { type UserFilters, usersHref, usersQuery } from "../../admin-params";
import { AdminPageHeader } from "../admin-page-header";
import { EmptyList } from "../list/empty-list";
import { KeysetListStates } from "../list/keyset-list-states";
import { ListHeader } from "../list/list-header";
import { useFilterNavigation } from "../list/use-filter-navigation";
import { DisableDialog, RoleDialog } from "./user-dialogs";
import { type UserAction, UserRow } from "./user-row";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]}s` }));

function toChange(action: UserAction): UserChange {
  if (action.kind === "role") return { role: action.role };
  if (action.kind === "premium") return { premium_status: action.premium };
  return { disabled: action.disabled };
}

function applied(user: AdminUser, action: UserAction): AdminUser {
  if (action.kind === "role") return { ...user, role: action.role };
  if (action.kind === "premium") return { ...user, premium_status: action.premium };
  return { ...user, disabled: action.disabled };
}

/** "make Sam Rivera a creator", "grant Premium to Sam Rivera"… */
function whatWasAsked(user: AdminUser, action: UserAction): string {
  const name = user.full_name;
  if (action.kind === "role") return `make ${name} ${roleWithArticle(action.role)}`;
  if (action.kind === "premium") return action.premium ? `grant Premium to ${name}` : `remove Premium from ${name}`;
  return action.disabled ? `disable ${name}` : `enable ${name}`;
}

function doneText(user: AdminUser, action: UserAction): string {
  const name = user.full_name;
  if (action.kind === "role") return `${name} is now ${roleWithArticle(action.role)}.`;
  if (action.kind === "premium") return action.premium ? `${name} now has Premium.` : `${name} no longer has Premium.`;
  return action.disabled ? `${name} is disabled and was signed out everywhere.` : `${name} can sign in again.`;
}

/** Users: search, a role filter, and role, Premium and sign-in changes, each shown at once and undone if refused. */
export function UsersView({ filters }: { filters: UserFilters }) {
  const change = useFilterNavigation(usersHref);
  const selfId = useSession((s) => s.user?.id);
  const list = useKeysetList(usersHref(filters), (cursor, signal) =>
    listUsers({ ...usersQuery(filters), cursor }, signal),
  );
  const [asking, setAsking] = useState<{ user: AdminUser; action: UserAction } | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");

  const put = (user: AdminUser) => list.update((items) => items.map((u) => (u.id === user.id ? user : u)));

  const apply = async (user: AdminUser, action: UserAction) => {
    setAnnouncement("");
    setErrors(({ [user.id]: _, ...rest }) => rest);
    setPending((p) => ({ ...p, [user.id]: true }));
    put(applied(user, action));
    try {
      put(await updateUser(user.id, toChange(action)));
      setAnnouncement(doneText(user, action));
    } catch (error) {
      put(user);
      setErrors((e) => ({
        ...e,
        [user.id]: `We couldn't ${whatWasAsked(user, action)}, so nothing changed. ${adminErrorText(error)}`,
      }));
    } finally {
      setPending(({ [user.id]: _, ...rest }) => rest);
    }
  };

  const onAction = (user: AdminUser, action: UserAction) => {
    // Premium is one click either way; a role or sign-in change is asked about first.
    if (action.kind === "premium") void apply(user, action);
    else setAsking({ user, action });
  };

  const confirm = () => {
    if (!asking) return;
    setAsking(null);
    void apply(asking.user, asking.action);
  };

  return (
    <div>
      <AdminPageHeader
        title="Users"
        description="Find an account, change its role, grant Premium, or stop it from signing in. Every change is recorded in the security log."
      />

      <ListHeader
        search={{
          id: "user-search",
          label: "Search users",
          placeholder: "Name or email",
          value: filters.q,
          onSearch: (q) => change({ ...filters, q }, "replace"),
        }}
        filter={{
          id: "user-role",
          label: "Role",
          value: filters.role,
          anyLabel: "All roles",
          options: ROLE_OPTIONS,
          onChange: (role) => change({ ...filters, role }),
        }}
        announcement={announcement}
      />

      <div className="mt-2">
        <KeysetListStates
          list={list}
          label="Users"
          one="user"
          loadingLabel="Loading users…"
          boneClassName="h-28"
          what="the users"
          empty={
            <EmptyList
              title={
                filters.q ? `No ${filters.role ? `${filters.role}s` : "users"} match “${filters.q}”.` : "No users here."
              }
              hint="Search by part of a name or an email address."
              resetLabel="Show all users"
              onReset={filters.q || filters.role ? () => change({ q: "", role: null }) : null}
            />
          }
        >
          {(user) => (
            <UserRow
              key={user.id}
              user={user}
              isSelf={user.id === selfId}
              pending={pending[user.id] === true}
              error={errors[user.id] ?? null}
              onAction={(action) => onAction(user, action)}
            />
          )}
        </KeysetListStates>
      </div>

      {asking?.action.kind === "role" && (
        <RoleDialog user={asking.user} role={asking.action.role} onConfirm={confirm} onCancel={() => setAsking(null)} />
      )}
      {asking?.action.kind === "disabled" && (
        <DisableDialog user={asking.user} onConfirm={confirm} onCancel={() => setAsking(null)} />
      )}
    </div>
  );
}
