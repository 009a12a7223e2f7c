"use client";

import { type FormEvent, useId, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { checkCustomRange, type DayRange, RANGE_PRESETS, type RangeChoice, todayUtc } from "../analytics-range";

const inputClasses =
  "block h-10 w-full rounded-xl border border-border-strong/60 bg-surface px-3 text-sm text-foreground shadow-xs transition-colors hover:border-border-strong aria-invalid:border-danger";

/**
 * The period: the last 7, 30 or 90 days in one press, or days of the creator's choosing (checked here in words
 * before anything is asked of the API).
 */
export function RangePicker({
  choice,
  range,
  onChange,
  now,
}: {
  choice: RangeChoice;
  /** The days currently shown, to start the custom fields from. */
  range: DayRange;
  onChange: (choice: RangeChoice) => void;
  now?: Date;
}) {
  const [customOpen, setCustomOpen] = useState(choice.kind === "custom");
  const [draft, setDraft] = useState(range);
  const [errors, setErrors] = useState<Partial<Record<"from" | "to", string>>>({});
  const id = useId();
  const today = todayUtc(now);

  function apply(event: FormEvent) {
    event.preventDefault();
    const checked = checkCustomRange(draft, now);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onChange({ kind: "custom", ...checked.range });
  }

  const field = (name: "from" | "to", label: string) => (
    <div className="min-w-0 flex-1">
      <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type="date"
        value={draft[name]}
        max={today}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        className={`${inputClasses} mt-1`}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="mt-1 text-xs text-danger">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <div className="flex flex-col items-stretch gap-3 sm:items-end">
      <fieldset className="inline-flex flex-wrap rounded-full border border-border bg-surface p-1 shadow-card">
        <legend className="sr-only">Period</legend>
        {RANGE_PRESETS.map((days) => {
          const active = choice.kind === "preset" && choice.days === days;
          return (
            <button
              key={days}
              type="button"
              aria-pressed={active}
              onClick={() => {
                setCustomOpen(false);
                setErrors({});
                onChange({ kind: "preset", days });
              }}
              className={`h-9 rounded-full px-3.5 text-sm font-medium transition-colors sm:px-4 ${
                active ? "bg-primary text-primary-foreground" : "text-muted hover:text-foreground"
              }`}
            >
              {days} days
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={choice.kind === "custom"}
          aria-expanded={customOpen}
          aria-controls={`${id}-custom`}
          onClick={() => {
            setDraft(range);
            setCustomOpen((open) => !open);
          }}
          className={`h-9 rounded-full px-3.5 text-sm font-medium transition-colors sm:px-4 ${
            choice.kind === "custom" ? "bg-primary text-primary-foreground" : "text-muted hover:text-foreground"
          }`}
        >
          Custom
        </button>
      </fieldset>
      {customOpen && (
        <form
          id={`${id}-custom`}
          onSubmit={apply}
          noValidate
          aria-label="Custom period"
          className="flex w-full flex-wrap items-end gap-3 rounded-card border border-border bg-surface p-3 shadow-card sm:w-auto"
        >
          {field("from", "First day (UTC)")}
          {field("to", "Last day (UTC)")}
          <button type="submit" className={`${buttonClasses("secondary", "sm")} h-10`}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
