"use client";

import { useKeysetList } from "@/lib/use-keyset-list";
import { listSecurityEvents } from "../../admin.api";
import { EVENT_LABELS, formatDate } from "../../admin-format";
import { EMPTY_EVENT_FILTERS, type EventFilters, eventsHref, eventsQuery } from "../../admin-params";
import { AdminPageHeader } from "../admin-page-header";
import { EmptyList } from "../list/empty-list";
import { KeysetListStates } from "../list/keyset-list-states";
import { useFilterNavigation } from "../list/use-filter-navigation";
import { AlertsPanel } from "./alerts-panel";
import { EventFiltersForm } from "./event-filters";
import { EventItem } from "./event-item";

/** The applied filters in one sentence, for the results' heading. */
function filterSummary(filters: EventFilters): string {
  const parts: string[] = [filters.type ? `“${EVENT_LABELS[filters.type]}” events` : "All events"];
  if (filters.email) parts.push(`of ${filters.email}`);
  if (filters.from && filters.to) parts.push(`from ${formatDate(filters.from)} to ${formatDate(filters.to)}`);
  else if (filters.from) parts.push(`since ${formatDate(filters.from)}`);
  else if (filters.to) parts.push(`up to ${formatDate(filters.to)}`);
  return `${parts.join(" ")}, newest first`;
}

/** The security log: sign-in trouble, token theft, resets and every admin change, newest first. */
export function EventsView({ filters }: { filters: EventFilters }) {
  const change = useFilterNavigation(eventsHref);
  const href = eventsHref(filters);
  const list = useKeysetList(href, (cursor, signal) => listSecurityEvents({ ...eventsQuery(filters), cursor }, signal));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div>
      <AdminPageHeader
        title="Security events"
        description="Failed and locked sign-ins, reused tokens, password resets, and every change an admin makes to an account or a course. Times are in UTC."
      />

      {!filters.type && (
        <div className="mt-8">
          <AlertsPanel />
        </div>
      )}

      <div className="mt-8">
        <EventFiltersForm key={href} initial={filters} onApply={(next) => change(next)} />
      </div>

      <section aria-labelledby="events-heading" className="mt-8">
        <h2 id="events-heading" className="text-sm font-medium text-muted">
          {filterSummary(filters)}
        </h2>
        <div className="mt-3">
          <KeysetListStates
            list={list}
            label="Security events"
            one="event"
            loadingLabel="Loading security events…"
            boneClassName="h-32"
            what="the security events"
            empty={
              <EmptyList
                title={filtered ? "No events match these filters." : "No security events yet."}
                hint={
                  filters.email
                    ? "Check the email address: events are listed for an account only while it exists."
                    : null
                }
                resetLabel="Show all events"
                onReset={filtered ? () => change(EMPTY_EVENT_FILTERS) : null}
              />
            }
          >
            {(event) => <EventItem key={event.id} event={event} filteredByEmail={Boolean(filters.email)} />}
          </KeysetListStates>
        </div>
      </section>
    </div>
  );
}
