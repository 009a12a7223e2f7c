import { type Lesson, lessonUpdateSchema, parseWebVtt } from "@lumen/contracts";
import type { z } from "zod";

/**
 * The lesson editor's form: the contract's update rules for every field but the module (moves happen in the
 * outline), all present, and the transcript checked cue by cue as the API will (the contract only checks that it
 * starts with WEBVTT).
 */
export const lessonFormSchema = lessonUpdateSchema
  .omit({ module_id: true })
  .required()
  .superRefine((lesson, ctx) => {
    if (!lesson.transcript_vtt) return;
    try {
      parseWebVtt(lesson.transcript_vtt);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["transcript_vtt"],
        message: `This isn't valid WebVTT: ${(error as Error).message}`,
      });
    }
  });
export type LessonFormInput = z.input<typeof lessonFormSchema>;
export type LessonFormOutput = z.output<typeof lessonFormSchema>;

export const LESSON_FIELDS = [
  "title",
  "kind",
  "is_preview",
  "video_url",
  "duration_seconds",
  "transcript_vtt",
  "content_md",
] as const;

export function lessonToForm(lesson: Lesson): LessonFormInput {
  return {
    title: lesson.title,
    kind: lesson.kind,
    is_preview: lesson.is_preview,
    content_md: lesson.content_md,
    video_url: lesson.video_url,
    duration_seconds: lesson.duration_seconds,
    transcript_vtt: lesson.transcript_vtt,
  };
}

/** What a transcript holds, or why it can't be read: for the words under the editor. */
export function describeTranscript(
  vtt: string | null,
): { ok: true; cues: number; end: number } | { ok: false; error: string } | null {
  if (!vtt) return null;
  try {
    const cues = parseWebVtt(vtt);
    return { ok: true, cues: cues.length, end: cues.reduce((max, c) => Math.max(max, c.end), 0) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
