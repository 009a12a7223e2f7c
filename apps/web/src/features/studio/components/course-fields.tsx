"use client";

import { LEVELS } from "@lumen/contracts";
import { Controller, type UseFormReturn } from "react-hook-form";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { formatLevel } from "@/features/courses/course-format";
import type { CourseFormInput, CourseFormOutput } from "../course-form";
import { selectClasses, textareaClasses } from "./studio-ui";
import { TagInput } from "./tag-input";

type CourseForm = UseFormReturn<CourseFormInput, unknown, CourseFormOutput>;

/** The first message among an array field's errors (the array's own, or one of its items'). */
function arrayError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  for (const item of Object.values(error)) {
    if (item && typeof item === "object" && "message" in item && typeof item.message === "string") return item.message;
  }
  return undefined;
}

/** Title, subtitle, description, category, level, pricing, tags, outcomes, certificates: "new" and "edit" alike. */
export function CourseFields({
  form,
  idPrefix,
  categories,
}: {
  form: CourseForm;
  idPrefix: string;
  categories: string[];
}) {
  const {
    register,
    control,
    watch,
    setValue,
    formState: { errors },
  } = form;
  const isFree = watch("pricing.is_free");
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <div className="space-y-5">
      <FormField id={id("title")} label="Title" error={errors.title?.message}>
        {(c) => <input {...c} {...register("title")} autoComplete="off" className={inputClasses} />}
      </FormField>
      <FormField
        id={id("subtitle")}
        label="Subtitle"
        hint="One line under the title in the catalog."
        error={errors.subtitle?.message}
      >
        {(c) => <input {...c} {...register("subtitle")} autoComplete="off" className={inputClasses} />}
      </FormField>
      <FormField
        id={id("description")}
        label="Description"
        hint="What the course covers and who it is for. The AI tutor reads it too."
        error={errors.description?.message}
      >
        {(c) => <textarea {...c} {...register("description")} rows={5} className={textareaClasses} />}
      </FormField>

      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          id={id("category")}
          label="Category"
          hint={categories.length > 0 ? "Pick one the catalog has, or name a new one." : undefined}
          error={errors.category?.message}
        >
          {(c) => (
            <>
              <input
                {...c}
                {...register("category")}
                list={id("categories")}
                autoComplete="off"
                className={inputClasses}
              />
              <datalist id={id("categories")}>
                {categories.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField id={id("level")} label="Level" error={errors.level?.message}>
          {(c) => (
            <select {...c} {...register("level")} className={selectClasses}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {formatLevel(level)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-foreground">Pricing</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          <Controller
            control={control}
            name="pricing.is_free"
            render={({ field }) => (
              <>
                {[true, false].map((free) => (
                  <label key={String(free)} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name={field.name}
                      checked={field.value === free}
                      onChange={() => {
                        field.onChange(free);
                        if (free) setValue("pricing.price", 0, { shouldDirty: true });
                      }}
                      onBlur={field.onBlur}
                      className="size-4 accent-primary"
                    />
                    {free ? "Free" : "Paid (premium members and granted learners)"}
                  </label>
                ))}
              </>
            )}
          />
        </div>
        {!isFree && (
          <div className="mt-3 max-w-48">
            <FormField id={id("price")} label="Price (US dollars)" error={errors.pricing?.price?.message}>
              {(c) => (
                <input
                  {...c}
                  {...register("pricing.price", {
                    // An empty box is no price at all (0), which the schema refuses for a paid course in words.
                    setValueAs: (v: unknown) => (v === "" || v === null ? 0 : Number(v)),
                  })}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  className={inputClasses}
                />
              )}
            </FormField>
          </div>
        )}
      </fieldset>

      <FormField
        id={id("tags")}
        label="Tags"
        hint="Up to 12 words that help learners find the course."
        error={arrayError(errors.tags)}
      >
        {(c) => (
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <TagInput value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} control={c} />
            )}
          />
        )}
      </FormField>

      <FormField
        id={id("outcomes")}
        label="What learners will learn"
        hint="One outcome per line, up to 12."
        error={arrayError(errors.outcomes)}
      >
        {(c) => (
          <Controller
            control={control}
            name="outcomes"
            render={({ field }) => (
              <textarea
                {...c}
                name={field.name}
                ref={field.ref}
                rows={4}
                value={(field.value ?? []).join("\n")}
                onChange={(event) => field.onChange(event.target.value.split("\n"))}
                onBlur={() => {
                  field.onChange((field.value ?? []).map((line) => line.trim()).filter(Boolean));
                  field.onBlur();
                }}
                className={textareaClasses}
              />
            )}
          />
        )}
      </FormField>

      <div>
        <label htmlFor={id("certificates")} className="flex min-h-11 items-center gap-3 text-sm font-medium">
          <input
            id={id("certificates")}
            type="checkbox"
            {...register("certificates_enabled")}
            aria-describedby={id("certificates-hint")}
            className="size-5 accent-primary"
          />
          Award a certificate of completion
        </label>
        <p id={id("certificates-hint")} className="text-sm text-muted">
          Learners who finish every lesson and pass every quiz get a certificate they can share. Turning this off stops
          new certificates; those already awarded stay valid.
        </p>
      </div>
    </div>
  );
}
