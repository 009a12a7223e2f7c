"use client";

import { useEffect, useSyncExternalStore } from "react";

/*
 * The results are re-rendered on the server after every change, inside a fresh Suspense boundary, so a live
 * region there would be new each time and not be read out. This one lives outside it, and the results
 * publish their summary into it.
 */
let announcement = "";
let lastView: string | null = null;
let toggle = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function publish(view: string, message: string) {
  // The same view again is no news (a re-render, or Strict Mode running effects twice); neither is the
  // view the page arrived with.
  if (view === lastView) return;
  const first = lastView === null;
  lastView = view;
  if (first) return;
  // A trailing no-break space on every other message makes a repeated summary ("4 courses" for two
  // different filters) still count as a change to screen readers.
  toggle = !toggle;
  announcement = `${message}${toggle ? "\u00a0" : ""}`;
  for (const listener of listeners) listener();
}

export function ResultsAnnouncer() {
  const message = useSyncExternalStore(
    subscribe,
    () => announcement,
    () => "",
  );
  return (
    <p role="status" className="sr-only">
      {message}
    </p>
  );
}

/** Renders nothing; tells the announcer what the results for `view` (the URL's query) now show. */
export function AnnounceResults({ view, message }: { view: string; message: string }) {
  useEffect(() => {
    publish(view, message);
  }, [view, message]);
  return null;
}
