import {
  type CourseCreate,
  type CourseDetail,
  type CourseModule,
  type CourseRemoval,
  type CourseUpdate,
  categoryListSchema,
  courseDetailSchema,
  courseRemovalSchema,
  type Lesson,
  type LessonUpdate,
  lessonOrderSchema,
  lessonQuizSchema,
  lessonSchema,
  moduleListSchema,
  moduleSchema,
  type OwnerQuiz,
  ownerQuizSchema,
  type Page,
  pageOf,
  type QuizUpsert,
  quizGenerateResultSchema,
  type StudioCourse,
  studioCourseSchema,
} from "@lumen/contracts";
import { z } from "zod";
import { authRequest } from "@/features/auth/session";
import { ApiError } from "@/lib/api-client";

// What the creator studio reads and changes, always as the signed-in creator: the API checks the role and the
// ownership of the course on every call.

const STUDIO_PAGE_SIZE = 12;

const studioPage = pageOf(studioCourseSchema);

export type StudioModule = CourseModule;
export type QuizGenerateResult = z.infer<typeof quizGenerateResultSchema>;
export type Difficulty = "easy" | "medium" | "hard";

const id = (value: string) => encodeURIComponent(value);

/** GET /courses/mine – the creator's own courses, every status, most recently edited first. */
export function listMyCourses(
  query: { status?: StudioCourse["status"] | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<StudioCourse>> {
  return authRequest("/courses/mine", studioPage, { query: { limit: STUDIO_PAGE_SIZE, ...query }, signal });
}

/** GET /courses/:id – drafts are visible to their owner, so this goes with the session. */
export function loadCourse(courseId: string, signal?: AbortSignal): Promise<CourseDetail> {
  return authRequest(`/courses/${id(courseId)}`, courseDetailSchema, { signal });
}

/** The course for its editor: someone else's published course is readable, but not theirs to edit. */
export async function loadEditableCourse(courseId: string, signal?: AbortSignal): Promise<CourseDetail> {
  const course = await loadCourse(courseId, signal);
  if (!course.access.can_edit) throw new ApiError("FORBIDDEN", "This course belongs to another creator.", 403);
  return course;
}

export function createCourse(body: CourseCreate): Promise<CourseDetail> {
  return authRequest("/courses", courseDetailSchema, { method: "POST", body });
}

export function updateCourse(courseId: string, body: CourseUpdate): Promise<CourseDetail> {
  return authRequest(`/courses/${id(courseId)}`, courseDetailSchema, { method: "PUT", body });
}

/** Deletes a course nobody enrolled in; the API archives one with learners instead. */
export function deleteCourse(courseId: string): Promise<CourseRemoval> {
  return authRequest(`/courses/${id(courseId)}`, courseRemovalSchema, { method: "DELETE" });
}

/** GET /courses/categories – the catalog's categories, offered while typing one (public; sent signed in). */
export async function listCategories(signal?: AbortSignal): Promise<string[]> {
  const { items } = await authRequest("/courses/categories", categoryListSchema, { signal });
  return items.map((c) => c.name);
}

export function createModule(courseId: string, title: string): Promise<StudioModule> {
  return authRequest(`/courses/${id(courseId)}/modules`, moduleSchema, { method: "POST", body: { title } });
}

export function renameModule(moduleId: string, title: string): Promise<StudioModule> {
  return authRequest(`/modules/${id(moduleId)}`, moduleSchema, { method: "PUT", body: { title } });
}

export async function deleteModule(moduleId: string): Promise<void> {
  await authRequest(`/modules/${id(moduleId)}`, z.null(), { method: "DELETE" });
}

export async function reorderModules(courseId: string, ids: string[]): Promise<void> {
  await authRequest(`/courses/${id(courseId)}/modules/reorder`, moduleListSchema, { method: "POST", body: { ids } });
}

export function createLesson(moduleId: string, body: { title: string; kind: Lesson["kind"] }): Promise<Lesson> {
  return authRequest(`/modules/${id(moduleId)}/lessons`, lessonSchema, { method: "POST", body });
}

export function loadLesson(lessonId: string, signal?: AbortSignal): Promise<Lesson> {
  return authRequest(`/lessons/${id(lessonId)}`, lessonSchema, { signal });
}

export function updateLesson(lessonId: string, body: LessonUpdate): Promise<Lesson> {
  return authRequest(`/lessons/${id(lessonId)}`, lessonSchema, { method: "PUT", body });
}

export async function deleteLesson(lessonId: string): Promise<void> {
  await authRequest(`/lessons/${id(lessonId)}`, z.null(), { method: "DELETE" });
}

export async function reorderLessons(moduleId: string, ids: string[]): Promise<void> {
  await authRequest(`/modules/${id(moduleId)}/lessons/reorder`, lessonOrderSchema, { method: "POST", body: { ids } });
}

/** A lesson moved to another module lands at that module's end (the caller reorders it from there). */
export async function moveLesson(lessonId: string, moduleId: string): Promise<void> {
  await updateLesson(lessonId, { module_id: moduleId });
}

/** The lesson's quiz with its answer key, or null when the lesson has none yet. */
export async function loadQuiz(lessonId: string, signal?: AbortSignal): Promise<OwnerQuiz | null> {
  const quiz = await authRequest(`/lessons/${id(lessonId)}/quiz`, lessonQuizSchema, { signal });
  if (quiz && quiz.view !== "owner") {
    throw new ApiError("FORBIDDEN", "Only the course's creator can edit this quiz.", 403);
  }
  return quiz;
}

export function saveQuiz(lessonId: string, body: QuizUpsert): Promise<OwnerQuiz> {
  return authRequest(`/lessons/${id(lessonId)}/quiz`, ownerQuizSchema, { method: "PUT", body });
}

export async function deleteQuiz(lessonId: string): Promise<void> {
  await authRequest(`/lessons/${id(lessonId)}/quiz`, z.null(), { method: "DELETE" });
}

/** POST /ai/quiz-generate – questions with answers and explanations, for the creator to review. */
export function generateQuiz(body: {
  lesson_id: string;
  num_questions: number;
  difficulty: Difficulty;
}): Promise<QuizGenerateResult> {
  // Generation reads the whole lesson and may call a model: give it longer than an ordinary request.
  return authRequest("/ai/quiz-generate", quizGenerateResultSchema, { method: "POST", body, timeoutMs: 60_000 });
}
