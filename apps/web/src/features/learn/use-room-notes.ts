"use client";

import type { Lesson, Note } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { useCallback, useMemo } from "react";
import { paragraphInView, revealParagraph, revealVideo } from "./note-anchors";
import type { NoteCapture } from "./notes-panel";

/**
 * The learning room's side of notes: where a new note is pinned (the video's second, or the paragraph being read)
 * and how a note is jumped back to (seek, scroll, or open its lesson at `?t=` / `?p=`).
 */
export function useRoomNotes(room: {
  courseId: string;
  lesson: Pick<Lesson, "id">;
  isVideo: boolean;
  video: HTMLVideoElement | null;
  seek: (seconds: number) => void;
}) {
  const router = useRouter();
  const { courseId, isVideo, video, seek } = room;
  const lessonId = room.lesson.id;

  const capture = useMemo<NoteCapture>(
    () => ({
      lessonId,
      anchor: () => {
        if (!isVideo) return { paragraph: paragraphInView(document.getElementById("lesson-content") ?? document) };
        return video ? { position_seconds: video.currentTime } : null;
      },
    }),
    [lessonId, isVideo, video],
  );

  const jump = useCallback(
    (note: Note) => {
      if (note.lesson_id !== lessonId) {
        const to = note.position_seconds !== null ? `?t=${Math.floor(note.position_seconds)}` : `?p=${note.paragraph}`;
        router.push(`/learn/${courseId}/${note.lesson_id}${to}`);
      } else if (note.position_seconds !== null && isVideo) {
        if (video) revealVideo(video);
        seek(note.position_seconds);
      } else if (note.paragraph !== null) revealParagraph(note.paragraph);
    },
    [lessonId, isVideo, seek, router, courseId, video],
  );

  return { capture, jump };
}
