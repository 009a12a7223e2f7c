/**
 * A local copy of a lesson's text while it has unsaved edits, so a closed tab, a crash or the browser's back
 * button doesn't lose an hour of writing. Kept per lesson in localStorage until the lesson is saved or the
 * draft discarded. Only this browser sees it.
 */
export interface LessonDraft {
  content_md: string;
  transcript_vtt: string | null;
  saved_at: string;
}

const key = (lessonId: string) => `lumen.studio.lesson-draft.${lessonId}`;

function store(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(lessonId: string): LessonDraft | null {
  try {
    const raw = store()?.getItem(key(lessonId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LessonDraft>;
    if (typeof value.content_md !== "string" || typeof value.saved_at !== "string") return null;
    return {
      content_md: value.content_md,
      transcript_vtt: typeof value.transcript_vtt === "string" ? value.transcript_vtt : null,
      saved_at: value.saved_at,
    };
  } catch {
    return null;
  }
}

export function writeDraft(lessonId: string, draft: Omit<LessonDraft, "saved_at">): void {
  try {
    store()?.setItem(key(lessonId), JSON.stringify({ ...draft, saved_at: new Date().toISOString() }));
  } catch {
    // Storage full or blocked: the draft is a safety net, the form still works.
  }
}

export function clearDraft(lessonId: string): void {
  try {
    store()?.removeItem(key(lessonId));
  } catch {
    // Nothing to clear.
  }
}
