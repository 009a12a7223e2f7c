import { type CourseCreate, type CourseDetail, courseCreateSchema, LEVELS } from "@lumen/contracts";
import type { z } from "zod";

/**
 * The details form of a course, for creating and editing alike: the contract's create schema holds every rule
 * a course's details follow (the update schema is the same rules, each field optional).
 */
export const courseFormSchema = courseCreateSchema;
export type CourseFormInput = z.input<typeof courseFormSchema>;
export type CourseFormOutput = CourseCreate;

/** Top to bottom, for focusing the first field with an error. */
export const COURSE_FIELDS = [
  "title",
  "subtitle",
  "description",
  "category",
  "level",
  "pricing.is_free",
  "pricing.price",
  "tags",
  "outcomes",
  "thumbnail_url",
  "certificates_enabled",
] as const;

/** API field names that differ from the form's. */
export const COURSE_FIELD_MAP = { pricing: "pricing.price" } as const;

export const EMPTY_COURSE: CourseFormInput = {
  title: "",
  subtitle: "",
  description: "",
  category: "",
  level: LEVELS[0],
  pricing: { is_free: true, price: 0 },
  tags: [],
  outcomes: [],
  thumbnail_url: null,
  certificates_enabled: true,
};

export function courseToForm(course: CourseDetail): CourseFormInput {
  return {
    title: course.title,
    subtitle: course.subtitle,
    description: course.description,
    category: course.category,
    level: course.level,
    pricing: { is_free: course.pricing.is_free, price: course.pricing.is_free ? 0 : course.pricing.price },
    tags: course.tags,
    outcomes: course.outcomes,
    thumbnail_url: course.thumbnail_url,
    certificates_enabled: course.certificates_enabled,
  };
}
