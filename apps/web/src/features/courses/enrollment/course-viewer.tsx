"use client";

import { type CourseDetail, myEnrollmentListSchema, type User } from "@lumen/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { authRequest, useSession } from "@/features/auth/session";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { getCourseAsViewer } from "./viewer.api";

/** The course as the signed-in visitor sees it: their enrollment, what they may do, where to continue. */
export interface ViewerCourse {
  enrollment: CourseDetail["enrollment"];
  access: CourseDetail["access"];
  creatorId: string;
  /** The lesson to continue with, when enrolled and the API knows one. */
  nextLessonId: string | null;
}

export type CourseViewer =
  | { status: "loading" }
  | { status: "guest" }
  | { status: "error"; message: string }
  | { status: "ready"; user: User; course: ViewerCourse };

interface CourseViewerContextValue {
  viewer: CourseViewer;
  retry: () => void;
  /** Applies a fresh enrollment (after enrolling) without asking the API again. */
  setEnrollment: (enrollment: NonNullable<CourseDetail["enrollment"]>) => void;
}

const CourseViewerContext = createContext<CourseViewerContextValue | null>(null);

async function loadViewerCourse(courseId: string): Promise<ViewerCourse> {
  const course = await getCourseAsViewer(courseId);
  let nextLessonId: string | null = null;
  if (course.enrollment?.status === "active") {
    const mine = await authRequest("/enrollments/me", myEnrollmentListSchema);
    nextLessonId = mine.items.find((item) => item.course_id === courseId)?.next_lesson_id ?? null;
  }
  return { enrollment: course.enrollment, access: course.access, creatorId: course.creator.id, nextLessonId };
}

type Loaded = { key: string; result: { course: ViewerCourse } | { error: string } | { signedOut: true } };

/**
 * The course page is rendered once for everyone; this asks the API, as the signed-in user, for the parts
 * that depend on who is looking. The enroll button and the review form read it.
 */
export function CourseViewerProvider({ courseId, children }: { courseId: string; children: ReactNode }) {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${courseId}:${user?.id ?? ""}:${attempt}`;

  useEffect(() => {
    if (status !== "authenticated") return;
    let current = true;
    loadViewerCourse(courseId).then(
      (course) => {
        if (current) setLoaded({ key, result: { course } });
      },
      (error: unknown) => {
        if (!current) return;
        const signedOut = isApiError(error) && error.status === 401;
        setLoaded({ key, result: signedOut ? { signedOut: true } : { error: errorText(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [status, courseId, key]);

  const viewer = useMemo<CourseViewer>(() => {
    if (status === "anonymous") return { status: "guest" };
    if (status === "unknown" || !user || loaded?.key !== key) return { status: "loading" };
    const { result } = loaded;
    if ("signedOut" in result) return { status: "guest" };
    if ("error" in result) return { status: "error", message: result.error };
    return { status: "ready", user, course: result.course };
  }, [status, user, loaded, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const setEnrollment = useCallback(
    (enrollment: NonNullable<CourseDetail["enrollment"]>) =>
      setLoaded((previous) =>
        previous && "course" in previous.result
          ? { ...previous, result: { course: { ...previous.result.course, enrollment } } }
          : previous,
      ),
    [],
  );

  const value = useMemo(() => ({ viewer, retry, setEnrollment }), [viewer, retry, setEnrollment]);
  return <CourseViewerContext value={value}>{children}</CourseViewerContext>;
}

/** The viewer when rendered inside <CourseViewerProvider>, null elsewhere (parts that also render on their own). */
export function useOptionalCourseViewer(): CourseViewer | null {
  return useContext(CourseViewerContext)?.viewer ?? null;
}

export function useCourseViewer(): CourseViewerContextValue {
  const value = useContext(CourseViewerContext);
  if (!value) throw new Error("useCourseViewer must be used inside <CourseViewerProvider>");
  return value;
}
