/** A WebVTT cue: start and end in seconds and its text without markup. */
export interface VttCue {
  start: number;
  end: number;
  text: string;
}

const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function seconds(stamp: string): number | null {
  const m = TIMESTAMP.exec(stamp.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/**
 * Parses WebVTT cues (header, cue ids, NOTE/STYLE blocks and inline tags are skipped). Throws with a line
 * number when a timing line is malformed, so uploads get a precise error.
 */
export function parseWebVtt(vtt: string): VttCue[] {
  const text = vtt.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text)) throw new Error("line 1: a WebVTT file starts with WEBVTT");
  const cues: VttCue[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes("-->")) continue;
    const [from, rest = ""] = line.split("-->");
    const start = seconds(from ?? "");
    const end = seconds(rest.trim().split(/\s+/)[0] ?? "");
    if (start === null || end === null || end < start)
      throw new Error(`line ${i + 1}: invalid cue timing "${line.trim()}"`);
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1] as string).trim() !== "") {
      i++;
      body.push((lines[i] as string).replace(/<[^>]+>/g, "").trim());
    }
    cues.push({ start, end, text: body.filter(Boolean).join(" ") });
  }
  return cues;
}

/** The spoken text of a transcript, for search; empty for a missing or unreadable one. */
export function webVttText(vtt: string | null | undefined): string {
  if (!vtt) return "";
  try {
    return parseWebVtt(vtt)
      .map((c) => c.text)
      .join(" ");
  } catch {
    return "";
  }
}
