import type { Role, SecurityEventType } from "@lumen/contracts";
import type { SecurityEventItem } from "./admin.api";
import type { CourseStatus } from "./admin-params";

// Words for the admin console. Times are shown in UTC: the KPIs and the security log's day filters are UTC days.

export { formatCount, formatDate, formatDay, plural } from "@/lib/format";

export const ROLE_LABELS: Record<Role, string> = { student: "Student", creator: "Creator", admin: "Admin" };
const ROLE_WITH_ARTICLE: Record<Role, string> = { student: "a student", creator: "a creator", admin: "an admin" };

export const roleWithArticle = (role: Role) => ROLE_WITH_ARTICLE[role];

export const STATUS_LABELS: Record<CourseStatus, string> = {
  published: "Published",
  draft: "Draft",
  archived: "Archived",
};

export const EVENT_LABELS: Record<SecurityEventType, string> = {
  role_changed: "Role changed",
  premium_changed: "Premium changed",
  account_disabled: "Account disabled",
  account_enabled: "Account enabled",
  course_moderated: "Course moderated",
  login_failed: "Failed sign-in",
  login_locked: "Sign-in locked",
  disabled_login_attempt: "Sign-in to a disabled account",
  refresh_token_reuse: "Refresh token reused",
  password_reset_requested: "Password reset requested",
  password_reset: "Password reset",
  password_changed: "Password changed",
  sessions_revoked: "Devices signed out",
  security_alert: "Security alert",
  email_change_requested: "Email change requested",
  email_changed: "Email changed",
  account_deleted: "Account deleted",
};

const timeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Nov 12, 2026, 14:03 UTC". */
export const formatDateTime = (iso: string) => `${timeFormat.format(new Date(iso))} UTC`;

/** Estimated AI cost: cents are too coarse for a day of cheap requests, so small sums keep four decimals. */
export function formatUsd(value: number): string {
  const digits = value !== 0 && Math.abs(value) < 1 ? 4 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A 0–1 share as "64%", or "—" with nothing to divide by. */
export { formatShare } from "@/lib/format";

const STATUS_MOVES: Record<CourseStatus, string> = {
  draft: "unpublished (moved back to draft)",
  archived: "archived",
  published: "published",
};

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/** One security event in words: what happened, to whom, and (for admin changes) by whom. */
export function describeEvent(event: SecurityEventItem): { title: string; summary: string } {
  const d = event.details;
  const by = event.actor_email ? ` by ${event.actor_email}` : str(d.changed_by) ? " by an admin (account removed)" : "";
  const title = EVENT_LABELS[event.type];
  switch (event.type) {
    case "role_changed": {
      const from = str(d.from);
      const to = str(d.to);
      return { title, summary: `Role changed from ${from ?? "?"} to ${to ?? "?"}${by}.` };
    }
    case "premium_changed":
      return { title, summary: d.to === true ? `Premium granted${by}.` : `Premium removed${by}.` };
    case "account_disabled":
      return { title, summary: `Account disabled${by}; every session was ended at once.` };
    case "account_enabled":
      return { title, summary: `Account enabled again${by}.` };
    case "course_moderated": {
      const course = str(d.title) ? `“${str(d.title)}”` : "A course";
      const to = str(d.to) as CourseStatus | null;
      const from = str(d.from);
      const move = to
        ? to === "published" && from === "archived"
          ? "republished"
          : STATUS_MOVES[to]
        : `moved to ${String(d.to)}`;
      const reason = str(d.reason);
      return { title, summary: `${course} ${move}${by}.${reason ? ` Reason: ${reason}` : ""}` };
    }
    case "login_failed":
      return {
        title,
        summary:
          d.known_account === false
            ? "Someone tried to sign in with an email that has no account."
            : "Wrong password entered.",
      };
    case "security_alert":
      return { title, summary: str(d.summary) ?? "An alert was raised; admins were emailed." };
    case "login_locked":
      return {
        title,
        summary: `Too many failed sign-ins${str(d.email) ? ` for ${str(d.email)}` : ""}: sign-in is paused for a while.`,
      };
    case "disabled_login_attempt":
      return { title, summary: "Correct password, but the account is disabled, so sign-in was refused." };
    case "refresh_token_reuse":
      return {
        title,
        summary: "A spent refresh token came back (possible token theft), so the whole session was ended.",
      };
    case "password_reset_requested":
      return { title, summary: "A password reset link was emailed." };
    case "password_changed": {
      const n = typeof d.other_sessions_ended === "number" ? d.other_sessions_ended : 0;
      const ended = n === 0 ? "" : n === 1 ? "; 1 other session was ended" : `; ${n} other sessions were ended`;
      return { title, summary: `The password was changed while signed in${ended}.` };
    }
    case "sessions_revoked": {
      const n = typeof d.count === "number" ? d.count : 1;
      return {
        title,
        summary:
          n === 1
            ? "Another device was signed out from the account page."
            : `${n} other devices were signed out from the account page.`,
      };
    }
    case "password_reset":
      return { title, summary: "The password was reset with an emailed link; every session was ended." };
    case "email_change_requested":
      return {
        title,
        summary: "A confirmation link was emailed to a new address; nothing changes until it is opened.",
      };
    case "email_changed": {
      const n = typeof d.other_sessions_ended === "number" ? d.other_sessions_ended : 0;
      const ended = n === 0 ? "" : n === 1 ? "; 1 other session was ended" : `; ${n} other sessions were ended`;
      return { title, summary: `The sign-in email was changed; the old address was told${ended}.` };
    }
    case "account_deleted":
      return { title, summary: "The owner deleted the account: personal data erased, learning statistics kept." };
  }
}

/** The account an event concerns, for people. */
export function eventSubject(event: SecurityEventItem): string {
  if (event.user_email) return event.user_email;
  if (event.user_id) return "A deleted account";
  return str(event.details.email) ?? "No account";
}

/** The user agent as the browser sent it, cut to fit on a line or two. */
export function shortUserAgent(agent: string | null): string | null {
  if (!agent) return null;
  return agent.length > 120 ? `${agent.slice(0, 117)}…` : agent;
}
