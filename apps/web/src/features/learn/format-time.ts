import { wholeSeconds } from "@/lib/format";

/** 75 → "1:15", 3725 → "1:02:05"; 276.6 → "4:37" (lib/format's rounding rule). */
export function formatClock(totalSeconds: number): string {
  const s = wholeSeconds(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** 75 → "1 minute 15 seconds", for screen readers. */
export function spokenDuration(totalSeconds: number): string {
  const s = wholeSeconds(totalSeconds);
  const m = Math.floor(s / 60);
  const sec = s % 60;
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (sec || !m) parts.push(`${sec} second${sec === 1 ? "" : "s"}`);
  return parts.join(" ");
}
