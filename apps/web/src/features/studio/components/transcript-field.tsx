"use client";

import { useMemo, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { describeTranscript } from "../lesson-form";
import { formatSeconds, plural } from "../studio-format";
import { FilePicker } from "./file-picker";
import { textareaClasses } from "./studio-ui";

const MAX_BYTES = 2_000_000;

/**
 * The lesson's WebVTT transcript: uploaded from a .vtt file or written here, checked cue by cue as it changes
 * (the same parser the API uses), with what it holds or where it breaks in words.
 */
export function TranscriptField({
  id,
  value,
  duration,
  error,
  onChange,
}: {
  id: string;
  value: string | null;
  /** The video's length in seconds (0 when unknown), to notice a transcript that runs past it. */
  duration: number;
  error?: string | undefined;
  onChange: (value: string | null) => void;
}) {
  const [fileError, setFileError] = useState<string | null>(null);
  const summary = useMemo(() => describeTranscript(value), [value]);
  const problem = fileError ?? error ?? (summary && !summary.ok ? `This isn't valid WebVTT: ${summary.error}` : null);

  async function pick(file: File) {
    setFileError(null);
    if (file.size > MAX_BYTES) {
      setFileError(`This file is ${Math.round(file.size / 1000)} KB; a transcript can be at most 2,000 KB.`);
      return;
    }
    const text = await file.text();
    if (
      !text
        .replace(/^\uFEFF/, "")
        .trimStart()
        .startsWith("WEBVTT")
    ) {
      setFileError(`${file.name} isn't a WebVTT file: its first line must be WEBVTT.`);
      return;
    }
    onChange(text);
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          Upload a transcript (.vtt)
        </label>
        <div className="mt-1.5">
          <FilePicker id={`${id}-file`} accept=".vtt,text/vtt" onPick={(file) => void pick(file)} />
        </div>
      </div>
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          Transcript (WebVTT)
        </label>
        <textarea
          id={id}
          value={value ?? ""}
          onChange={(event) => {
            setFileError(null);
            onChange(event.target.value.trim() ? event.target.value : null);
          }}
          rows={10}
          spellCheck={false}
          placeholder={"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nThe first words of the video."}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-status`}
          className={`${textareaClasses} mt-1.5 font-mono text-sm leading-relaxed`}
        />
        <div id={`${id}-status`} aria-live="polite" className="mt-1.5 text-sm">
          {problem ? (
            <p className="text-danger">{problem}</p>
          ) : summary?.ok ? (
            <p className="text-muted">
              {plural(summary.cues, "cue")}, ending at {formatSeconds(summary.end)}.
              {duration > 0 && summary.end > duration + 1 && (
                <span className="text-accent"> That is past the end of the video ({formatSeconds(duration)}).</span>
              )}
            </p>
          ) : (
            <p className="text-muted">
              No transcript. With one, learners can read along and the AI tutor can point at the moment that answers
              their question.
            </p>
          )}
        </div>
      </div>
      {value && (
        <button type="button" onClick={() => onChange(null)} className={`${buttonClasses("ghost", "sm")} -ml-3`}>
          Remove transcript
        </button>
      )}
    </div>
  );
}
