import {
  type Lesson,
  type LessonCreate,
  type LessonUpdate,
  MAX_LESSON_TEXT_CHARS,
  MAX_LESSONS_PER_COURSE,
  MAX_MODULES_PER_COURSE,
  parseWebVtt,
  webVttText,
} from "@lumen/contracts";
import type { PublicReads } from "../../lib/cache-public.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { CourseRepo } from "../course/course.repo.js";
import type { JobQueue } from "../jobs/jobs.js";
import type { MediaService } from "../media/media.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { LessonRepo, LessonRow, ModuleRow } from "./lesson.repo.js";

/** `videoUrl` is what the reader gets: an uploaded video as a signed link (see MediaService.videoUrlFor). */
export function presentLesson(l: LessonRow, hasQuiz: boolean, videoUrl: string | null): Lesson {
  return {
    id: l.id,
    course_id: l.courseId,
    module_id: l.moduleId,
    title: l.title,
    kind: l.kind,
    content_md: l.contentMd,
    video_url: videoUrl,
    duration_seconds: l.durationSeconds,
    transcript_vtt: l.transcriptVtt,
    is_preview: l.isPreview,
    position: l.position,
    has_quiz: hasQuiz,
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}

const presentModule = (m: ModuleRow) => ({ id: m.id, course_id: m.courseId, title: m.title, position: m.position });

/** Checks a transcript and returns its search text and the end of its last cue (0 when there is none). */
function readTranscript(vtt: string | null | undefined): { text: string; end: number } {
  if (!vtt) return { text: "", end: 0 };
  try {
    const cues = parseWebVtt(vtt);
    return { text: webVttText(vtt), end: cues.reduce((max, c) => Math.max(max, c.end), 0) };
  } catch (err) {
    throw new AppError("VALIDATION_ERROR", "The transcript is not valid WebVTT", {
      in: "body",
      fields: { transcript_vtt: [(err as Error).message] },
    });
  }
}

/** Words a minute of an unhurried reader of course material. */
const READING_WPM = 200;

/** A reading's length in seconds, from its words (a minute at least, 0 when it has none). */
export function readingSeconds(markdown: string): number {
  const words = markdown.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words === 0 ? 0 : Math.max(60, Math.round((words / READING_WPM) * 60));
}

/** A lesson's length when the creator gives none: a video's from its transcript, a reading's from its words. */
function estimatedSeconds(kind: string, contentMd: string, transcriptEnd: number): number {
  return kind === "text" ? readingSeconds(contentMd) : Math.ceil(transcriptEnd);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && new Set(a).size === a.length && a.every((id) => b.includes(id));
}

/**
 * The saved lesson is re-indexed for the tutor by a job, off the request path. The job id names the lesson's
 * version, so a retried save doesn't queue the same work twice, while a later edit always gets its own run.
 */
const reindexJobId = (lesson: Pick<LessonRow, "id" | "updatedAt">) =>
  `lesson.reindex/${lesson.id}/${lesson.updatedAt.getTime()}`;

function checkLessonText(contentMd: string, transcriptText: string) {
  const size = contentMd.length + transcriptText.length;
  if (size > MAX_LESSON_TEXT_CHARS) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `A lesson's text and transcript may hold ${MAX_LESSON_TEXT_CHARS.toLocaleString("en")} characters in all; this one has ${size.toLocaleString("en")}. Split it into several lessons.`,
      { max_chars: MAX_LESSON_TEXT_CHARS, chars: size },
    );
  }
}

export function createLessonService(deps: {
  lessons: LessonRepo;
  courses: Pick<CourseRepo, "refreshDerived">;
  access: AccessService;
  jobs: Pick<JobQueue, "enqueue">;
  media: Pick<MediaService, "attachable" | "videoUrlFor">;
  /** A course's outline (modules, lessons, durations) is part of its cached public page: every change bumps it. */
  cache: Pick<PublicReads, "courseChanged">;
  /** Tells the learners of a published course about a new lesson (a job; nothing is sent in the request). */
  notifications?: Pick<NotificationService, "lessonPublished">;
}) {
  const { lessons, courses, access, jobs, media, cache } = deps;
  const reindex = (lesson: Pick<LessonRow, "id" | "updatedAt">) =>
    jobs.enqueue("lesson.reindex", { lessonId: lesson.id }, { jobId: reindexJobId(lesson) });
  const present = (l: LessonRow, hasQuiz: boolean) => presentLesson(l, hasQuiz, media.videoUrlFor(l.videoUrl));
  /** An uploaded video must be the caller's to use in this course; it is stored as its plain reference. */
  const videoUrlToStore = (auth: AuthContext, url: string | null | undefined, courseId: string) =>
    url ? media.attachable(auth, url, { kind: "video", courseId, field: "video_url" }) : Promise.resolve(url ?? null);

  async function managedModule(auth: AuthContext, moduleId: string): Promise<ModuleRow> {
    const mod = await lessons.findModule(moduleId);
    if (!mod) throw notFound("Module");
    await access.managedCourse(auth, mod.courseId);
    return mod;
  }

  return {
    async createModule(auth: AuthContext, courseId: string, input: { title: string; position?: number | undefined }) {
      await access.managedCourse(auth, courseId);
      const created = await lessons.transaction(async (tx) => {
        const counts = await lessons.lockCourseCounts(courseId, tx);
        if (counts.modules >= MAX_MODULES_PER_COURSE) {
          throw new AppError("CONFLICT", `A course can have at most ${MAX_MODULES_PER_COURSE} modules`, {
            max_modules: MAX_MODULES_PER_COURSE,
          });
        }
        return lessons.insertModule(courseId, input.title, input.position, tx);
      });
      await cache.courseChanged(courseId);
      return presentModule(created);
    },

    async updateModule(auth: AuthContext, moduleId: string, input: { title?: string | undefined }) {
      const mod = await managedModule(auth, moduleId);
      if (input.title === undefined) return presentModule(mod);
      const updated = await lessons.updateModule(moduleId, input.title);
      await cache.courseChanged(mod.courseId);
      return presentModule(updated ?? mod);
    },

    /** Deletes a module and its lessons. */
    async deleteModule(auth: AuthContext, moduleId: string) {
      const mod = await managedModule(auth, moduleId);
      await lessons.transaction(async (tx) => {
        await lessons.deleteModule(moduleId, tx);
        await courses.refreshDerived(mod.courseId, tx);
      });
      await cache.courseChanged(mod.courseId);
    },

    async reorderModules(auth: AuthContext, courseId: string, ids: string[]) {
      await access.managedCourse(auth, courseId);
      const current = await lessons.moduleIds(courseId);
      if (!sameSet(ids, current)) {
        throw new AppError("VALIDATION_ERROR", "Give every module of the course exactly once", {
          in: "body",
          fields: { ids: ["Must list each of the course's modules once"] },
        });
      }
      await lessons.reorderModules(courseId, ids);
      await cache.courseChanged(courseId);
      return (await Promise.all(ids.map((id) => lessons.findModule(id))))
        .filter((m): m is ModuleRow => Boolean(m))
        .map(presentModule);
    },

    async createLesson(auth: AuthContext, moduleId: string, input: LessonCreate): Promise<Lesson> {
      const mod = await managedModule(auth, moduleId);
      const transcript = readTranscript(input.transcript_vtt);
      checkLessonText(input.content_md, transcript.text);
      const videoUrl = await videoUrlToStore(auth, input.video_url, mod.courseId);
      const row = await lessons.transaction(async (tx) => {
        const counts = await lessons.lockCourseCounts(mod.courseId, tx);
        if (counts.lessons >= MAX_LESSONS_PER_COURSE) {
          throw new AppError("CONFLICT", `A course can have at most ${MAX_LESSONS_PER_COURSE} lessons`, {
            max_lessons: MAX_LESSONS_PER_COURSE,
          });
        }
        const created = await lessons.insertLesson(
          {
            moduleId,
            courseId: mod.courseId,
            title: input.title,
            kind: input.kind,
            contentMd: input.content_md,
            videoUrl,
            durationSeconds: input.duration_seconds || estimatedSeconds(input.kind, input.content_md, transcript.end),
            transcriptVtt: input.transcript_vtt ?? null,
            transcriptText: transcript.text,
            isPreview: input.is_preview,
          },
          input.position,
          tx,
        );
        await courses.refreshDerived(mod.courseId, tx);
        return created;
      });
      await cache.courseChanged(mod.courseId);
      await reindex(row);
      await deps.notifications?.lessonPublished(row.id);
      return present(row, false);
    },

    /** Full content for enrolled learners, the owner, admins, and preview lessons. */
    async read(auth: AuthContext | null, lessonId: string): Promise<Lesson> {
      await access.readableLesson(auth, lessonId);
      const found = await lessons.findLesson(lessonId);
      if (!found) throw notFound("Lesson");
      return present(found.lesson, found.hasQuiz);
    },

    async updateLesson(auth: AuthContext, lessonId: string, input: LessonUpdate): Promise<Lesson> {
      const ctx = await access.managedLesson(auth, lessonId);
      if (input.module_id && input.module_id !== ctx.lesson.moduleId) {
        const target = await lessons.findModule(input.module_id);
        if (!target || target.courseId !== ctx.course.id) {
          throw new AppError("VALIDATION_ERROR", "A lesson can only move to a module of the same course", {
            in: "body",
            fields: { module_id: ["Not a module of this course"] },
          });
        }
      }
      const values: Parameters<LessonRepo["updateLesson"]>[1] = {};
      if (input.title !== undefined) values.title = input.title;
      if (input.kind !== undefined) values.kind = input.kind;
      if (input.content_md !== undefined) values.contentMd = input.content_md;
      if (input.video_url !== undefined) values.videoUrl = await videoUrlToStore(auth, input.video_url, ctx.course.id);
      if (input.duration_seconds !== undefined) values.durationSeconds = input.duration_seconds;
      if (input.is_preview !== undefined) values.isPreview = input.is_preview;
      if (input.module_id !== undefined && input.module_id !== ctx.lesson.moduleId) values.moduleId = input.module_id;
      if (input.transcript_vtt !== undefined) {
        const transcript = readTranscript(input.transcript_vtt);
        values.transcriptVtt = input.transcript_vtt;
        values.transcriptText = transcript.text;
        if (input.duration_seconds === undefined && ctx.lesson.durationSeconds === 0)
          values.durationSeconds = Math.ceil(transcript.end);
      }
      // The stored texts, read at most once, only when an edit leaves one of them as it was.
      let stored: Promise<LessonRow | undefined> | undefined;
      const storedLesson = () => {
        stored ??= lessons.findLesson(lessonId).then((found) => found?.lesson);
        return stored;
      };
      // A reading still without a length gets one from its words.
      const kind = values.kind ?? ctx.lesson.kind;
      if (kind === "text" && input.duration_seconds === undefined && ctx.lesson.durationSeconds === 0) {
        const seconds = readingSeconds(values.contentMd ?? (await storedLesson())?.contentMd ?? "");
        if (seconds > 0) values.durationSeconds = seconds;
      }
      if (values.contentMd !== undefined || values.transcriptText !== undefined) {
        checkLessonText(
          values.contentMd ?? (await storedLesson())?.contentMd ?? "",
          values.transcriptText ?? (await storedLesson())?.transcriptText ?? "",
        );
      }
      await lessons.transaction(async (tx) => {
        await lessons.updateLesson(lessonId, values, tx);
        // Only this course's derived data is rebuilt: one lesson's change never re-indexes the catalog.
        await courses.refreshDerived(ctx.course.id, tx);
      });
      await cache.courseChanged(ctx.course.id);
      const found = await lessons.findLesson(lessonId);
      if (!found) throw notFound("Lesson");
      await reindex(found.lesson);
      return present(found.lesson, found.hasQuiz);
    },

    async deleteLesson(auth: AuthContext, lessonId: string): Promise<void> {
      const ctx = await access.managedLesson(auth, lessonId);
      await lessons.transaction(async (tx) => {
        await lessons.deleteLesson(lessonId, tx);
        await courses.refreshDerived(ctx.course.id, tx);
      });
      await cache.courseChanged(ctx.course.id);
    },

    async reorderLessons(auth: AuthContext, moduleId: string, ids: string[]) {
      const mod = await managedModule(auth, moduleId);
      const current = await lessons.lessonIds(moduleId);
      if (!sameSet(ids, current)) {
        throw new AppError("VALIDATION_ERROR", "Give every lesson of the module exactly once", {
          in: "body",
          fields: { ids: ["Must list each of the module's lessons once"] },
        });
      }
      await lessons.reorderLessons(moduleId, ids);
      await cache.courseChanged(mod.courseId);
      return { ids };
    },
  };
}
export type LessonService = ReturnType<typeof createLessonService>;
