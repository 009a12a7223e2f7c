"use client";

import {
  type Citation,
  type CourseDetail,
  type LearnerQuiz,
  type Lesson,
  type Progress,
  parseWebVtt,
  type VttCue,
} from "@lumen/contracts";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { useSession } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { CompletionControl } from "./completion-control";
import { ConfusionNudge, explainQuestion, useConfusionNudge } from "./confusion-nudge";
import { formatClock } from "./format-time";
import {
  completeLesson,
  loadCourse,
  loadCourseProgress,
  loadLesson,
  loadLessonConversation,
  loadQuiz,
  reportProgress,
  startLesson,
  streamChat,
  submitQuizAttempt,
} from "./learn.api";
import { Markdown } from "./markdown";
import { revealParagraph, revealVideo } from "./note-anchors";
import { NotesPanel } from "./notes-panel";
import { OutlinePanel } from "./outline-panel";
import { QuizPanel } from "./quiz-panel";
import { RoomError, RoomSkeleton } from "./room-states";
import { Transcript } from "./transcript";
import { type TutorMessage, TutorPanel, videoPlayhead } from "./tutor-panel";
import { useLessonPlayback } from "./use-lesson-playback";
import { useRoomNotes } from "./use-room-notes";

// The player's web components only exist in browsers.
const VideoPlayer = dynamic(() => import("./video-player"), {
  ssr: false,
  loading: () => <div className="aspect-video w-full animate-pulse rounded-card bg-surface-muted" />,
});

interface RoomData {
  course: CourseDetail;
  lesson: Lesson;
  progress: Map<string, Progress>;
  quiz: LearnerQuiz | null;
  history: { conversationId: string | null; messages: TutorMessage[] };
}

type LoadState = { kind: "loading" } | { kind: "ready"; data: RoomData } | { kind: "failed"; error: unknown };

async function loadRoom(courseId: string, lessonId: string, signedIn: boolean): Promise<RoomData> {
  const [course, lesson, progress] = await Promise.all([
    loadCourse(courseId),
    loadLesson(lessonId),
    loadCourseProgress(courseId),
  ]);
  if (lesson.course_id !== course.id) throw Object.assign(new Error("lesson not in course"), { notInCourse: true });
  const [quizView, conversation] = await Promise.all([
    lesson.has_quiz ? loadQuiz(lessonId).catch(() => null) : Promise.resolve(null),
    signedIn && course.access.can_view_content
      ? loadLessonConversation(lessonId).catch(() => null)
      : Promise.resolve(null),
  ]);
  return {
    course,
    lesson,
    progress,
    quiz: quizView?.view === "learner" ? quizView : null,
    history: {
      conversationId: conversation?.id ?? null,
      messages: (conversation?.messages ?? []).map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        citations: m.citations,
      })),
    },
  };
}

/**
 * The course's share of completed lessons, from the progress the room holds (the server's rule: completed lessons
 * over lessons), so the header moves as soon as a lesson completes rather than on the next page load.
 */
export function coursePercentDone(lessons: ReadonlyArray<{ id: string }>, progress: Map<string, Progress>): number {
  if (lessons.length === 0) return 0;
  const done = lessons.filter((l) => progress.get(l.id)?.video_progress.is_completed).length;
  return Math.round((100 * done) / lessons.length);
}

export { revealVideo } from "./note-anchors";

/** The learning room: video (or reading), transcript, quiz, outline and the tutor, for one lesson. */
export function LearningRoom({
  courseId,
  lessonId,
  startAt,
  startParagraph = null,
}: {
  courseId: string;
  lessonId: string;
  startAt: number | null;
  /** `?p=`: a reading's paragraph to scroll to (a note's anchor). */
  startParagraph?: number | null;
}) {
  const status = useSession((s) => s.status);
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to load again
  useEffect(() => {
    if (status === "unknown") return;
    let cancelled = false;
    setState({ kind: "loading" });
    loadRoom(courseId, lessonId, status === "authenticated").then(
      (data) => !cancelled && setState({ kind: "ready", data }),
      (error: unknown) => !cancelled && setState({ kind: "failed", error }),
    );
    return () => {
      cancelled = true;
    };
  }, [courseId, lessonId, status, attempt]);

  if (state.kind === "loading") return <RoomSkeleton />;
  if (state.kind === "failed")
    return <RoomError error={state.error} courseId={courseId} retry={() => setAttempt((n) => n + 1)} />;
  return (
    <Room
      key={lessonId}
      data={state.data}
      startAt={startAt}
      startParagraph={startParagraph}
      signedIn={status === "authenticated"}
    />
  );
}

/** Seconds between the first unwatched part and where the learner stopped before "Jump to" is offered. */
const RESUME_OFFER_GAP = 15;

function Room({
  data,
  startAt,
  startParagraph,
  signedIn,
}: {
  data: RoomData;
  startAt: number | null;
  startParagraph: number | null;
  signedIn: boolean;
}) {
  const { course, lesson, quiz, history } = data;
  const router = useRouter();
  const enrolled = course.enrollment?.status === "active";
  const tracksProgress = signedIn && enrolled;
  const [progress, setProgress] = useState(data.progress);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "warn"; text: string } | null>(null);
  const lessonProgress = progress.get(lesson.id) ?? null;
  const completed = lessonProgress?.video_progress.is_completed ?? false;

  const cues = useMemo<VttCue[]>(() => {
    try {
      return lesson.transcript_vtt ? parseWebVtt(lesson.transcript_vtt) : [];
    } catch {
      return [];
    }
  }, [lesson.transcript_vtt]);

  const applyProgress = useCallback((p: Progress) => {
    setProgress((current) => {
      const before = current.get(p.lesson_id);
      if (!before?.video_progress.is_completed && p.video_progress.is_completed) {
        setNotice({ tone: "ok", text: "Lesson complete. Nice work!" });
      }
      return new Map(current).set(p.lesson_id, p);
    });
  }, []);

  const playback = useLessonPlayback(video, {
    startAt: startAt ?? lessonProgress?.video_progress.resume_seconds ?? 0,
    report: tracksProgress ? (report, urgent) => reportProgress(lesson.id, report, urgent) : null,
    onProgress: applyProgress,
  });

  useEffect(() => {
    if (tracksProgress) startLesson(lesson.id).then(applyProgress, () => undefined);
  }, [tracksProgress, lesson.id, applyProgress]);

  const { seek } = playback;
  const lessons = course.modules.flatMap((m) => m.lessons);
  const index = lessons.findIndex((l) => l.id === lesson.id);
  const previous = index > 0 ? lessons[index - 1] : undefined;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : undefined;
  const percentDone = coursePercentDone(lessons, progress);
  const isVideo = lesson.kind === "video" && Boolean(lesson.video_url);
  // The player starts at the first part not watched yet; when the learner had skipped ahead, they are offered the
  // place they stopped at too (a reload after jumping to 2:02 starts at 0:05, with "Jump to 2:08").
  const [stoppedAt, setStoppedAt] = useState<{ resume: number; stopped: number } | null>(() => {
    const saved = data.progress.get(lesson.id)?.video_progress;
    if (!saved || startAt !== null) return null;
    const { resume_seconds: resume, position_seconds: stopped } = saved;
    return stopped - resume > RESUME_OFFER_GAP && stopped < lesson.duration_seconds - RESUME_OFFER_GAP
      ? { resume, stopped }
      : null;
  });
  const canOpen = (l: { is_preview: boolean }) => course.access.can_view_content || l.is_preview;
  // The tutor answers only signed-in learners who can see the lesson's content.
  const tutorOpen = signedIn && course.access.can_view_content;
  // Notes belong to learners with access to the course: enrolled, and entitled on a paid one.
  const takesNotes = tracksProgress && course.access.can_view_content;
  const nudge = useConfusionNudge(video, isVideo && tutorOpen);
  const [tutorPrefill, setTutorPrefill] = useState<{ id: number; text: string } | null>(null);

  useEffect(() => {
    if (startParagraph !== null && lesson.kind === "text") revealParagraph(startParagraph);
  }, [startParagraph, lesson.kind]);
  const notes = useRoomNotes({ courseId: course.id, lesson, isVideo, video, seek });

  const onCite = useCallback(
    (citation: Citation) => {
      if (citation.lesson_id === lesson.id) {
        if (citation.start_seconds !== undefined && isVideo) {
          // On a phone the video is far above the tutor: bring it into view, so the jump is seen.
          if (video) revealVideo(video);
          seek(citation.start_seconds);
        } else document.getElementById("lesson-content")?.focus();
        return;
      }
      const t = citation.start_seconds !== undefined ? `?t=${Math.floor(citation.start_seconds)}` : "";
      router.push(`/learn/${course.id}/${citation.lesson_id}${t}`);
    },
    [lesson.id, isVideo, seek, router, course.id, video],
  );

  async function markComplete() {
    setNotice(null);
    try {
      applyProgress(await completeLesson(lesson.id));
    } catch (failure) {
      setNotice({ tone: "warn", text: errorText(failure) });
    }
  }

  return (
    <div className="mx-auto grid max-w-[90rem] gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-8 lg:px-8">
      <div className="min-w-0 space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <Link href={`/courses/${course.id}`} className="hover:text-foreground">
            {course.title}
          </Link>
          {enrolled && <span> · {percentDone}% of the course done</span>}
        </nav>

        {isVideo && lesson.video_url && (
          <VideoPlayer
            src={lesson.video_url}
            captionsVtt={lesson.transcript_vtt}
            title={lesson.title}
            onVideo={setVideo}
          />
        )}

        {isVideo && tutorOpen && (
          <ConfusionNudge
            offer={nudge.offer}
            onDismiss={nudge.dismiss}
            onExplain={(stretch) => {
              setTutorPrefill((current) => ({ id: (current?.id ?? 0) + 1, text: explainQuestion(cues, stretch) }));
              nudge.dismiss();
            }}
          />
        )}

        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="font-display text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
              {lesson.title}
            </h1>
            <p className="mt-1 text-sm text-muted">
              {lesson.kind === "video" ? "Video" : "Reading"} · {formatClock(lesson.duration_seconds)}
              {lessonProgress &&
                lesson.kind === "video" &&
                ` · ${Math.round(lessonProgress.video_progress.watch_percentage)}% watched`}
              {!enrolled && lesson.is_preview && " · Free preview"}
            </p>
          </div>
          {tracksProgress && <CompletionControl completed={completed} onComplete={markComplete} video={isVideo} />}
        </div>

        {isVideo && tracksProgress && stoppedAt && (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-surface-muted px-4 py-2.5 text-sm">
            <span>Started at {formatClock(stoppedAt.resume)}, the first part you haven't watched yet.</span>
            <button
              type="button"
              className={buttonClasses("secondary", "sm")}
              onClick={() => {
                seek(stoppedAt.stopped);
                setStoppedAt(null);
              }}
            >
              Jump to {formatClock(stoppedAt.stopped)}, where you stopped
            </button>
          </p>
        )}

        {notice && (
          <p
            role="status"
            className={`rounded-xl px-4 py-2.5 text-sm ${notice.tone === "ok" ? "bg-primary-soft" : "bg-accent-soft"}`}
          >
            {notice.text}
          </p>
        )}

        {!signedIn && (
          <p className="rounded-2xl bg-surface-muted px-4 py-3 text-sm text-muted">
            You're watching a free preview.{" "}
            <Link
              href={`/register?next=/courses/${course.id}`}
              className="font-medium text-primary underline underline-offset-2"
            >
              Create a free account
            </Link>{" "}
            to save your progress and ask the tutor.
          </p>
        )}

        {isVideo && cues.length > 0 && (
          <section
            aria-labelledby="transcript-title"
            className="rounded-card border border-border bg-surface p-4 shadow-card sm:p-5"
          >
            <h2 id="transcript-title" className="mb-3 font-display text-lg font-semibold">
              Transcript
            </h2>
            <Transcript cues={cues} currentTime={playback.currentTime} onSeek={playback.seek} />
          </section>
        )}

        {lesson.content_md.trim() && (
          <section
            id="lesson-content"
            tabIndex={-1}
            aria-label={isVideo ? "Lesson notes" : "Lesson"}
            className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-8"
          >
            <Markdown source={lesson.content_md} title={lesson.title} anchors={!isVideo} />
          </section>
        )}

        {takesNotes && (
          <div className="rounded-card border border-border bg-surface p-4 shadow-card sm:p-5">
            <NotesPanel
              courseId={course.id}
              currentLessonId={lesson.id}
              capture={notes.capture}
              onJump={notes.jump}
              allNotesHref={`/learn/${course.id}/notes`}
            />
          </div>
        )}

        {quiz && (
          <div className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-8">
            <QuizPanel
              quiz={quiz}
              canAttempt={tracksProgress}
              submit={async (body) => {
                const result = await submitQuizAttempt(lesson.id, body);
                const current = progress.get(lesson.id);
                if (current) applyProgress({ ...current, quiz_progress: result.quiz_progress });
                return result;
              }}
            />
          </div>
        )}

        <nav
          aria-label="Lesson navigation"
          className="flex flex-wrap justify-between gap-3 border-t border-border pt-5"
        >
          {previous && canOpen(previous) ? (
            <Link href={`/learn/${course.id}/${previous.id}`} className={buttonClasses("secondary")}>
              <span aria-hidden="true">←</span> <span className="sr-only">Previous lesson: </span>
              <span className="max-w-[14rem] truncate">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && canOpen(next) ? (
            <Link href={`/learn/${course.id}/${next.id}`} className={buttonClasses("primary")}>
              <span className="sr-only">Next lesson: </span>
              <span className="max-w-[14rem] truncate">{next.title}</span> <span aria-hidden="true">→</span>
            </Link>
          ) : next ? (
            <Link href={`/courses/${course.id}`} className={buttonClasses("primary")}>
              Enroll to continue
            </Link>
          ) : (
            <Link href="/dashboard" className={buttonClasses("primary")}>
              Back to my learning
            </Link>
          )}
        </nav>
      </div>

      {/* On a wide screen the tutor and the outline share one sticky column the height of the window; each
          scrolls on its own, so neither is cut off. In a short window the tutor's log shrinks (lg:min-h-24) rather
          than pushing the question box under the outline, where it could not be clicked. */}
      <aside className="flex flex-col gap-6 lg:sticky lg:top-20 lg:h-[calc(100dvh-6rem)] lg:self-start">
        <div
          className={`flex flex-col rounded-card border border-border bg-surface p-4 shadow-card sm:p-5 ${
            tutorOpen ? "h-[34rem] max-h-[80dvh] lg:h-auto lg:max-h-none lg:min-h-[20rem] lg:flex-[1_1_0%]" : ""
          }`}
        >
          {tutorOpen ? (
            <TutorPanel
              courseId={course.id}
              lessonId={lesson.id}
              history={history}
              ask={(body, onToken, signal) => streamChat(body, onToken, { signal })}
              onCite={onCite}
              videoTime={isVideo ? () => videoPlayhead(video) : undefined}
              prefill={tutorPrefill}
            />
          ) : (
            <div className="text-sm text-muted">
              <h2 className="mb-2 font-display text-lg font-semibold text-foreground">AI tutor</h2>
              <p>
                {signedIn
                  ? "Enroll in this course to ask the tutor about its lessons."
                  : "Log in and enroll to ask the tutor; its answers link to the moment in the video they come from."}
              </p>
            </div>
          )}
        </div>
        <OutlinePanel
          course={course}
          currentLessonId={lesson.id}
          progress={progress}
          tracked={tracksProgress}
          // Beside the tutor it takes what the list needs up to a third of the column and scrolls beyond that: the
          // tutor's conversation keeps room for an answer and its sources on a laptop screen (800 px tall).
          className={`lg:min-h-[9rem] lg:shrink ${tutorOpen ? "lg:max-h-[32%]" : ""}`}
        />
      </aside>
    </div>
  );
}
