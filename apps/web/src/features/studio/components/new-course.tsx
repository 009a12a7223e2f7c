"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton, whileIdle } from "@/components/ui/submit-button";
import { applyServerErrors, focusFirstError } from "@/features/account/server-errors";
import {
  COURSE_FIELD_MAP,
  COURSE_FIELDS,
  type CourseFormInput,
  type CourseFormOutput,
  courseFormSchema,
  EMPTY_COURSE,
} from "../course-form";
import { createCourse } from "../studio.api";
import { courseEditorHref, studioHref } from "../studio-format";
import { useUnsavedChanges } from "../unsaved-changes";
import { useCategories } from "../use-categories";
import { CourseFields } from "./course-fields";
import { StudioBreadcrumb } from "./studio-breadcrumb";
import { panelClasses } from "./studio-ui";

/** Step one of a course: its details. It is created as a draft and the editor opens for modules and lessons. */
export function NewCourse() {
  const router = useRouter();
  const categories = useCategories();
  const [alert, setAlert] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const form = useForm<CourseFormInput, unknown, CourseFormOutput>({
    resolver: zodResolver(courseFormSchema),
    shouldFocusError: false,
    defaultValues: EMPTY_COURSE,
  });
  const { handleSubmit, setError, setFocus, formState } = form;
  useUnsavedChanges("new-course", "the details of the new course", formState.isDirty && !created);

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        const course = await createCourse(values);
        setCreated(true);
        router.push(courseEditorHref(course.id));
      } catch (error) {
        setAlert(applyServerErrors(error, setError, COURSE_FIELDS, COURSE_FIELD_MAP));
      }
    },
    focusFirstError(COURSE_FIELDS, setFocus),
  );

  const busy = formState.isSubmitting || created;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-12">
      <StudioBreadcrumb trail={[{ href: studioHref(), label: "Creator studio" }]} current="New course" />
      <h1 className="mt-2 font-display text-3xl font-semibold tracking-tight sm:text-4xl">New course</h1>
      <p className="mt-2 text-muted">
        Start with the details. The course stays a private draft until you publish it; you'll add modules, lessons and a
        thumbnail next.
      </p>
      <form noValidate onSubmit={whileIdle(busy, submit)} className={`${panelClasses} mt-8 space-y-6`}>
        {alert && <FormAlert>{alert}</FormAlert>}
        <CourseFields form={form} idPrefix="new-course" categories={categories} />
        <div className="flex flex-wrap items-center gap-3 border-t border-border pt-5">
          <SubmitButton busy={busy} busyLabel="Creating the course…" fullWidth={false}>
            Create course
          </SubmitButton>
          <Link href={studioHref()} className={buttonClasses("ghost")}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
