"use client";

import { useRouter } from "next/navigation";
import { buttonClasses } from "@/components/button-link";
import { Bone, SectionError, SectionLoading } from "@/features/dashboard/components/section";
import { listSecurityEvents } from "../../admin.api";
import { EVENT_LABELS, formatDate, plural } from "../../admin-format";
import { EMPTY_EVENT_FILTERS, type EventFilters, eventsHref, eventsQuery } from "../../admin-params";
import { useKeysetList } from "../../use-keyset-list";
import { AdminPageHeader } from "../admin-page-header";
import { ListFooter } from "../list-parts";
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
  const router = useRouter();
  const href = eventsHref(filters);
  const list = useKeysetList(href, (cursor, signal) => listSecurityEvents({ ...eventsQuery(filters), cursor }, signal));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div>
      <AdminPageHeader
        title="Security events"
        description="Failed and locked sign-ins, reused tokens, password resets, and every change an admin makes to an account or a course. Times are in UTC."
      />

      <div className="mt-8">
        <EventFiltersForm
          key={href}
          initial={filters}
          onApply={(next) => router.push(eventsHref(next), { scroll: false })}
        />
      </div>

      <section aria-labelledby="events-heading" className="mt-8">
        <h2 id="events-heading" className="text-sm font-medium text-muted">
          {filterSummary(filters)}
        </h2>
        <div className="mt-3">
          {list.status === "loading" && (
            <SectionLoading label="Loading security events…">
              <div className="space-y-3">
                {[0, 1, 2, 3].map((n) => (
                  <Bone key={n} className="h-32 rounded-card" />
                ))}
              </div>
            </SectionLoading>
          )}
          {list.status === "error" && (
            <SectionError what="the security events" error={list.error} onRetry={list.retry} />
          )}
          {list.status === "ready" && list.items.length === 0 && (
            <div className="rounded-card border border-dashed border-border-strong/50 px-6 py-10 text-center">
              <p className="font-medium">{filtered ? "No events match these filters." : "No security events yet."}</p>
              {filters.email && (
                <p className="mt-1 text-sm text-muted">
                  Check the email address: events are listed for an account only while it exists.
                </p>
              )}
              {filtered && (
                <button
                  type="button"
                  onClick={() => router.push(eventsHref(EMPTY_EVENT_FILTERS), { scroll: false })}
                  className={`${buttonClasses("secondary", "sm")} mt-4`}
                >
                  Show all events
                </button>
              )}
            </div>
          )}
          {list.status === "ready" && list.items.length > 0 && (
            <>
              <ul aria-label="Security events" className="space-y-3">
                {list.items.map((event) => (
                  <EventItem key={event.id} event={event} filteredByEmail={Boolean(filters.email)} />
                ))}
              </ul>
              <ListFooter
                shown={plural(list.items.length, "event")}
                noun="events"
                hasMore={list.hasMore}
                loadingMore={list.loadingMore}
                moreError={list.moreError}
                onLoadMore={list.loadMore}
              />
            </>
          )}
        </div>
      </section>
    </div>
  );
}
