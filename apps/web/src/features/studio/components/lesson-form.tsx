"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Lesson, LessonUpdate } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { whileIdle } from "@/components/ui/submit-button";
import { applyServerErrors, focusFirstError } from "@/features/account/server-errors";
import { clearDraft, type LessonDraft, readDraft, writeDraft } from "../lesson-draft";
import {
  LESSON_FIELDS,
  type LessonFormInput,
  type LessonFormOutput,
  lessonFormSchema,
  lessonToForm,
} from "../lesson-form";
import { updateLesson } from "../studio.api";
import { formatEdited, formatSeconds } from "../studio-format";
import { useUnsavedChanges } from "../unsaved-changes";
import { MarkdownField } from "./markdown-field";
import { SaveBar, type SaveState } from "./save-bar";
import { panelClasses } from "./studio-ui";
import { TranscriptField } from "./transcript-field";
import { VideoField } from "./video-field";

const DRAFT_DELAY_MS = 800;

function changes(values: LessonFormOutput, dirty: Partial<Record<keyof LessonFormInput, unknown>>): LessonUpdate {
  const body: LessonUpdate = {};
  for (const key of LESSON_FIELDS) if (dirty[key]) Object.assign(body, { [key]: values[key] });
  return body;
}

/** Title, type, preview flag, video, transcript and text of a lesson; saves only what changed. */
export function LessonForm({
  courseId,
  lesson,
  onSaved,
}: {
  courseId: string;
  lesson: Lesson;
  onSaved: (lesson: Lesson) => void;
}) {
  const [state, setState] = useState<SaveState>("idle");
  const [alert, setAlert] = useState<string | null>(null);
  const [draft, setDraft] = useState<LessonDraft | null>(null);
  const [playbackUrl, setPlaybackUrl] = useState(lesson.video_url);
  const form = useForm<LessonFormInput, unknown, LessonFormOutput>({
    resolver: zodResolver(lessonFormSchema),
    shouldFocusError: false,
    defaultValues: lessonToForm(lesson),
  });
  const { control, register, handleSubmit, setValue, setError, setFocus, reset, formState } = form;
  const { isDirty, dirtyFields, errors } = formState;
  useUnsavedChanges(`lesson-${lesson.id}`, "your changes to the lesson", isDirty);

  const kind = useWatch({ control, name: "kind" });
  const text = useWatch({ control, name: "content_md" });
  const transcript = useWatch({ control, name: "transcript_vtt" });
  const duration = useWatch({ control, name: "duration_seconds" });
  const textDirty = Boolean(dirtyFields.content_md || dirtyFields.transcript_vtt);

  // A draft left by an earlier visit that differs from what is saved: offer it back.
  useEffect(() => {
    const found = readDraft(lesson.id);
    if (!found) return;
    if (found.content_md === lesson.content_md && found.transcript_vtt === lesson.transcript_vtt) clearDraft(lesson.id);
    else setDraft(found);
  }, [lesson.id, lesson.content_md, lesson.transcript_vtt]);

  // Keep a local copy of unsaved text (not while an old draft waits for an answer: it would overwrite it).
  useEffect(() => {
    if (!textDirty || draft) return;
    const timer = setTimeout(
      () => writeDraft(lesson.id, { content_md: text ?? "", transcript_vtt: transcript ?? null }),
      DRAFT_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [textDirty, draft, text, transcript, lesson.id]);

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      const body = changes(values, dirtyFields);
      if (Object.keys(body).length === 0) return setState("saved");
      setState("saving");
      try {
        const saved = await updateLesson(lesson.id, body);
        clearDraft(lesson.id);
        setDraft(null);
        setPlaybackUrl(saved.video_url);
        reset(lessonToForm(saved));
        setState("saved");
        onSaved(saved);
      } catch (error) {
        setState("failed");
        setAlert(applyServerErrors(error, setError, LESSON_FIELDS));
      }
    },
    (invalid) => {
      setState("failed");
      setAlert("The lesson wasn't saved: some fields need your attention.");
      focusFirstError(LESSON_FIELDS, setFocus)(invalid);
    },
  );

  return (
    <form noValidate onSubmit={whileIdle(state === "saving", submit)} className="space-y-6">
      {draft && (
        <div role="status" className="rounded-xl border border-accent/30 bg-accent-soft px-4 py-3 text-sm">
          <p>
            <span className="font-medium">You have unsaved text from {formatEdited(draft.saved_at)}</span> that differs
            from the saved lesson (kept in this browser).
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => {
                setValue("content_md", draft.content_md, { shouldDirty: true });
                setValue("transcript_vtt", draft.transcript_vtt, { shouldDirty: true });
                setDraft(null);
              }}
              className={buttonClasses("primary", "sm")}
            >
              Restore it
            </button>
            <button
              type="button"
              onClick={() => {
                clearDraft(lesson.id);
                setDraft(null);
              }}
              className={buttonClasses("ghost", "sm")}
            >
              Discard it
            </button>
          </div>
        </div>
      )}
      {alert && <FormAlert>{alert}</FormAlert>}

      <section aria-labelledby="lesson-basics" className={`${panelClasses} space-y-5`}>
        <h2 id="lesson-basics" className="text-lg font-semibold tracking-tight">
          Lesson
        </h2>
        <FormField id="lesson-title" label="Title" error={errors.title?.message}>
          {(c) => <input {...c} {...register("title")} autoComplete="off" className={inputClasses} />}
        </FormField>
        <fieldset>
          <legend className="text-sm font-medium">Type</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(["video", "text"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" value={value} {...register("kind")} className="size-4 accent-primary" />
                {value === "video" ? "Video lesson" : "Text lesson"}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" {...register("is_preview")} className="mt-0.5 size-4 accent-primary" />
          <span>
            <span className="font-medium">Free preview</span>
            <span className="block text-muted">
              Anyone can open this lesson from the course page, without enrolling.
            </span>
          </span>
        </label>
      </section>

      {kind === "video" && (
        <section aria-labelledby="lesson-video" className={`${panelClasses} space-y-5`}>
          <h2 id="lesson-video" className="text-lg font-semibold tracking-tight">
            Video
          </h2>
          <Controller
            control={control}
            name="video_url"
            render={({ field }) => (
              <VideoField
                id="lesson-video-file"
                courseId={courseId}
                value={field.value ?? null}
                playbackUrl={playbackUrl}
                transcript={transcript ?? null}
                onChange={field.onChange}
                onDuration={(seconds) => setValue("duration_seconds", seconds, { shouldDirty: true })}
              />
            )}
          />
          <div className="max-w-56">
            <FormField
              id="lesson-duration"
              label="Length (seconds)"
              hint={
                duration
                  ? `${formatSeconds(duration)}. Filled in from an uploaded video.`
                  : "Filled in from an uploaded video."
              }
              error={errors.duration_seconds?.message}
            >
              {(c) => (
                <input
                  {...c}
                  {...register("duration_seconds", { setValueAs: (v: unknown) => (v === "" ? 0 : Number(v)) })}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  className={inputClasses}
                />
              )}
            </FormField>
          </div>
          <div className="border-t border-border pt-5">
            <h3 className="font-semibold">Transcript</h3>
            <div className="mt-3">
              <Controller
                control={control}
                name="transcript_vtt"
                render={({ field }) => (
                  <TranscriptField
                    id="lesson-transcript"
                    value={field.value ?? null}
                    duration={duration ?? 0}
                    error={errors.transcript_vtt?.message}
                    onChange={field.onChange}
                  />
                )}
              />
            </div>
          </div>
        </section>
      )}

      <section aria-labelledby="lesson-text" className={panelClasses}>
        <h2 id="lesson-text" className="text-lg font-semibold tracking-tight">
          {kind === "video" ? "Notes" : "Text"}
        </h2>
        <div className="mt-4">
          <Controller
            control={control}
            name="content_md"
            render={({ field }) => (
              <MarkdownField
                id="lesson-content"
                value={field.value ?? ""}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.content_md?.message}
              />
            )}
          />
        </div>
      </section>

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-border bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-card sm:border sm:px-5">
        <SaveBar state={state} dirty={isDirty} label="Save lesson" />
      </div>
    </form>
  );
}
