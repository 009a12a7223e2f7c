"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { CourseDetail, CourseUpdate } from "@lumen/contracts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/ui/form-alert";
import { whileIdle } from "@/components/ui/submit-button";
import { applyServerErrors, focusFirstError } from "@/features/account/server-errors";
import {
  COURSE_FIELD_MAP,
  COURSE_FIELDS,
  type CourseFormInput,
  type CourseFormOutput,
  courseFormSchema,
  courseToForm,
} from "../course-form";
import { updateCourse } from "../studio.api";
import { useUnsavedChanges } from "../unsaved-changes";
import { useCategories } from "../use-categories";
import { CourseFields } from "./course-fields";
import { SaveBar, type SaveState } from "./save-bar";
import { panelClasses } from "./studio-ui";
import { ThumbnailField } from "./thumbnail-field";

const UPDATABLE = [
  "title",
  "subtitle",
  "description",
  "category",
  "level",
  "pricing",
  "tags",
  "outcomes",
  "thumbnail_url",
  "certificates_enabled",
] as const satisfies readonly (keyof CourseUpdate & keyof CourseFormOutput)[];

/** Only what changed is sent (a field's own rules are checked here first, and again by the API). */
function changes(values: CourseFormOutput, dirty: Partial<Record<keyof CourseFormInput, unknown>>): CourseUpdate {
  const body: CourseUpdate = {};
  for (const key of UPDATABLE) {
    if (dirty[key]) Object.assign(body, { [key]: values[key] ?? null });
  }
  return body;
}

/** The course's details and thumbnail; saved with PUT /courses/:id, server field errors shown on the fields. */
export function CourseDetailsForm({
  course,
  onSaved,
}: {
  course: CourseDetail;
  onSaved: (course: CourseDetail) => void;
}) {
  const categories = useCategories();
  const [state, setState] = useState<SaveState>("idle");
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<CourseFormInput, unknown, CourseFormOutput>({
    resolver: zodResolver(courseFormSchema),
    shouldFocusError: false,
    defaultValues: courseToForm(course),
  });
  const { handleSubmit, setError, setFocus, setValue, watch, formState, reset } = form;
  // Read while rendering: React Hook Form only tracks what a render subscribed to.
  const { dirtyFields, isDirty } = formState;
  useUnsavedChanges("course-details", "your changes to the course details", isDirty);

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      const body = changes(values, dirtyFields);
      if (Object.keys(body).length === 0) {
        setState("saved");
        return;
      }
      setState("saving");
      try {
        const updated = await updateCourse(course.id, body);
        reset(courseToForm(updated));
        setState("saved");
        onSaved(updated);
      } catch (error) {
        setState("failed");
        setAlert(applyServerErrors(error, setError, COURSE_FIELDS, COURSE_FIELD_MAP));
      }
    },
    (errors) => {
      setState("failed");
      setAlert("Some details need your attention: see the messages by the fields.");
      focusFirstError(COURSE_FIELDS, setFocus)(errors);
    },
  );

  return (
    <section aria-labelledby="details-title" className={panelClasses}>
      <h2 id="details-title" className="text-lg font-semibold tracking-tight">
        Details
      </h2>
      <p className="mt-1 text-sm text-muted">What learners see in the catalog and on the course page.</p>
      <form noValidate onSubmit={whileIdle(state === "saving", submit)} className="mt-5 space-y-6">
        {alert && <FormAlert>{alert}</FormAlert>}
        <CourseFields form={form} idPrefix="course" categories={categories} />
        <ThumbnailField
          id="course-thumbnail"
          courseId={course.id}
          title={watch("title")}
          value={watch("thumbnail_url") ?? null}
          error={formState.errors.thumbnail_url?.message}
          onChange={(url) => setValue("thumbnail_url", url, { shouldDirty: true })}
        />
        <div className="border-t border-border pt-5">
          <SaveBar state={state} dirty={isDirty} label="Save details" />
        </div>
      </form>
    </section>
  );
}
