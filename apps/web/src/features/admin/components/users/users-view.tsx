"use client";

import { ROLES } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { useSession } from "@/features/auth/session";
import { Bone, SectionError, SectionLoading } from "@/features/dashboard/components/section";
import { type AdminUser, listUsers, type UserChange, updateUser } from "../../admin.api";
import { adminErrorText } from "../../admin-errors";
import { plural, ROLE_LABELS, roleWithArticle } from "../../admin-format";
import { type UserFilters, usersHref, usersQuery } from "../../admin-params";
import { useKeysetList } from "../../use-keyset-list";
import { AdminPageHeader } from "../admin-page-header";
import { FilterSelect, ListFooter, SearchField } from "../list-parts";
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
  const router = useRouter();
  const selfId = useSession((s) => s.user?.id);
  const list = useKeysetList(usersHref(filters), (cursor, signal) =>
    listUsers({ ...usersQuery(filters), cursor }, signal),
  );
  const [asking, setAsking] = useState<{ user: AdminUser; action: UserAction } | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");

  const { update } = list;
  const put = useCallback(
    (user: AdminUser) => update((items) => items.map((u) => (u.id === user.id ? user : u))),
    [update],
  );

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

  const change = (next: UserFilters, mode: "push" | "replace") => {
    router[mode](usersHref(next), { scroll: false });
  };

  return (
    <div>
      <AdminPageHeader
        title="Users"
        description="Find an account, change its role, grant Premium, or stop it from signing in. Every change is recorded in the security log."
      />

      <search className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-end">
        <SearchField
          id="user-search"
          label="Search users"
          placeholder="Name or email"
          value={filters.q}
          onSearch={(q) => change({ ...filters, q }, "replace")}
        />
        <FilterSelect
          id="user-role"
          label="Role"
          value={filters.role}
          anyLabel="All roles"
          options={ROLE_OPTIONS}
          onChange={(role) => change({ ...filters, role }, "push")}
        />
      </search>

      <p role="status" className="mt-4 min-h-6 text-sm font-medium text-primary">
        {announcement}
      </p>

      <div className="mt-2">
        {list.status === "loading" && (
          <SectionLoading label="Loading users…">
            <div className="space-y-3">
              {[0, 1, 2, 3].map((n) => (
                <Bone key={n} className="h-28 rounded-card" />
              ))}
            </div>
          </SectionLoading>
        )}
        {list.status === "error" && <SectionError what="the users" error={list.error} onRetry={list.retry} />}
        {list.status === "ready" && list.items.length === 0 && (
          <div className="rounded-card border border-dashed border-border-strong/50 px-6 py-10 text-center">
            <p className="font-medium">
              {filters.q ? `No ${filters.role ? `${filters.role}s` : "users"} match “${filters.q}”.` : "No users here."}
            </p>
            <p className="mt-1 text-sm text-muted">Search by part of a name or an email address.</p>
            {(filters.q || filters.role) && (
              <button
                type="button"
                onClick={() => change({ q: "", role: null }, "push")}
                className={`${buttonClasses("secondary", "sm")} mt-4`}
              >
                Show all users
              </button>
            )}
          </div>
        )}
        {list.status === "ready" && list.items.length > 0 && (
          <>
            <ul aria-label="Users" className="space-y-3">
              {list.items.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === selfId}
                  pending={pending[user.id] === true}
                  error={errors[user.id] ?? null}
                  onAction={(action) => onAction(user, action)}
                />
              ))}
            </ul>
            <ListFooter
              shown={plural(list.items.length, "user")}
              noun="users"
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              moreError={list.moreError}
              onLoadMore={list.loadMore}
            />
          </>
        )}
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
