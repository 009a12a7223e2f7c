"use client";

import { type KeyboardEvent, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { ScrollingTable, type TableColumn } from "@/components/charts/chart-frame";
import { formatClock } from "@/features/learn/format-time";
import {
  describeStretch,
  formatCount,
  formatStretch,
  heatLevel,
  plural,
  type QuestionMarker,
  questionMarkers,
  timelineSummary,
} from "../analytics-format";
import type { TimelineBucket, TutorQuestion } from "../creator-analytics.api";

/** A heat level's fill: the accent mixed into the strip's base, so both palettes (light, dark) work. */
const HEAT_FILL = [
  "var(--lumen-surface-muted)",
  "color-mix(in srgb, var(--lumen-accent) 30%, var(--lumen-surface-muted))",
  "color-mix(in srgb, var(--lumen-accent) 55%, var(--lumen-surface-muted))",
  "color-mix(in srgb, var(--lumen-accent) 78%, var(--lumen-surface-muted))",
  "var(--lumen-accent)",
] as const;

/** The timeline as rows: the stretches with any activity. */
const TABLE_COLUMNS: ReadonlyArray<TableColumn<TimelineBucket>> = [
  { label: "Stretch", cell: formatStretch },
  { label: "Learners rewatching", cell: (b) => formatCount(b.rewatch_learners), numeric: true },
  { label: "Rewatches", cell: (b) => `${b.rewatches}×`, numeric: true },
  { label: "Questions", cell: (b) => formatCount(b.questions), numeric: true },
];

/**
 * Arrow keys within a group of buttons where only one is in the tab order (a roving tab stop): the strip's
 * stretches and the question markers are each one stop, however many there are.
 */
function rovingKey(event: KeyboardEvent, index: number, count: number): number | null {
  const step: Record<string, number> = {
    ArrowRight: 1,
    ArrowDown: 1,
    ArrowLeft: -1,
    ArrowUp: -1,
    PageDown: 10,
    PageUp: -10,
  };
  if (event.key === "Home") return 0;
  if (event.key === "End") return count - 1;
  const delta = step[event.key];
  return delta === undefined ? null : Math.min(count - 1, Math.max(0, index + delta));
}

function focusIn(container: HTMLElement | null, index: number) {
  container?.querySelectorAll<HTMLButtonElement>("button")[index]?.focus();
}

/** Where a tooltip sits over its marker: centred, or held inside the strip near the ends. */
const tooltipAlign = (left: number) => (left < 20 ? "left-0" : left > 80 ? "right-0" : "left-1/2 -translate-x-1/2");

function MarkerTooltip({ marker, bucket }: { marker: QuestionMarker; bucket: TimelineBucket }) {
  const shown = marker.questions.slice(0, 3);
  const unlisted = marker.count - shown.length;
  return (
    <div
      aria-hidden="true"
      className={`pointer-events-none absolute bottom-full z-10 mb-2 w-64 max-w-[80vw] rounded-xl border border-border bg-surface p-3 text-left text-sm shadow-card-hover ${tooltipAlign(marker.left)}`}
    >
      <p className="text-xs font-medium text-muted">
        {formatStretch(bucket)} · {plural(marker.count, "question")}
      </p>
      <ul className="mt-1.5 space-y-1.5">
        {shown.map((q) => (
          <li key={`${q.asked_at}-${q.question.slice(0, 20)}`} className="line-clamp-2 text-foreground">
            “{q.question}”
          </li>
        ))}
      </ul>
      {unlisted > 0 && (
        <p className="mt-1.5 text-xs text-muted">
          {shown.length > 0 ? `And ${formatCount(unlisted)} more.` : `${plural(unlisted, "earlier question")}.`}
        </p>
      )}
    </div>
  );
}

/**
 * A video lesson's timeline: a heat strip of the stretches learners watched again (darker: more learners) with
 * the tutor questions asked there as markers above it. Both are keyboard groups (Tab in, arrows along, Enter to
 * pick a stretch); hovering or focusing shows the figures or the questions. "Show table" lists the same in rows.
 */
export function LessonTimeline({
  lessonTitle,
  durationSeconds,
  bucketSeconds,
  timeline,
  questions,
  selected,
  onSelect,
}: {
  lessonTitle: string;
  durationSeconds: number;
  bucketSeconds: number;
  timeline: readonly TimelineBucket[];
  questions: readonly TutorQuestion[];
  /** The stretch whose questions the list shows, if one was picked. */
  selected: number | null;
  onSelect: (bucket: number | null) => void;
}) {
  const id = useId();
  const stripRef = useRef<HTMLFieldSetElement>(null);
  const markersRef = useRef<HTMLFieldSetElement>(null);
  const [activeCell, setActiveCell] = useState<number | null>(null);
  const [stripStop, setStripStop] = useState(0);
  const [openMarker, setOpenMarker] = useState<number | null>(null);
  const [markerStop, setMarkerStop] = useState(0);
  const [asTable, setAsTable] = useState(false);

  const peak = Math.max(0, ...timeline.map((b) => b.rewatch_learners));
  const markers = questionMarkers(timeline, questions, durationSeconds);
  const active = activeCell === null ? null : timeline[activeCell];
  const busy = timeline.filter((b) => b.rewatch_learners > 0 || b.questions > 0);
  const pick = (bucket: number) => onSelect(selected === bucket ? null : bucket);

  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h4 id={`${id}-title`} className="font-semibold tracking-tight">
            Timeline of “{lessonTitle}”
          </h4>
          <figcaption className="mt-1 text-sm text-pretty text-muted">{timelineSummary(timeline)}</figcaption>
        </div>
        <button
          type="button"
          aria-controls={`${id}-view`}
          aria-expanded={asTable}
          onClick={() => setAsTable((t) => !t)}
          className={`${buttonClasses("ghost", "sm")} -ml-3 h-8 shrink-0 px-3 text-primary sm:-mr-2 sm:ml-0`}
        >
          {asTable ? "Show timeline" : "Show table"}
          <span className="sr-only"> of the timeline</span>
        </button>
      </div>

      <div id={`${id}-view`} className="mt-4">
        {asTable ? (
          busy.length === 0 ? (
            <p className="text-sm text-muted">No stretch of the video was rewatched or asked about in this period.</p>
          ) : (
            <ScrollingTable
              label="Timeline, as a table"
              caption="Stretches of the video with rewatches or questions; the others are left out"
              rows={busy}
              columns={TABLE_COLUMNS}
              rowKey={(b) => String(b.start_seconds)}
              maxHeight={288}
            />
          )
        ) : (
          <div className="pt-2">
            {/* Question markers: one per stretch with questions, over the strip. */}
            <fieldset ref={markersRef} className="relative m-0 h-8 min-w-0 border-0 p-0">
              <legend className="sr-only">
                {markers.length > 0 ? "Tutor questions along the video" : "No tutor questions along the video"}
              </legend>
              {markers.map((marker, index) => {
                const bucket = timeline[marker.bucket];
                if (!bucket) return null;
                const open = openMarker === index;
                return (
                  <div
                    key={marker.bucket}
                    className="absolute top-0 -translate-x-1/2"
                    style={{ left: `${marker.left}%` }}
                  >
                    <button
                      type="button"
                      tabIndex={index === markerStop ? 0 : -1}
                      aria-label={`${plural(marker.count, "question")} at ${formatStretch(bucket)}`}
                      aria-describedby={`${id}-marker-${index}`}
                      aria-pressed={selected === marker.bucket}
                      onClick={() => pick(marker.bucket)}
                      onFocus={() => {
                        setMarkerStop(index);
                        setOpenMarker(index);
                      }}
                      onBlur={() => setOpenMarker(null)}
                      onMouseEnter={() => setOpenMarker(index)}
                      onMouseLeave={() => setOpenMarker(null)}
                      onKeyDown={(event) => {
                        if (event.key === "Escape") {
                          setOpenMarker(null);
                          return;
                        }
                        const next = rovingKey(event, index, markers.length);
                        if (next === null) return;
                        event.preventDefault();
                        focusIn(markersRef.current, next);
                      }}
                      className={`flex h-6 min-w-6 items-center justify-center rounded-full px-1.5 text-xs font-semibold shadow-sm transition-colors ${
                        selected === marker.bucket
                          ? "bg-foreground text-background"
                          : "bg-primary text-primary-foreground hover:bg-primary-hover"
                      }`}
                    >
                      {marker.count > 9 ? "9+" : marker.count}
                    </button>
                    <span id={`${id}-marker-${index}`} className="sr-only">
                      {marker.questions.map((q) => `“${q.question}”`).join(" ")}
                    </span>
                    {open && <MarkerTooltip marker={marker} bucket={bucket} />}
                  </div>
                );
              })}
            </fieldset>

            {/* The heat strip: one stretch per cell, darker where more learners went back. */}
            <fieldset ref={stripRef} className="m-0 min-w-0 border-0 p-0">
              <legend className="sr-only">
                Rewatches along the video in {bucketSeconds}-second stretches; use the arrow keys to move
              </legend>
              <div className="flex h-10 w-full overflow-hidden rounded-lg border border-border">
                {timeline.map((bucket, index) => (
                  <button
                    key={bucket.start_seconds}
                    type="button"
                    tabIndex={index === stripStop ? 0 : -1}
                    aria-label={describeStretch(bucket)}
                    aria-pressed={selected === index}
                    onClick={() => pick(index)}
                    onFocus={() => {
                      setStripStop(index);
                      setActiveCell(index);
                    }}
                    onBlur={() => setActiveCell(null)}
                    onMouseEnter={() => setActiveCell(index)}
                    onMouseLeave={() => setActiveCell(null)}
                    onKeyDown={(event) => {
                      const next = rovingKey(event, index, timeline.length);
                      if (next === null) return;
                      event.preventDefault();
                      focusIn(stripRef.current, next);
                    }}
                    className={`relative min-w-0 flex-1 focus-visible:z-10 focus-visible:outline-offset-0 ${
                      selected === index ? "ring-2 ring-foreground ring-inset" : ""
                    }`}
                    data-heat={heatLevel(bucket.rewatch_learners, peak)}
                    style={{ background: HEAT_FILL[heatLevel(bucket.rewatch_learners, peak)] }}
                  />
                ))}
              </div>
            </fieldset>
            <div aria-hidden="true" className="mt-1.5 flex justify-between text-xs text-muted tabular-nums">
              <span>0:00</span>
              <span>{formatClock(durationSeconds / 2)}</span>
              <span>{formatClock(durationSeconds)}</span>
            </div>

            <p aria-hidden="true" className="mt-3 min-h-5 text-sm text-foreground">
              {active
                ? describeStretch(active)
                : "Point at or focus a stretch to see its figures; select it to filter the questions."}
            </p>

            <div aria-hidden="true" className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-muted">
              <span className="flex items-center gap-1.5">
                Fewer
                {HEAT_FILL.map((fill) => (
                  <span key={fill} className="size-3 rounded-sm border border-border" style={{ background: fill }} />
                ))}
                more learners rewatched
              </span>
              <span className="flex items-center gap-1.5">
                <span className="flex size-4 items-center justify-center rounded-full bg-primary text-[0.6rem] font-semibold text-primary-foreground">
                  2
                </span>
                tutor questions asked there
              </span>
            </div>
          </div>
        )}
      </div>
    </figure>
  );
}
