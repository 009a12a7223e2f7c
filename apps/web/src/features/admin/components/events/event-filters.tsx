"use client";

import { SECURITY_EVENT_TYPES, type SecurityEventType } from "@lumen/contracts";
import { type FormEvent, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { EVENT_LABELS } from "../../admin-format";
import {
  EMPTY_EVENT_FILTERS,
  type EventFilterErrors,
  type EventFilters,
  validateEventFilters,
} from "../../admin-params";

const TYPE_OPTIONS = [...SECURITY_EVENT_TYPES].sort((a, b) => EVENT_LABELS[a].localeCompare(EVENT_LABELS[b]));

/**
 * The security log's filters, applied together with "Show events". Mistakes are named beside their field and
 * nothing is sent until they are fixed. Re-mounted (keyed by the URL) when the applied filters change.
 */
export function EventFiltersForm({
  initial,
  onApply,
}: {
  initial: EventFilters;
  onApply: (filters: EventFilters) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<EventFilterErrors>({});
  const set = (patch: Partial<EventFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const hasFilters = Object.values(initial).some(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateEventFilters(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onApply({ ...draft, email: draft.email.trim() });
  };

  return (
    <search aria-label="Filter security events">
      <form
        noValidate
        onSubmit={submit}
        className="rounded-card border border-border bg-surface p-4 shadow-card sm:p-5"
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1.3fr_0.8fr_0.8fr]">
          <FormField id="event-type" label="Event">
            {(control) => (
              <select
                {...control}
                value={draft.type ?? ""}
                onChange={(e) => set({ type: TYPE_OPTIONS.find((t) => t === e.target.value) ?? null })}
                className={`${inputClasses} pr-8`}
              >
                <option value="">Every kind of event</option>
                {TYPE_OPTIONS.map((type: SecurityEventType) => (
                  <option key={type} value={type}>
                    {EVENT_LABELS[type]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="event-email" label="Account email" error={errors.email}>
            {(control) => (
              <input
                {...control}
                type="email"
                inputMode="email"
                autoComplete="off"
                spellCheck={false}
                placeholder="sam@example.com"
                value={draft.email}
                onChange={(e) => set({ email: e.target.value })}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField id="event-from" label="From (UTC day)" error={errors.from}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.from}
                max={draft.to || undefined}
                onChange={(e) => set({ from: e.target.value })}
                className={inputClasses}
              />
            )}
          </FormField>
          <FormField id="event-to" label="To (UTC day)" error={errors.to}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.to}
                min={draft.from || undefined}
                onChange={(e) => set({ to: e.target.value })}
                className={inputClasses}
              />
            )}
          </FormField>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={buttonClasses("primary", "sm")}>
            Show events
          </button>
          {hasFilters && (
            <button type="button" onClick={() => onApply(EMPTY_EVENT_FILTERS)} className={buttonClasses("ghost", "sm")}>
              Clear filters
            </button>
          )}
        </div>
      </form>
    </search>
  );
}
