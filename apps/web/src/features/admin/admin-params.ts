import {
  type AdminCourse,
  ROLES,
  type Role,
  SECURITY_EVENT_TYPES,
  type SecurityEventType,
  securityEventQuerySchema,
} from "@lumen/contracts";
import { firstParam, oneOf, type SearchParamsInput } from "@/lib/search-params";

/**
 * Each admin page keeps its filters in the URL, so a link reproduces the view and back/forward walk through it.
 * Anything unknown or malformed in a hand-edited URL is ignored rather than sent on to be refused by the API.
 */
export type CourseStatus = AdminCourse["status"];
export const COURSE_STATUSES = ["published", "draft", "archived"] as const satisfies readonly CourseStatus[];

// The API's own bounds (admin.ts in the contracts), so the URL never asks for what it would refuse.
const MAX_QUERY = 200;

/** The first value of `key`, trimmed; "" when absent. */
const first = (input: SearchParamsInput, key: string): string => firstParam(input, key)?.trim() ?? "";

function href(path: string, params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

// The security log's email and day filters are checked by the API's own query schema, field by field.
const eventQuery = securityEventQuerySchema.shape;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export const isIsoDay = (value: string) => eventQuery.from.safeParse(value).success;

const isEmail = (value: string) => eventQuery.user_email.safeParse(value).success;

// ── Users ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface UserFilters {
  q: string;
  role: Role | null;
}

const USERS_PATH = "/admin/users";

export function parseUserFilters(input: SearchParamsInput): UserFilters {
  return { q: first(input, "q").slice(0, MAX_QUERY), role: oneOf(first(input, "role"), ROLES) };
}

export function usersHref(filters: UserFilters): string {
  return href(USERS_PATH, { q: filters.q.trim(), role: filters.role });
}

export function usersQuery(filters: UserFilters): Record<string, string | undefined> {
  return { q: filters.q.trim() || undefined, role: filters.role ?? undefined };
}

// ── Courses ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface CourseFilters {
  q: string;
  status: CourseStatus | null;
}

const COURSES_PATH = "/admin/courses";

export function parseCourseFilters(input: SearchParamsInput): CourseFilters {
  return { q: first(input, "q").slice(0, MAX_QUERY), status: oneOf(first(input, "status"), COURSE_STATUSES) };
}

export function coursesHref(filters: CourseFilters): string {
  return href(COURSES_PATH, { q: filters.q.trim(), status: filters.status });
}

export function coursesQuery(filters: CourseFilters): Record<string, string | undefined> {
  return { q: filters.q.trim() || undefined, status: filters.status ?? undefined };
}

// ── Security events ──────────────────────────────────────────────────────────────────────────────────────────

export interface EventFilters {
  type: SecurityEventType | null;
  /** The account the events concern. */
  email: string;
  /** First and last UTC day included, YYYY-MM-DD, or "". */
  from: string;
  to: string;
}

const EVENTS_PATH = "/admin/security-events";
export const EMPTY_EVENT_FILTERS: EventFilters = { type: null, email: "", from: "", to: "" };

export type EventFilterErrors = Partial<Record<"email" | "from" | "to", string>>;

/** What is wrong with the filters, in words, by field; empty when they can be sent. */
export function validateEventFilters(filters: EventFilters): EventFilterErrors {
  const errors: EventFilterErrors = {};
  const email = filters.email.trim();
  if (email && !isEmail(email)) errors.email = "Enter a whole email address, such as sam@example.com.";
  if (filters.from && !isIsoDay(filters.from)) errors.from = "Enter the first day as a date.";
  if (filters.to && !isIsoDay(filters.to)) errors.to = "Enter the last day as a date.";
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to) {
    errors.to = "The last day can't be before the first day.";
  }
  return errors;
}

/** Reads the filters from the URL; a malformed value is dropped, and so is a range that ends before it starts. */
export function parseEventFilters(input: SearchParamsInput): EventFilters {
  const email = first(input, "email");
  const from = first(input, "from");
  const to = first(input, "to");
  const filters: EventFilters = {
    type: oneOf(first(input, "type"), SECURITY_EVENT_TYPES),
    email: isEmail(email) ? email : "",
    from: isIsoDay(from) ? from : "",
    to: isIsoDay(to) ? to : "",
  };
  if (filters.from && filters.to && filters.from > filters.to) return { ...filters, from: "", to: "" };
  return filters;
}

export function eventsHref(filters: EventFilters): string {
  return href(EVENTS_PATH, {
    type: filters.type,
    email: filters.email.trim(),
    from: filters.from,
    to: filters.to,
  });
}

/** The API's query for valid filters (see validateEventFilters). */
export function eventsQuery(filters: EventFilters): Record<string, string | undefined> {
  return {
    type: filters.type ?? undefined,
    user_email: filters.email.trim() || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

// ── Overview ─────────────────────────────────────────────────────────────────────────────────────────────────

const OVERVIEW_PATH = "/admin";
export const OVERVIEW_RANGES = [7, 30, 90] as const;
export type OverviewDays = (typeof OVERVIEW_RANGES)[number];
const DEFAULT_OVERVIEW_DAYS: OverviewDays = 30;

export function parseOverviewDays(input: SearchParamsInput): OverviewDays {
  const days = Number(first(input, "days"));
  return OVERVIEW_RANGES.find((d) => d === days) ?? DEFAULT_OVERVIEW_DAYS;
}

export function overviewHref(days: OverviewDays): string {
  return href(OVERVIEW_PATH, { days: days === DEFAULT_OVERVIEW_DAYS ? null : String(days) });
}
