"use client";

import Link from "next/link";
import { useAuthResource } from "@/lib/use-auth-resource";
import { recentAlerts } from "../../admin.api";
import { describeEvent, formatDateTime } from "../../admin-format";
import { EMPTY_EVENT_FILTERS, eventsHref } from "../../admin-params";
import { Badge } from "../badge";

const SHOWN = 5;

/**
 * The newest security alerts above the log (admins were emailed each, and the webhook told when configured):
 * a badge with how many are listed, and a link to all of them.
 */
export function AlertsPanel() {
  const alerts = useAuthResource(recentAlerts(SHOWN));
  if (alerts.status !== "ready" || alerts.data.items.length === 0) return null;
  const { items, next_cursor } = alerts.data;
  return (
    <section
      aria-labelledby="alerts-heading"
      className="rounded-card border border-danger/25 border-l-4 border-l-danger bg-danger-soft p-4"
    >
      <h2 id="alerts-heading" className="flex items-center gap-2 font-semibold">
        Security alerts <Badge tone="danger">{next_cursor ? `${items.length}+` : items.length}</Badge>
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {items.map((alert) => (
          <li key={alert.id}>
            <span className="text-foreground">{describeEvent(alert).summary}</span>{" "}
            <span className="text-muted">· {formatDateTime(alert.created_at)}</span>
          </li>
        ))}
      </ul>
      <Link
        href={eventsHref({ ...EMPTY_EVENT_FILTERS, type: "security_alert" })}
        className="mt-3 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        All security alerts
      </Link>
    </section>
  );
}
