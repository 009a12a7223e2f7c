"use client";

import { useEffect, useSyncExternalStore } from "react";

/*
 * The results are re-rendered on the server after every change, inside a fresh Suspense boundary, so a live
 * region there would be new each time and not be read out. This one lives outside it, and the results
 * publish their summary into it.
 */
let announcement = "";
let published = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function publish(message: string) {
  published += 1;
  // The first summary is what the page says on arrival, not news. A trailing no-break space on every other
  // message makes a repeated summary ("4 courses" twice) still count as a change.
  announcement = published > 1 ? `${message}${published % 2 ? "\u00a0" : ""}` : "";
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

/** Renders nothing; tells the announcer what the results now show. */
export function AnnounceResults({ message }: { message: string }) {
  useEffect(() => {
    publish(message);
  }, [message]);
  return null;
}
