import {
  aiUsageSchema,
  learningPathSchema,
  type MyEnrollment,
  myEnrollmentListSchema,
  userResultSchema,
} from "@lumen/contracts";
import type { z } from "zod";

// What the dashboard reads, each as the signed-in learner (features/auth/session authRequest).

/** GET /enrollments/me – my courses with progress, last access and the lesson to continue with. */
export const myCourses = { path: "/enrollments/me", schema: myEnrollmentListSchema };
/** GET /auth/me – the fresh user record, for the stats and the verification state. */
export const me = { path: "/auth/me", schema: userResultSchema };
/** GET /ai/learning-path – ordered next steps with reasons. */
export const learningPath = { path: "/ai/learning-path", schema: learningPathSchema };
/** GET /ai/usage/me – today's AI budget. */
export const aiUsage = { path: "/ai/usage/me", schema: aiUsageSchema };

export type MyCourse = MyEnrollment;
export type LearningPathItem = z.infer<typeof learningPathSchema>["items"][number];
export type AiUsage = z.infer<typeof aiUsageSchema>;
