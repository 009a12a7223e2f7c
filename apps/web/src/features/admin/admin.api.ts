import {
  type AdminCourse,
  type AdminCourseModeration,
  adminCourseResultSchema,
  adminCourseSchema,
  jobRetryResultSchema,
  jobsOverviewSchema,
  type Page,
  type PlatformAnalytics,
  pageOf,
  platformAnalyticsSchema,
  platformUsageSchema,
  type Role,
  type SecurityEvent,
  securityEventSchema,
  type User,
  userResultSchema,
  userSchema,
} from "@lumen/contracts";
import type { z } from "zod";
import { authRequest } from "@/features/auth/session";
import type { QueryValue } from "@/lib/api-client";

// What the admin console reads and changes, always as the signed-in admin: the API checks the role on every call.

const ADMIN_PAGE_SIZE = 20;

const userPage = pageOf(userSchema);
const coursePage = pageOf(adminCourseSchema);
const eventPage = pageOf(securityEventSchema);

export type AdminUser = User;
export type SecurityEventItem = SecurityEvent;
export type { PlatformAnalytics };
export type PlatformUsage = z.infer<typeof platformUsageSchema>;

export interface UserChange {
  role?: Role;
  premium_status?: boolean;
  disabled?: boolean;
}

type Query = Record<string, QueryValue>;

/** GET /admin/users?q&role&limit&cursor – newest accounts first. */
export function listUsers(query: Query, signal?: AbortSignal): Promise<Page<User>> {
  return authRequest("/admin/users", userPage, { query: { limit: ADMIN_PAGE_SIZE, ...query }, signal });
}

/** PUT /admin/users/:id – role, premium or disabled; the answer is the user as now stored. */
export async function updateUser(id: string, change: UserChange): Promise<User> {
  const { user } = await authRequest(`/admin/users/${encodeURIComponent(id)}`, userResultSchema, {
    method: "PUT",
    body: change,
  });
  return user;
}

/** GET /admin/courses?q&status&limit&cursor – every course in any status, newest first. */
export function listCourses(query: Query, signal?: AbortSignal): Promise<Page<AdminCourse>> {
  return authRequest("/admin/courses", coursePage, { query: { limit: ADMIN_PAGE_SIZE, ...query }, signal });
}

/** PUT /admin/courses/:id – moderation (unpublish, archive, republish), logged as a security event. */
export async function moderateCourse(id: string, change: AdminCourseModeration): Promise<AdminCourse> {
  const { course } = await authRequest(`/admin/courses/${encodeURIComponent(id)}`, adminCourseResultSchema, {
    method: "PUT",
    body: change,
  });
  return course;
}

/** GET /admin/security-events?type&user_email&from&to&limit&cursor – newest first. */
export function listSecurityEvents(query: Query, signal?: AbortSignal): Promise<Page<SecurityEventItem>> {
  return authRequest("/admin/security-events", eventPage, { query: { limit: ADMIN_PAGE_SIZE, ...query }, signal });
}

/** GET /analytics/platform?from&to – the platform's learning KPIs per UTC day. */
export function platformAnalytics(range: { from: string; to: string }) {
  return {
    path: `/analytics/platform?from=${range.from}&to=${range.to}`,
    schema: platformAnalyticsSchema,
  };
}

/** GET /ai/usage/platform?days – AI requests, tokens and estimated cost per UTC day (days without use omitted). */
export function platformAiUsage(days: number) {
  return { path: `/ai/usage/platform?days=${days}`, schema: platformUsageSchema };
}

/** GET /admin/jobs – background job counts by state and the newest dead letters. */
export function jobsOverview() {
  return { path: "/admin/jobs?limit=50", schema: jobsOverviewSchema };
}

/** POST /admin/jobs/:id/retry – runs a dead letter again from its first attempt. */
export async function retryJob(id: string): Promise<void> {
  await authRequest(`/admin/jobs/${encodeURIComponent(id)}/retry`, jobRetryResultSchema, { method: "POST" });
}

/** GET /admin/security-events?type=security_alert – the newest security alerts (the security page's panel). */
export function recentAlerts(limit = 5) {
  return { path: `/admin/security-events?type=security_alert&limit=${limit}`, schema: eventPage };
}
