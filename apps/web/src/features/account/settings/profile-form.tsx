"use client";

import { fullNameSchema, type User } from "@lumen/contracts";
import { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateSessionUser } from "@/features/auth/session";
import { useAccountForm } from "../use-account-form";
import { updateProfile } from "./settings.api";

const BIO_MAX = 1000;
const LEVELS = ["", "beginner", "intermediate", "advanced"] as const;

const profileFormSchema = z.object({
  full_name: fullNameSchema,
  bio: z.string().trim().max(BIO_MAX, "Bio must be at most 1,000 characters"),
  skill_level: z.enum(LEVELS),
  /** One goal per line in the form; the API takes a list. */
  learning_goals: z
    .string()
    .transform((text) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .superRefine((goals, ctx) => {
      if (goals.length > 5) ctx.addIssue({ code: "custom", message: "Up to 5 goals, one per line" });
      else if (goals.some((g) => g.length > 80))
        ctx.addIssue({ code: "custom", message: "Keep each goal under 80 characters" });
    }),
});
type ProfileValues = z.input<typeof profileFormSchema>;
const FIELDS = [
  "full_name",
  "bio",
  "skill_level",
  "learning_goals",
] as const satisfies readonly (keyof ProfileValues)[];

function valuesOf(user: User): ProfileValues {
  const goals = user.profile.learning_goals;
  const level = user.profile.skill_level;
  return {
    full_name: user.full_name,
    bio: typeof user.profile.bio === "string" ? user.profile.bio : "",
    skill_level: level === "beginner" || level === "intermediate" || level === "advanced" ? level : "",
    learning_goals: Array.isArray(goals) ? goals.filter((g) => typeof g === "string").join("\n") : "",
  };
}

/** Name, a short bio, the level the tutor writes for, and goals the learning path weighs. */
export function ProfileForm({ user }: { user: User }) {
  const { form, errors, isSubmitting, alert, onSubmit } = useAccountForm({
    schema: profileFormSchema,
    fields: FIELDS,
    defaultValues: valuesOf(user),
    onSubmit: async (values, { reset }) => {
      const saved = await updateProfile({ ...values, skill_level: values.skill_level || null });
      updateSessionUser(saved);
      reset(valuesOf(saved));
      return "Profile saved.";
    },
  });
  const { register, watch } = form;
  const bioLength = watch("bio").length;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <FormField id="profile-name" label="Name" error={errors.full_name?.message}>
        {(control) => <input {...control} {...register("full_name")} autoComplete="name" className={inputClasses} />}
      </FormField>
      <FormField
        id="profile-bio"
        label="Bio"
        hint={`Shown on your instructor page if you teach. ${bioLength}/${BIO_MAX}`}
        error={errors.bio?.message}
      >
        {(control) => (
          <textarea {...control} {...register("bio")} rows={4} className={`${inputClasses} h-auto py-2.5`} />
        )}
      </FormField>
      <FormField
        id="profile-level"
        label="Your level"
        hint="The tutor explains at this level. Leave it to the tutor and it judges from your progress."
        error={errors.skill_level?.message}
      >
        {(control) => (
          <select
            {...control}
            {...register("skill_level")}
            // Set on the element too: the options must exist before a value can select one.
            defaultValue={valuesOf(user).skill_level}
            className={inputClasses}
          >
            <option value="">Let the tutor judge</option>
            <option value="beginner">Beginner</option>
            <option value="intermediate">Intermediate</option>
            <option value="advanced">Advanced</option>
          </select>
        )}
      </FormField>
      <FormField
        id="profile-goals"
        label="Learning goals"
        hint="One per line, up to 5, for example “Analyse data with SQL”."
        error={errors.learning_goals?.message}
      >
        {(control) => (
          <textarea {...control} {...register("learning_goals")} rows={3} className={`${inputClasses} h-auto py-2.5`} />
        )}
      </FormField>
      <SubmitButton busy={isSubmitting} busyLabel="Saving…" fullWidth={false}>
        Save profile
      </SubmitButton>
    </form>
  );
}
