// Numbers and days in words, as every page shows them. Days are UTC days, as the API counts them, so the server
// and the browser print the same day.

const number = new Intl.NumberFormat("en-US");
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dateFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** 1280 → "1,280". */
export const formatCount = (n: number) => number.format(n);

/** "2026-11-12" → "Nov 12". */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** "Nov 12, 2026" for a timestamp or a YYYY-MM-DD day. */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

/** "1 lesson", "1,280 lessons". */
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** A 0–1 share as a whole percentage (0.456 → "46%"); `none` when there is nothing to divide by. */
export const formatShare = (share: number | null, none = "—") =>
  share === null ? none : `${Math.round(share * 100)}%`;

/**
 * The one rounding rule for lengths of time shown anywhere (lesson lists, the player, transcripts, analytics):
 * to the nearest whole second. A 276.6 s video is 4:37 in the player and in the outline alike.
 */
export const wholeSeconds = (seconds: number) => (Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0);
