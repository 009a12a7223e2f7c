import {
  errorBodySchema,
  type Note,
  type NoteCreate,
  type NoteUpdate,
  noteListSchema,
  noteSchema,
} from "@lumen/contracts";
import { z } from "zod";
import { authRequest, currentAccessToken } from "@/features/auth/session";
import { ApiError } from "@/lib/api-client";

export type NoteInput = Omit<NoteCreate, "kind" | "body"> & Partial<Pick<NoteCreate, "kind" | "body">>;

/** The caller's notes in a course, in course order; `q` searches their text. */
export async function loadNotes(courseId: string, filter: { q?: string; lessonId?: string } = {}): Promise<Note[]> {
  const query = { q: filter.q?.trim() || undefined, lesson_id: filter.lessonId };
  return (await authRequest(`/courses/${courseId}/notes`, noteListSchema, { query })).items;
}

export const createNote = (courseId: string, input: NoteInput) =>
  authRequest(`/courses/${courseId}/notes`, noteSchema, { method: "POST", body: input });

export const updateNote = (courseId: string, noteId: string, input: NoteUpdate) =>
  authRequest(`/courses/${courseId}/notes/${noteId}`, noteSchema, { method: "PATCH", body: input });

export const deleteNote = (courseId: string, noteId: string) =>
  authRequest(`/courses/${courseId}/notes/${noteId}`, z.null(), { method: "DELETE" });

/** The notes as a Markdown file (its name from the API's Content-Disposition); errors arrive as ApiError. */
export async function fetchNotesExport(
  courseId: string,
  fetcher: typeof fetch = fetch,
): Promise<{ filename: string; markdown: string }> {
  const token = await currentAccessToken();
  if (!token) throw new ApiError("UNAUTHORIZED", "Sign in to download your notes.", 401);
  let response: Response;
  try {
    response = await fetcher(`/api/v1/courses/${courseId}/notes/export.md`, {
      headers: { accept: "text/markdown", authorization: `Bearer ${token}` },
    });
  } catch (cause) {
    throw Object.assign(new ApiError("NETWORK_ERROR", "The download could not start. Please try again.", 0), {
      cause,
    });
  }
  if (!response.ok || !response.headers.get("content-type")?.startsWith("text/markdown")) {
    const failure = errorBodySchema.safeParse(await response.json().catch(() => undefined));
    if (failure.success) {
      const { code, message, details } = failure.data.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError("INVALID_RESPONSE", "The notes download came back unreadable.", response.status);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "notes.md";
  return { filename, markdown: await response.text() };
}

/** Hands a text file to the browser as a download. */
export function saveTextFile(filename: string, text: string, type = "text/markdown"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is released on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
