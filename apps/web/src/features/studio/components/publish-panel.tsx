"use client";

import type { CourseDetail } from "@lumen/contracts";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { deleteCourse, updateCourse } from "../studio.api";
import { plural, publicCourseHref, studioHref } from "../studio-format";
import { useHasUnsavedChanges } from "../unsaved-changes";
import { CheckIcon, CrossIcon } from "./icons";
import { StatusBadge } from "./status-badge";
import { panelClasses } from "./studio-ui";

type Status = CourseDetail["status"];
type Busy = Status | "delete" | null;
/** `needsLesson`: shown only while the outline has no lesson (it goes once one is added). */
type Notice = { tone: "success" | "danger"; text: string; needsLesson?: boolean } | null;

const SUMMARY: Record<Status, string> = {
  draft: "Only you can see this draft. Publish it to list it in the catalog.",
  published: "Live in the catalog: anyone can find it and enroll.",
  archived: "Hidden from the catalog. Learners already enrolled keep their access.",
};

const DONE: Record<Status, string> = {
  draft: "The course is a draft again and no longer in the catalog.",
  published: "Published. The course is in the catalog now.",
  archived: "Archived. The catalog no longer lists the course.",
};

function Check({ ok, children, hint }: { ok: boolean; children: string; hint?: string }) {
  return (
    <li className="flex items-start gap-2">
      <span
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full ${
          ok ? "bg-primary-soft text-primary" : "bg-surface-muted text-muted"
        }`}
      >
        {ok ? <CheckIcon className="size-3.5" /> : <CrossIcon className="size-3.5" />}
      </span>
      <span>
        <span className="sr-only">{ok ? "Done: " : "Missing: "}</span>
        {children}
        {hint && <span className="block text-muted">{hint}</span>}
      </span>
    </li>
  );
}

/**
 * Publishing: what the course still needs, then publish, back to draft, archive, or delete. The API's rules
 * decide (a lesson to publish; no draft while learners are enrolled) and its reasons are shown in words.
 */
export function PublishPanel({
  course,
  lessonCount,
  onChange,
}: {
  course: CourseDetail;
  lessonCount: number;
  onChange: (course: CourseDetail) => void;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [enrolledConflict, setEnrolledConflict] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"archive" | "delete" | null>(null);
  const detailsUnsaved = useHasUnsavedChanges("course-details");
  const status = course.status;

  async function move(to: Status) {
    if (busy) return;
    if (to === "published" && lessonCount === 0) {
      setNotice({
        tone: "danger",
        text: "Add at least one lesson before publishing: a course needs something to learn.",
        needsLesson: true,
      });
      return;
    }
    setBusy(to);
    setNotice(null);
    setEnrolledConflict(null);
    try {
      const updated = await updateCourse(course.id, { status: to });
      onChange(updated);
      setNotice({ tone: "success", text: DONE[to] });
    } catch (error) {
      if (to === "draft" && isApiError(error) && error.code === "CONFLICT") setEnrolledConflict(errorText(error));
      else setNotice({ tone: "danger", text: errorText(error) });
    } finally {
      setBusy(null);
      setConfirm(null);
    }
  }

  async function remove() {
    setBusy("delete");
    setNotice(null);
    try {
      const result = await deleteCourse(course.id);
      if (result.deleted) {
        router.push(studioHref());
        return;
      }
      onChange({ ...course, status: "archived" });
      setNotice({ tone: "success", text: "Learners are enrolled, so the course was archived instead of deleted." });
    } catch (error) {
      setNotice({ tone: "danger", text: errorText(error) });
    }
    setBusy(null);
    setConfirm(null);
  }

  const spinner = (what: Busy) => busy === what && <Spinner />;
  const shownNotice = notice?.needsLesson && lessonCount > 0 ? null : notice;

  return (
    <section aria-labelledby="publish-title" className={panelClasses}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="publish-title" className="text-lg font-semibold tracking-tight">
          Publishing
        </h2>
        <StatusBadge status={status} />
      </div>
      <p className="mt-2 text-sm text-muted">{SUMMARY[status]}</p>
      {status === "published" && (
        <p className="mt-1 text-sm">
          {plural(course.stats.enrollment_count, "learner")} enrolled ·{" "}
          <Link
            href={publicCourseHref(course.id)}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            View in catalog
          </Link>
        </p>
      )}

      {status !== "published" && (
        <div className="mt-4">
          <h3 id="publish-checklist" className="text-sm font-medium">
            Before publishing
          </h3>
          <ul aria-labelledby="publish-checklist" className="mt-2 space-y-2 text-sm">
            <Check ok={lessonCount > 0} hint={lessonCount > 0 ? undefined : "Required. Add one in the outline."}>
              {lessonCount > 0 ? `At least one lesson (${plural(lessonCount, "lesson")})` : "At least one lesson"}
            </Check>
            <Check ok={course.description.trim().length > 0} hint="Recommended">
              A description
            </Check>
            <Check ok={course.thumbnail_url !== null} hint="Recommended">
              A thumbnail
            </Check>
          </ul>
        </div>
      )}

      {detailsUnsaved && (
        <p className="mt-4 rounded-xl bg-accent-soft px-3 py-2 text-sm">
          The details have unsaved changes: learners see the saved version until you save them.
        </p>
      )}

      <div aria-live="polite">
        {shownNotice && (
          <p
            role={shownNotice.tone === "danger" ? "alert" : "status"}
            className={`mt-4 rounded-xl px-3 py-2 text-sm ${
              shownNotice.tone === "danger" ? "border border-danger/30 bg-danger-soft" : "bg-primary-soft"
            }`}
          >
            {shownNotice.text}
          </p>
        )}
      </div>
      {enrolledConflict && (
        <div role="alert" className="mt-4 rounded-xl border border-danger/30 bg-danger-soft px-3 py-3 text-sm">
          <p className="font-medium">The course can't go back to draft.</p>
          <p className="mt-1 text-muted">
            {enrolledConflict} A draft is invisible to everyone but you, so enrolled learners would lose it. Archiving
            hides it from the catalog while they keep their access.
          </p>
          <button
            type="button"
            onClick={() => setConfirm("archive")}
            className={`${buttonClasses("secondary", "sm")} mt-3`}
          >
            Archive instead
          </button>
        </div>
      )}

      <div className="mt-5 flex flex-col gap-2">
        {status !== "published" && (
          <button
            type="button"
            onClick={() => move("published")}
            aria-disabled={busy !== null || undefined}
            className={buttonClasses("primary")}
          >
            {spinner("published")}
            {status === "archived" ? "Publish again" : "Publish course"}
          </button>
        )}
        {status === "published" && (
          <button
            type="button"
            onClick={() => move("draft")}
            aria-disabled={busy !== null || undefined}
            className={buttonClasses("secondary")}
          >
            {spinner("draft")}
            Unpublish (back to draft)
          </button>
        )}
        {status !== "archived" && (
          <button type="button" onClick={() => setConfirm("archive")} className={buttonClasses("ghost")}>
            Archive
          </button>
        )}
      </div>
      <div className="mt-5 border-t border-border pt-4">
        <button type="button" onClick={() => setConfirm("delete")} className={buttonClasses("danger", "sm")}>
          Delete course
        </button>
      </div>

      {confirm === "archive" && (
        <ConfirmDialog
          title="Archive this course?"
          confirmLabel="Archive course"
          busy={busy === "archived"}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void move("archived")}
        >
          The catalog stops listing it and nobody new can enroll. Learners already enrolled keep their access. You can
          publish it again later.
        </ConfirmDialog>
      )}
      {confirm === "delete" && (
        <ConfirmDialog
          title={`Delete “${course.title}”?`}
          confirmLabel="Delete course"
          tone="danger"
          busy={busy === "delete"}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void remove()}
        >
          Its modules, lessons, videos, transcripts and quizzes go with it. If learners are enrolled, the course is
          archived instead, so nobody loses what they learned.
        </ConfirmDialog>
      )}
    </section>
  );
}
