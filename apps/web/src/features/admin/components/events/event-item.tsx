import type { SecurityEventType } from "@lumen/contracts";
import Link from "next/link";
import type { SecurityEventItem } from "../../admin.api";
import { describeEvent, eventSubject, formatDateTime, shortUserAgent } from "../../admin-format";
import { EMPTY_EVENT_FILTERS, eventsHref } from "../../admin-params";

/** Events that may mean an attack or a locked-out person get the danger stripe; admin changes the primary one. */
const TONE: Record<SecurityEventType, string> = {
  login_failed: "border-l-accent",
  login_locked: "border-l-danger",
  refresh_token_reuse: "border-l-danger",
  disabled_login_attempt: "border-l-danger",
  account_disabled: "border-l-danger",
  account_enabled: "border-l-primary",
  role_changed: "border-l-primary",
  premium_changed: "border-l-primary",
  course_moderated: "border-l-primary",
  password_reset_requested: "border-l-border-strong",
  password_reset: "border-l-accent",
  password_changed: "border-l-accent",
  sessions_revoked: "border-l-border-strong",
  security_alert: "border-l-danger",
  email_change_requested: "border-l-border-strong",
  email_changed: "border-l-accent",
  account_deleted: "border-l-accent",
};

/** One security event, readable: what happened, to which account, by whom, when, and from where. */
export function EventItem({ event, filteredByEmail }: { event: SecurityEventItem; filteredByEmail: boolean }) {
  const { title, summary } = describeEvent(event);
  const subject = eventSubject(event);
  const agent = shortUserAgent(event.user_agent);
  const byAdmin = Boolean(event.actor_id);
  return (
    <li
      className={`rounded-card border border-l-4 border-border bg-surface p-4 shadow-card sm:p-5 ${TONE[event.type]}`}
    >
      <article aria-label={`${title}: ${subject}`}>
        <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
          <h3 className="text-base font-semibold">
            {title}
            <span className="font-normal text-muted"> · {subject}</span>
          </h3>
          <time dateTime={event.created_at} className="shrink-0 text-sm text-muted">
            {formatDateTime(event.created_at)}
          </time>
        </div>
        <p className="mt-1.5 text-pretty">{summary}</p>
        {/* The address and browser are the request's: an admin's change records the admin's, never the subject's. */}
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-xs text-muted sm:grid-cols-[auto_1fr]">
          {byAdmin && (
            <div className="flex gap-1.5 sm:contents">
              <dt className="font-medium text-foreground">Done by</dt>
              <dd className="break-all">{event.actor_email ?? "A deleted admin account"}</dd>
            </div>
          )}
          <div className="flex gap-1.5 sm:contents">
            <dt className="font-medium text-foreground">{byAdmin ? "Admin's IP address" : "IP address"}</dt>
            <dd className="break-all">{event.ip_address ?? "not recorded"}</dd>
          </div>
          <div className="flex gap-1.5 sm:contents">
            <dt className="font-medium text-foreground">{byAdmin ? "Admin's browser" : "Browser"}</dt>
            <dd className="break-all">{agent ?? "not recorded"}</dd>
          </div>
        </dl>
        {event.user_email && !filteredByEmail && (
          <Link
            href={eventsHref({ ...EMPTY_EVENT_FILTERS, email: event.user_email })}
            className="mt-3 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            All events of {event.user_email}
          </Link>
        )}
      </article>
    </li>
  );
}
